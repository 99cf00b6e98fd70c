import { isChineseAt, isDigitAt, isHanAt, isLatinAt, nextNonSpace, protectedMask } from '../chars';
import { LineFinding, LineRule } from './rule';

const FULL: Record<string, string> = { ',': '，', '.': '。', ':': '：', ';': '；', '?': '？', '!': '！', '(': '（', ')': '）' };
const HALF_WIDTH_MARK = /[,.:;?!()]/g;

/** Previous character that carries meaning: spaces and (in Markdown) emphasis marks are skipped. */
function prevMeaningful(text: string, i: number, markdown: boolean): number {
  let j = i - 1;
  while (j >= 0 && (text[j] === ' ' || (markdown && (text[j] === '*' || text[j] === '_')))) j--;
  return j;
}

function nextMeaningful(text: string, i: number, markdown: boolean): number {
  let j = i + 1;
  while (j < text.length && (text[j] === ' ' || (markdown && (text[j] === '*' || text[j] === '_')))) j++;
  return j;
}

/**
 * Half-width , . : ; ? ! ( ) next to Chinese characters → full-width (GB/T 15834 5.1.1).
 * Left alone: decimals (1.5), times (8:30), digit groups (1,000), URLs and file names, English
 * phrases, heading markers (1. and (一), which heading-marker reports) and Markdown syntax.
 */
export const halfwidthPunctuation: LineRule = {
  id: 'halfwidth-punctuation',
  scope: 'line',
  description: '中文中应使用全角标点，不用半角 , . : ; ? ! ( )',
  defaultSeverity: 'error',
  check({ text, markdown, info }) {
    if (!/[,.:;?!()]/.test(text)) return [];
    const mask = protectedMask(text, markdown);
    const skipBefore = info.heading ? info.heading.markerEnd : 0;
    const flagged = new Uint8Array(text.length);
    let anyFlagged = false;
    const first = nextNonSpace(text, 0);

    // Parentheses are judged as pairs: if either side of the pair is Chinese, both are converted.
    // Whether a pair holds Chinese is read from a running count of Chinese characters. (Both only for a line with parentheses.)
    let partner: Int32Array | undefined;
    let hanPrefix: Int32Array | undefined;
    if (text.includes('(') || text.includes(')')) {
      const stack: number[] = [];
      partner = new Int32Array(text.length).fill(-1);
      for (let i = 0; i < text.length; i++) {
        if (mask[i]) continue;
        if (text[i] === '(') stack.push(i);
        else if (text[i] === ')' && stack.length) {
          const a = stack.pop()!;
          partner[a] = i;
          partner[i] = a;
        }
      }
      hanPrefix = new Int32Array(text.length + 1);
      for (let k = 0; k < text.length; k++) hanPrefix[k + 1] = hanPrefix[k] + (isHanAt(text, k) ? 1 : 0);
    }

    // Only the marks of FULL are looked at: the scan jumps from one to the next.
    HALF_WIDTH_MARK.lastIndex = skipBefore;
    for (let found = HALF_WIDTH_MARK.exec(text); found; found = HALF_WIDTH_MARK.exec(text)) {
      const i = found.index;
      const c = found[0];
      if (mask[i] || flagged[i]) continue;
      const p = prevMeaningful(text, i, markdown);
      const n = nextMeaningful(text, i, markdown);
      const chineseBefore = isChineseAt(text, p);
      const hanAfter = isHanAt(text, n);
      let flag = false;
      switch (c) {
        case ',':
          flag = (chineseBefore || hanAfter) && !(isDigitAt(text, i - 1) && isDigitAt(text, i + 1));
          break;
        case '.':
          // 工作.我们 / 完成任务. — never 1.5, 1., No., ..., .docx
          flag = chineseBefore && text[i + 1] !== '.' && text[i - 1] !== '.' && !isLatinAt(text, i + 1) && !isDigitAt(text, i + 1);
          break;
        case ':':
          // A short label ending a line (来源: / 分享到:) is page furniture more often than prose.
          if (nextNonSpace(text, i + 1) === text.length && i - first <= 5) break;
          flag = (chineseBefore || (hanAfter && !isDigitAt(text, p) && !isLatinAt(text, p))) && !(isDigitAt(text, i - 1) && isDigitAt(text, i + 1)) && text[i + 1] !== '/';
          break;
        case ';':
          flag = chineseBefore || (hanAfter && !isLatinAt(text, p));
          break;
        case '?':
        case '!':
          flag = chineseBefore && !(markdown && c === '!' && text[i + 1] === '[') && text[i + 1] !== c;
          break;
        case '(':
        case ')': {
          const other = partner![i];
          if (c === ')' && other < 0 && i - first <= 2 && /^[0-9a-zA-Z]{1,2}$/.test(text.slice(first, i))) break; // 1) list marker
          if (markdown && text[(c === '(' ? i : other) - 1] === ']') break; // [text](url)
          const a = c === '(' ? i : other;
          const b = c === ')' ? i : other;
          if (other < 0) flag = isChineseAt(text, i - 1) || isChineseAt(text, i + 1);
          else {
            if (a < skipBefore) break;
            const inner = hanPrefix![b] > hanPrefix![a + 1];
            flag = inner || isChineseAt(text, a - 1) || isChineseAt(text, b + 1);
            if (flag && c === '(') {
              flagged[b] = 2; // the partner is converted with it
              anyFlagged = true;
            }
          }
          break;
        }
      }
      if (!flag) continue;
      flagged[i] = 1;
      anyFlagged = true;
    }

    const findings: LineFinding[] = [];
    if (!anyFlagged) return findings;
    for (let i = skipBefore; i < text.length; i++) {
      if (!flagged[i]) continue;
      const c = text[i];
      let start = i;
      let end = i + 1;
      // Spaces typed around a half-width mark go with it (full-width marks carry their own space).
      if (c !== ')') {
        let j = i;
        while (j > 0 && text[j - 1] === ' ') j--;
        if (j < i && isChineseAt(text, j - 1)) start = j;
      }
      if (c !== '(') {
        let j = i + 1;
        while (j < text.length && text[j] === ' ') j++;
        if (j > i + 1 && j < text.length && !FULL[text[j]] && (c !== ')' || isChineseAt(text, j))) end = j;
      }
      findings.push({
        start: i,
        end: i + 1,
        message: `中文中应使用全角标点：“${c}”应改为“${FULL[c]}”`,
        fixes: [{ title: `改为“${FULL[c]}”`, edits: [{ start, end, newText: FULL[c] }], safe: true }],
      });
    }
    return findings;
  },
};
