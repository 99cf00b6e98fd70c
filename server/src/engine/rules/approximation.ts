import data from '../../../data/numbers.json';
import { LineFinding, LineRule } from './rule';

const NUMBER = '(?:[0-9][0-9,.]*|[一二两三四五六七八九十百千万亿零〇半几]+)';
const NOT_BEFORE: Record<string, string> = data.notBefore;

interface Pattern {
  re: RegExp;
  opens: string[];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// One regex per group: the opening word, a number, at most 8 more characters of the same clause, and
// a closing word with the same meaning. 多/余 must follow the number directly (100多人, 3个多月), so
// that 近3年多次 is not read as 近…多. Every quantifier is bounded or over disjoint classes: linear.
const PATTERNS: Pattern[] = data.approximation.map((group) => {
  const opens = [...group.open].sort((a, b) => b.length - a.length).map(escape).join('|');
  const wide = group.close.filter((c) => c !== '多' && c !== '余').map(escape).join('|');
  const narrow = group.close.filter((c) => c === '多' || c === '余').join('');
  const parts: string[] = [];
  if (wide) parts.push(`[^，。；：、！？,.;:!?\\s（）()“”]{0,8}?(${wide})`);
  if (narrow) parts.push(`[万亿千百十]?个?([${narrow}])(?![次项种样元方层彩])`);
  return { re: new RegExp(`(${opens})(${NUMBER})(?:${parts.join('|')})`, 'g'), opens: group.open };
});

/** Some opening word of any group followed by the first character of a number: a line without one matches no pattern. */
const ANY_OPEN = new RegExp(`(?:${[...new Set(data.approximation.flatMap((group) => group.open))].map(escape).join('|')})[0-9一二两三四五六七八九十百千万亿零〇半几]`);

/** 约10万人左右, 超过3年以上, 将近400余人: one approximation word per number is enough. */
export const approximation: LineRule = {
  id: 'approximation',
  scope: 'line',
  description: '约数不重复表达（约…左右、超过…以上、近…余等只保留一个）',
  defaultSeverity: 'warning',
  check({ text }) {
    const findings: LineFinding[] = [];
    if (!ANY_OPEN.test(text)) return findings;
    for (const { re } of PATTERNS) {
      re.lastIndex = 0;
      for (const m of text.matchAll(re)) {
        const open = m[1];
        const start = m.index!;
        const before = NOT_BEFORE[open];
        if (before && start > 0 && before.includes(text[start - 1])) continue; // 制约, 最近, 大约 handled as 大约
        const close = m[3] ?? m[4];
        const end = start + m[0].length;
        const closeStart = end - close.length;
        // Deleting 左右 after 约 keeps the meaning exactly; the other choices are the writer's.
        const sure = close === '左右' && (open === '约' || open === '大约');
        findings.push({
          start,
          end,
          message: `约数重复：“${open}”与“${close}”意思重复，保留其一即可`,
          fixes: [
            { title: `删除“${close}”`, edits: [{ start: closeStart, end, newText: '' }], safe: sure },
            { title: `删除“${open}”`, edits: [{ start, end: start + open.length, newText: '' }], safe: false },
          ],
        });
      }
    }
    return findings.sort((a, b) => a.start - b.start);
  },
};
