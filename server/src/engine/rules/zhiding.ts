import data from '../../../data/context-words.json';
import { alternation } from './contextPairs';
import type { LineFinding, LineRule } from './rule';

const { objects, between, modifiers } = data.zhiding;
const PATTERN = new RegExp(`制订(?=(?:${alternation(between)})?(?:${alternation(modifiers)})?(?:${alternation(objects)}))`, 'g');

/**
 * 制定 (lay down laws, policies, regulations) vs 制订 (draft schemes and plans). Only the clear case is
 * flagged: 制订 with a law or policy as its object. 制定计划 is common and accepted, so it is left alone.
 */
export const zhiding: LineRule = {
  id: 'zhiding',
  description: '法律、法规、政策等宜用“制定”，不用“制订”（制订多用于方案、计划）',
  defaultSeverity: 'information',
  scope: 'line',
  check({ text }) {
    const findings: LineFinding[] = [];
    if (!text.includes('制订')) return findings;
    for (const m of text.matchAll(PATTERN)) {
      const start = m.index!;
      findings.push({
        start,
        end: start + 2,
        message: '法律、法规、政策等宜用“制定”（确定并颁布）；“制订”多用于拟订方案、计划',
        fixes: [{ title: '改为“制定”', edits: [{ start, end: start + 2, newText: '制定' }], safe: false }],
      });
    }
    return findings;
  },
};
