import { isChineseAt, protectedMask } from '../chars';
import { LineFinding, LineRule } from './rule';

/** Runs that stand for an ellipsis: ... 。。。 ．．． ··· and a single or triple …. */
const DOT_RUNS: Record<string, number> = { '.': 3, '。': 3, '．': 3, '·': 3, '・': 3, '…': 1 };
/** Runs that stand for a dash: -- －－ ── */
const DASH_RUNS: Record<string, number> = { '-': 2, '－': 2, '─': 2 };

const MARK_CODES = new Set([...Object.keys(DOT_RUNS), ...Object.keys(DASH_RUNS)].map((c) => c.charCodeAt(0)));

/** Ellipsis is “……” (six dots), dash is “——” (GB/T 15834 4.10, 4.11). */
export const ellipsisDash: LineRule = {
  id: 'ellipsis-dash',
  scope: 'line',
  description: '省略号应为“……”，破折号应为“——”',
  defaultSeverity: 'error',
  check({ text, markdown }) {
    const findings: LineFinding[] = [];
    let mask: Uint8Array | undefined;
    for (let i = 0; i < text.length; ) {
      // Most characters are none of these: test the code unit before making a one-character string.
      if (!MARK_CODES.has(text.charCodeAt(i))) {
        i++;
        continue;
      }
      const c = text[i];
      const minDots = DOT_RUNS[c];
      const minDash = DASH_RUNS[c];
      if (minDots === undefined && minDash === undefined) {
        i++;
        continue;
      }
      let end = i;
      while (end < text.length && text[end] === c) end++;
      const start = i;
      const length = end - start;
      i = end;
      // Runs too short (a single 。) or too long to be reported whatever surrounds them: no mask needed.
      if (minDots !== undefined && c !== '…' && length < minDots) continue;
      if (minDash !== undefined && (length < minDash || length > 3)) continue;
      mask ??= protectedMask(text, markdown);
      if (mask[start]) continue;
      const chinese = isChineseAt(text, start - 1) || isChineseAt(text, end);
      if (minDots !== undefined) {
        if (c === '…') {
          // …… is right; …………(two ellipses) is allowed; one or three dots-characters are slips.
          if (length !== 1 && length !== 3) {
            if (text[end] === '等' && length === 2) {
              findings.push({
                start,
                end: end + 1,
                severity: 'warning',
                message: '省略号和“等”不同时使用：保留“……”或“等”其中之一',
                fixes: [
                  { title: '删除“等”', edits: [{ start: end, end: end + 1, newText: '' }], safe: false },
                  { title: '删除省略号', edits: [{ start, end, newText: '' }], safe: false },
                ],
              });
            }
            continue;
          }
          if (!chinese) continue;
        } else {
          if (length < minDots) continue;
          // English text keeps its three dots; 。。。 is wrong anywhere.
          if (c !== '。' && !chinese) continue;
          // A Markdown table rule or leader dots (.....) in a table of contents are no ellipsis.
          if (c === '.' && length > 6) continue;
        }
        findings.push({
          start,
          end,
          message: `省略号应写作“……”（六个点，占两个字的位置），不用“${text.slice(start, end)}”`,
          fixes: [{ title: '改为“……”', edits: [{ start, end, newText: '……' }], safe: true }],
        });
        continue;
      }
      // Dashes: only 2–3 hyphens touching Chinese text (never Markdown rules, tables, options --x).
      if (length < minDash! || length > 3) continue;
      if (c === '-' && !chinese) continue;
      if (c === '-' && (isChineseAt(text, start - 1) === false && isChineseAt(text, end) === false)) continue;
      findings.push({
        start,
        end,
        message: `破折号应写作“——”（占两个字的位置），不用“${text.slice(start, end)}”`,
        fixes: [{ title: '改为“——”', edits: [{ start, end, newText: '——' }], safe: true }],
      });
    }
    return findings;
  },
};
