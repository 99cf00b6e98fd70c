import data from '../../../data/style.json';
import { allHan } from '../chars';
import { LineFinding, LineRule } from './rule';

const NEVER_DOUBLED = new Set([...data.neverDoubled]);
const ALLOWED = new Set(data.allowedRepeats);

/** 的的, 进一步进一步: a word written twice in a row. Reduplication (看看, 研究研究, 一个一个) is fine. */
export const repeatedWord: LineRule = {
  id: 'repeated-word',
  scope: 'line',
  description: '词语重复（的的、进一步进一步），不含“看看”“研究研究”等正常叠用',
  defaultSeverity: 'information',
  needsSegmentation: true,
  check({ tokens }) {
    const findings: LineFinding[] = [];
    if (!tokens) return findings;
    for (let i = 1; i < tokens.length; i++) {
      const a = tokens[i - 1];
      const b = tokens[i];
      if (a.text !== b.text || a.end !== b.start || !allHan(a.text)) continue;
      const word = a.text;
      if (word.length === 1 ? !NEVER_DOUBLED.has(word) : ALLOWED.has(word) || /^一.$/.test(word)) continue;
      // 的的确确 and the like are single tokens; a third copy is reported once.
      if (i >= 2 && tokens[i - 2].text === word && tokens[i - 2].end === a.start) continue;
      findings.push({
        start: a.start,
        end: b.end,
        message: `词语重复：“${word}”连写了两次`,
        // 的的 is always a slip; two equal longer words may be a compound (PPP项目 + 项目经理).
        fixes: [{ title: `删除重复的“${word}”`, edits: [{ start: b.start, end: b.end, newText: '' }], safe: word.length === 1 }],
      });
    }
    return findings;
  },
};
