import { LineFinding, LineRule } from './rule';

/** 9～16亿, 15～30%, 13～17万元: a range whose first number lost its unit. Anchored after a
 * non-digit and made of disjoint classes, so matching is linear. */
const RANGE = /(?<![\d.\-－—～~/:A-Za-z])(\d+(?:\.\d+)?)([～~—–\-－至到])(\d+(?:\.\d+)?)(万亿|万|亿|%|％|‰)/g;

/** GB/T 15835 5.1.3: write the unit on both ends of a range when dropping it could mislead. */
export const rangeUnit: LineRule = {
  id: 'range-unit',
  scope: 'line',
  description: '数值范围两端都应带上单位（9亿～16亿、15%～30%）',
  defaultSeverity: 'warning',
  check({ text }) {
    const findings: LineFinding[] = [];
    for (const m of text.matchAll(RANGE)) {
      const [whole, a, sep, b, unit] = m;
      // 2024-05-06% or 1-2-3万 would be something else; 1.5-2.5万 is fine.
      if (text[m.index! + whole.length] === '-' ) continue;
      const at = m.index! + a.length;
      findings.push({
        start: m.index!,
        end: m.index! + whole.length,
        message: `数值范围前后都应带单位：“${whole}”应写作“${a}${unit}${sep}${b}${unit}”`,
        fixes: [{ title: `改为“${a}${unit}${sep}${b}${unit}”`, edits: [{ start: at, end: at, newText: unit }], safe: true }],
      });
    }
    return findings;
  },
};
