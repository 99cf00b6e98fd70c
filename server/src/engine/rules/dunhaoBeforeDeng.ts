import data from '../../../data/punctuation.json';
import { LineFinding, LineRule } from './rule';

const DENG_WORDS = data.dengWords;

/** 苹果、香蕉、等 → 苹果、香蕉等: no 顿号 before 等/等等 (GB/T 15834 B.1.2). */
export const dunhaoBeforeDeng: LineRule = {
  id: 'dunhao-before-deng',
  scope: 'line',
  description: '“等”“等等”前不加顿号',
  defaultSeverity: 'error',
  check({ text }) {
    const findings: LineFinding[] = [];
    for (let at = text.indexOf('、'); at >= 0; at = text.indexOf('、', at + 1)) {
      let deng = at + 1;
      while (text[deng] === ' ' || text[deng] === '\u3000') deng++;
      if (text[deng] !== '等') continue;
      // 数量、等级: a word that merely begins with 等.
      if (text[deng + 1] !== '等' && DENG_WORDS.some((w) => text.startsWith(w, deng))) continue;
      findings.push({
        start: at,
        end: deng + 1,
        message: '“等”前不加顿号：列举以顿号隔开时，“等”直接接在最后一项之后',
        fixes: [{ title: '删除“等”前的顿号', edits: [{ start: at, end: deng, newText: '' }], safe: true }],
      });
    }
    return findings;
  },
};
