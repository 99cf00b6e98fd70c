import { LineFinding, LineRule } from './rule';

// Both patterns start at a character that no digit precedes, and are bounded: linear.
/** 22年3月: a two-digit year in a full date. */
const SHORT_DATE = /(?<![\d.．\-/:A-Za-z])(\d{2})年(?=\d{1,2}月)/g;
/** 2020—22年 / 2020年至22年: the second year of a range cut to two digits. */
const RANGE_TAIL = /(?<![\d.])(\d{4})(年?)([—–\-－～~至到])(\d{2})(?=年)/g;

/** A four-digit year is never cut to two digits (GB/T 15835 5.1.4): 2022年, not 22年. */
export const twoDigitYear: LineRule = {
  id: 'two-digit-year',
  scope: 'line',
  description: '年份应写全四位，不简写为两位（22年 → 2022年）',
  defaultSeverity: 'error',
  check({ text }) {
    if (!text.includes('年')) return [];
    const findings: LineFinding[] = [];
    for (const m of text.matchAll(RANGE_TAIL)) {
      const first = Number(m[1]);
      const tail = Number(m[4]);
      let year = Math.floor(first / 100) * 100 + tail;
      if (year < first) year += 100;
      const start = m.index! + m[1].length + m[2].length + m[3].length;
      findings.push({
        start,
        end: start + 2,
        message: `年份不应简写：“${m[4]}年”应写作“${year}年”`,
        fixes: [{ title: `改为“${year}”`, edits: [{ start, end: start + 2, newText: String(year) }], safe: true }],
      });
    }
    for (const m of text.matchAll(SHORT_DATE)) {
      const start = m.index!;
      const guess = `20${m[1]}`;
      findings.push({
        start,
        end: start + 3,
        message: `年份不应简写为两位：“${m[1]}年”应写出完整年份（如“${guess}年”）`,
        fixes: [{ title: `改为“${guess}年”`, edits: [{ start, end: start + 2, newText: guess }], safe: false }],
      });
    }
    return findings.sort((a, b) => a.start - b.start);
  },
};
