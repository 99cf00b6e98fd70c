import data from '../../../data/numbers.json';
import { LineFinding, LineRule } from './rule';

const UNIT_WORDS = data.unitWords;
const MIX = /(?<![\d.A-Za-z])(\d+(?:\.\d+)?)([千百十])/g;
const FACTOR: Record<string, number> = { 千: 1000, 百: 100, 十: 10 };

/** 4千, 3百人: Arabic digits are not combined with 千/百/十 (GB/T 15835 5.3); 万 and 亿 are fine. */
export const digitNumeralMix: LineRule = {
  id: 'digit-numeral-mix',
  scope: 'line',
  description: '阿拉伯数字不与“千”“百”“十”连用（4千 → 4000；万、亿可以）',
  defaultSeverity: 'warning',
  check({ text }) {
    const findings: LineFinding[] = [];
    for (const m of text.matchAll(MIX)) {
      const [whole, digits, numeral] = m;
      const at = m.index! + digits.length;
      if (UNIT_WORDS.some((w) => text.startsWith(w, at))) continue; // 5千米, 3千克
      const end = m.index! + whole.length;
      // 3千5百 or 1百零8: the whole number must be rewritten; say so without guessing.
      const more = /^[\d零]/.test(text.slice(end, end + 1));
      const value = Number(digits) * FACTOR[numeral];
      const arabic = Number.isFinite(value) && !more ? String(Math.round(value * 1000) / 1000) : undefined;
      findings.push({
        start: m.index!,
        end,
        message: `阿拉伯数字不与“${numeral}”连用：“${whole}”${arabic ? `应写作“${arabic}”` : '应统一改用阿拉伯数字或汉字数字'}`,
        fixes: arabic ? [{ title: `改为“${arabic}”`, edits: [{ start: m.index!, end, newText: arabic }], safe: false }] : [],
      });
    }
    return findings;
  },
};
