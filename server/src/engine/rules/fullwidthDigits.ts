import { LineFinding, LineRule } from './rule';

function isFullDigit(c: number): boolean {
  return c >= 0xff10 && c <= 0xff19;
}

/** ２０２４ → 2024: Arabic digits are half-width (GB/T 15835 5.1.7.1). */
export const fullwidthDigits: LineRule = {
  id: 'fullwidth-digits',
  scope: 'line',
  description: '阿拉伯数字应使用半角形式（２０２４ → 2024）',
  defaultSeverity: 'warning',
  check({ text }) {
    const findings: LineFinding[] = [];
    for (let i = 0; i < text.length; ) {
      if (!isFullDigit(text.charCodeAt(i))) {
        i++;
        continue;
      }
      let end = i;
      // A full-width decimal point between full-width digits goes with them (１．５ → 1.5).
      while (end < text.length && (isFullDigit(text.charCodeAt(end)) || (text[end] === '．' && isFullDigit(text.charCodeAt(end + 1)) && end > i))) end++;
      const run = text.slice(i, end);
      const half = run.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/．/g, '.');
      findings.push({
        start: i,
        end,
        message: `阿拉伯数字应使用半角：“${run}”应写作“${half}”`,
        fixes: [{ title: `改为“${half}”`, edits: [{ start: i, end, newText: half }], safe: true }],
      });
      i = end;
    }
    return findings;
  },
};
