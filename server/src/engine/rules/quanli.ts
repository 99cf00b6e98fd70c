import data from '../../../data/context-words.json';
import { contextPairRule } from './contextPairs';

/** 权力 (power, authority) vs 权利 (a right, paired with 义务), in phrases where the context decides. */
export const quanli = contextPairRule(
  { id: 'quanli', description: '权力与权利混用（如“权利运行”应为“权力运行”，“权力和义务”应为“权利和义务”）', severity: 'warning' },
  data.quanli,
);
