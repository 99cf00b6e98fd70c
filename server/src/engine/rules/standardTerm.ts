import { termsIn, wrongFormsIn } from '../terms';
import type { LineFinding, LineRule } from './rule';

const OPENING_QUOTES = ['“', '"', '‘', "'"];

/**
 * Standard political formulations (规范表述, server/data/standard-terms.json): known wrong or truncated
 * forms (习近平中国特色社会主义思想, 二十大三中全会…) get the standard form as the fix; a wrong verb
 * before a term (坚定“四个意识”) gets the usual collocation as a suggestion; a numbered shorthand in
 * 书名号 (《三会一课》) gets quotation marks.
 */
export const standardTerm: LineRule = {
  id: 'standard-term',
  description: '规范表述：重要提法的错误或残缺写法、搭配不当（如“坚定‘四个意识’”）、缩略语误用书名号',
  defaultSeverity: 'error',
  scope: 'line',
  check({ text }) {
    const findings: LineFinding[] = [];
    const covered: [number, number][] = [];
    for (const m of wrongFormsIn(text)) {
      const note = m.form.note ? `（${m.form.note}）` : '';
      findings.push({
        start: m.start,
        end: m.end,
        message: `规范表述：应为“${m.form.right}”，不写作“${m.form.text}”${note}`,
        severity: m.form.severity ?? (m.form.safe ? 'error' : 'warning'),
        fixes: [{ title: `改为“${m.form.right}”`, edits: [{ start: m.start, end: m.end, newText: m.form.right }], safe: m.form.safe }],
      });
      covered.push([m.start, m.end]);
    }
    for (const occurrence of termsIn(text)) {
      const { term, start, end } = occurrence;
      if (covered.some(([s, e]) => start < e && s < end)) continue;
      // 坚定“四个意识”: the verb right before the term (an opening quote may stand between).
      let verbEnd = start;
      if (verbEnd > 0 && OPENING_QUOTES.includes(text[verbEnd - 1])) verbEnd--;
      for (const collocation of term.collocations ?? []) {
        const verb = collocation.wrong.find((v) => text.startsWith(v, verbEnd - v.length) && verbEnd - v.length >= 0);
        if (!verb) continue;
        const verbStart = verbEnd - verb.length;
        findings.push({
          start: verbStart,
          end: verbEnd,
          message: `搭配不当：规范表述为“${collocation.right}‘${term.term}’”，不说“${verb}‘${term.term}’”`,
          severity: 'warning',
          fixes: [{ title: `改为“${collocation.right}”`, edits: [{ start: verbStart, end: verbEnd, newText: collocation.right }], safe: false }],
        });
      }
      // 《三会一课》: a shorthand is quoted, not a title.
      if (term.quoted && text[start - 1] === '《' && text[end] === '》') {
        findings.push({
          start: start - 1,
          end: end + 1,
          message: `“${term.term}”是数字缩略语，应加引号，不用书名号`,
          severity: 'warning',
          fixes: [{ title: `改为“${term.term}”`, edits: [{ start: start - 1, end: start, newText: '“' }, { start: end, end: end + 1, newText: '”' }], safe: true }],
        });
      }
    }
    return findings.sort((a, b) => a.start - b.start);
  },
};
