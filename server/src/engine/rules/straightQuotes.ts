import { containsHan, isChineseAt, isLatinAt, protectedMask } from '../chars';
import { LineFinding, LineRule } from './rule';

/** Straight ASCII quotes "…" '…' in Chinese text → “…” ‘…’ (GB/T 15834 4.8). */
export const straightQuotes: LineRule = {
  id: 'straight-quotes',
  scope: 'line',
  description: '中文中的直引号 "…" \'…\' 应使用弯引号 “…” ‘…’',
  defaultSeverity: 'warning',
  check({ text, markdown }) {
    if (!text.includes('"') && !text.includes("'")) return [];
    const findings: LineFinding[] = [];
    const mask = protectedMask(text, markdown);
    for (const [quote, open, close] of [
      ['"', '“', '”'],
      ["'", '‘', '’'],
    ] as const) {
      const at: number[] = [];
      for (let i = text.indexOf(quote); i >= 0; i = text.indexOf(quote, i + 1)) {
        if (mask[i]) continue;
        // An apostrophe inside an English word (don't, China's).
        if (quote === "'" && isLatinAt(text, i - 1) && isLatinAt(text, i + 1)) continue;
        at.push(i);
      }
      if (at.length === 0) continue;
      const chineseAround = (a: number, b: number) => containsHan(text, a + 1, b) || isChineseAt(text, a - 1) || isChineseAt(text, b + 1);
      if (at.length % 2 === 0) {
        // Quotes pair up in order; the fix is sure only when every pair is in Chinese text.
        const pairs: [number, number][] = [];
        for (let k = 0; k < at.length; k += 2) pairs.push([at[k], at[k + 1]]);
        const chinese = pairs.map(([a, b]) => chineseAround(a, b));
        const all = chinese.every(Boolean);
        pairs.forEach(([a, b], k) => {
          if (!chinese[k]) return;
          findings.push({
            start: a,
            end: b + 1,
            message: `中文中应使用弯引号：${quote}…${quote} 应改为 ${open}…${close}`,
            fixes: [
              {
                title: `改为 ${open}…${close}`,
                edits: [
                  { start: a, end: a + 1, newText: open },
                  { start: b, end: b + 1, newText: close },
                ],
                safe: all,
              },
            ],
          });
        });
      } else if (quote === '"') {
        // An odd number: which is which is unclear, so no fix.
        for (const i of at) {
          if (!isChineseAt(text, i - 1) && !isChineseAt(text, i + 1)) continue;
          findings.push({ start: i, end: i + 1, message: `中文中应使用弯引号 ${open}${close}，不用直引号 ${quote}（此处引号不成对，请检查）` });
        }
      }
    }
    return findings.sort((a, b) => a.start - b.start);
  },
};
