import data from '../../../data/context-words.json';
import { contextPairRule } from './contextPairs';

/** 反映 (report, reflect) vs 反应 (a reaction), in phrases about reporting to superiors. */
export const fanying = contextPairRule(
  { id: 'fanying', description: '反映与反应混用（如“如实反应情况”应为“如实反映情况”）', severity: 'warning' },
  data.fanying,
);
