import data from '../../../data/context-words.json';
import { alternation } from './contextPairs';
import type { LineFinding, LineRule } from './rule';

const { objects, quantifiers, modifiers } = data.zuochu;
/** 做出 + (了) + (一系列) + up to two modifiers + (的) + an abstract object. */
const PATTERN = new RegExp(
  `做出(?=了?(?:${alternation(quantifiers)})?(?:(?:${alternation(modifiers)})的?){0,2}(?:${alternation(objects)}))`,
  'g',
);

/** 公文 writes 作出 before abstract objects (作出决定、部署、贡献、批示); 做出 is for concrete things. */
export const zuochu: LineRule = {
  id: 'zuochu',
  description: '公文中抽象宾语前宜用“作出”（作出决定、部署、贡献、批示），不用“做出”',
  defaultSeverity: 'warning',
  scope: 'line',
  check({ text }) {
    const findings: LineFinding[] = [];
    if (!text.includes('做出')) return findings;
    for (const m of text.matchAll(PATTERN)) {
      const start = m.index!;
      findings.push({
        start,
        end: start + 2,
        message: '公文中“决定、部署、贡献、批示”等抽象宾语前宜用“作出”；“做出”多用于具体的成品或动作',
        fixes: [{ title: '改为“作出”', edits: [{ start, end: start + 2, newText: '作出' }], safe: false }],
      });
    }
    return findings;
  },
};
