import data from '../../../data/context-words.json';
import { contextPairRule } from './contextPairs';

/** 起用 (appoint people) vs 启用 (begin using things). */
export const qiyong = contextPairRule(
  { id: 'qiyong', description: '起用与启用混用（起用干部；启用印章、系统）', severity: 'warning' },
  data.qiyong,
);
