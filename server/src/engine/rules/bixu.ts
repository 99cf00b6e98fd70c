import data from '../../../data/context-words.json';
import { contextPairRule } from './contextPairs';

/** 必须 (must, before verbs) vs 必需 (indispensable, before nouns or after 所…的). */
export const bixu = contextPairRule(
  { id: 'bixu', description: '必须与必需混用（如“必须品”应为“必需品”，“必需坚持”应为“必须坚持”）', severity: 'warning' },
  data.bixu,
);
