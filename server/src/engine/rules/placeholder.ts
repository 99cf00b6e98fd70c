import data from '../../../data/placeholders.json';
import { isDigitAt, isHanAt, isLatinAt, isSpaceCode, nextNonSpace, prevNonSpace, protectedMask } from '../chars';
import { LineFinding, LineRule } from './rule';

const SURNAMES = new Set([...data.surnames]);
const NUMBER_FOLLOWERS = new Set([...data.numberFollowers]);
const NAME_FOLLOWERS = new Set([...data.nameFollowers]);
const CHINESE_NUMERALS = new Set([...'一二三四五六七八九十〇○零']);
const X_CHARS = new Set([...'Xx×Ｘｘ']);
const DATE_UNITS = new Set([...'年月日号次届期']);

/** What the writer still has to fill in, judged from the characters around the placeholder. */
function wanted(text: string, start: number, end: number): string {
  const next = text[nextNonSpace(text, end)];
  const prev = text[prevNonSpace(text, start)];
  if (isDigitAt(text, start - 1) || isDigitAt(text, end) || (next && NUMBER_FOLLOWERS.has(next)) || prev === '第' || prev === '共' || prev === '约') {
    return '具体数字';
  }
  if (next && NAME_FOLLOWERS.has(next)) return '具体名称';
  return '具体内容';
}

function placeholderFinding(text: string, start: number, end: number, what = wanted(text, start, end)): LineFinding {
  return { start, end, message: `“${text.slice(start, end)}”是未填写的占位符，请填入${what}` };
}

/** Lines made only of *, -, _, = and spaces are separators, not placeholders. */
function isSeparatorLine(text: string): boolean {
  return /^[\s\u3000*＊_＿=\-—]+$/.test(text) && /[*＊_＿]{3,}/.test(text);
}

interface StarRun {
  start: number;
  end: number;
  paired: boolean;
}

/** `*`/`**` runs, with Markdown-style emphasis pairs marked so that they are left alone. */
function starRuns(text: string, markdown: boolean, mask: (i: number) => number): StarRun[] {
  const runs: StarRun[] = [];
  for (let i = 0; i < text.length; ) {
    const c = text.charCodeAt(i);
    if (c !== 0x2a && c !== 0xff0a) {
      i++;
      continue;
    }
    let end = i;
    while (end < text.length && text.charCodeAt(end) === c) end++;
    if (!mask(i) && !(markdown && text[i - 1] === '\\')) runs.push({ start: i, end, paired: false });
    i = end;
  }
  // Pair openers and closers of the same length, innermost first (a stack per length).
  const open = new Map<number, StarRun[]>();
  for (const run of runs) {
    const length = run.end - run.start;
    const before = run.start > 0 ? text.charCodeAt(run.start - 1) : 0x20;
    const after = run.end < text.length ? text.charCodeAt(run.end) : 0x20;
    let canOpen: boolean;
    let canClose: boolean;
    if (markdown) {
      canOpen = !isSpaceCode(after) && run.end < text.length;
      canClose = !isSpaceCode(before) && run.start > 0;
    } else {
      // Plain text: only **bold**-like pairs standing clear of the words around them.
      const word = (i: number) => isHanAt(text, i) || isLatinAt(text, i) || isDigitAt(text, i);
      canOpen = !word(run.start - 1) && !isSpaceCode(after) && run.end < text.length;
      canClose = !word(run.end) && !isSpaceCode(before) && run.start > 0;
    }
    const stack = open.get(length);
    if (canClose && stack && stack.length) {
      const opener = stack.pop()!;
      opener.paired = true;
      run.paired = true;
    } else if (canOpen) {
      if (!stack) open.set(length, [run]);
      else stack.push(run);
    }
  }
  return runs;
}

/** Unfilled template placeholders: *, **, XX, ××, 某某, 〇〇, （ ）, ____, 【待补充】, TODO. */
export const placeholder: LineRule = {
  id: 'placeholder',
  scope: 'line',
  description: '未填写的模板占位符（*、XX、××、某某、〇〇、（ ）、____、【待补充】、TODO 等）',
  defaultSeverity: 'error',
  check({ text, markdown }) {
    const findings: LineFinding[] = [];
    // Computed on first use: most lines have no character that could start a placeholder.
    let protectedChars: Uint8Array | undefined;
    const mask = (i: number) => (protectedChars ??= protectedMask(text, markdown))[i];
    const separator = isSeparatorLine(text);
    const firstText = nextNonSpace(text, 0);
    let quotes: ReturnType<typeof quoteState> | undefined;

    // * and **
    if (!separator) {
      for (const run of starRuns(text, markdown, mask)) {
        if (run.paired) continue;
        const length = run.end - run.start;
        if (length > 3) continue;
        // A list marker ("* 第一项") or a footnote mark at the line start ("*注：").
        if (run.start === firstText && (isSpaceCode(text.charCodeAt(run.end)) || text[run.end] === '注')) continue;
        // 3*4: multiplication.
        if (isDigitAt(text, prevNonSpace(text, run.start)) && isDigitAt(text, nextNonSpace(text, run.end))) continue;
        // Markdown footnote-like mark after a word at the line end.
        if (markdown && nextNonSpace(text, run.end) === text.length && run.start > 0 && !isSpaceCode(text.charCodeAt(run.start - 1))) continue;
        findings.push(placeholderFinding(text, run.start, run.end));
      }
    }

    for (let i = 0; i < text.length; ) {
      // Every other character is passed over: jump to the next one of these.
      PLACEHOLDER_START.lastIndex = i;
      const next = PLACEHOLDER_START.exec(text);
      if (!next) break;
      i = next.index;
      const c = text[i];
      // XX / xx / ×× / XXX / ×××, and a lone × standing for a name or a number.
      if (X_CHARS.has(c)) {
        let end = i;
        while (end < text.length && X_CHARS.has(text[end])) end++;
        const start = i;
        i = end;
        if (mask(start)) continue;
        if (isLatinAt(text, start - 1) || isLatinAt(text, end)) continue;
        if (end - start >= 2) {
          // Plain "xx" beside digits is more likely a code (0xx) than a placeholder unless a unit follows.
          findings.push(placeholderFinding(text, start, end));
        } else if (c === '×') {
          const p = prevNonSpace(text, start);
          const n = nextNonSpace(text, end);
          const operand = (j: number, brackets: string) => isDigitAt(text, j) || isLatinAt(text, j) || brackets.includes(text[j] ?? '') || text[j] === '%';
          if (p >= 0 && operand(p, ')）') && n < text.length && operand(n, '(（')) continue; // 3×4
          // A lone × stands for something only before a word (×年×月, ×局) or after 第/共/约;
          // 长×宽 multiplies and “数据要素×” names a policy.
          const slot = ['第', '共', '约'].includes(text[p]) || DATE_UNITS.has(text[n]) || (isHanAt(text, n) && !isHanAt(text, p));
          if (!slot) continue;
          findings.push(placeholderFinding(text, start, end));
        }
        continue;
      }
      // 某某 (but 张某某 is an anonymised name, and “某某” in quotes is an example).
      if (c === '某' && text[i + 1] === '某') {
        let end = i;
        while (end < text.length && text[end] === '某') end++;
        const start = i;
        i = end;
        if (SURNAMES.has(text[start - 1]) || text[start - 1] === '姓') continue;
        quotes ??= quoteState(text);
        if (quotes.openBefore[start] && quotes.lastClose > start) continue;
        findings.push(placeholderFinding(text, start, end, '具体名称或姓名'));
        continue;
      }
      // 〇〇 / ○○ outside a Chinese-numeral year.
      if ((c === '〇' || c === '○') && (text[i + 1] === '〇' || text[i + 1] === '○')) {
        let end = i;
        while (end < text.length && (text[end] === '〇' || text[end] === '○')) end++;
        const start = i;
        i = end;
        if (CHINESE_NUMERALS.has(text[start - 1]) || CHINESE_NUMERALS.has(text[end])) continue;
        findings.push(placeholderFinding(text, start, end));
        continue;
      }
      // Empty brackets: （ ）, 【】, 《》, and ( ) beside Chinese text.
      const close = EMPTY_PAIRS[c];
      if (close) {
        const n = nextNonSpace(text, i + 1);
        if (text[n] === close && !mask(i)) {
          const ascii = c === '(';
          const chinese = isHanAt(text, i - 1) || isHanAt(text, n + 1);
          if (!ascii || (chinese && !(markdown && text[i - 1] === ']'))) {
            findings.push({ start: i, end: n + 1, message: `括号内容为空：请填入${ascii || c === '（' ? wanted(text, i, n + 1) : '具体内容'}，或删除这对括号` });
          }
          i = n + 1;
          continue;
        }
      }
      // ____ (three or more underscores).
      if (c === '_' || c === '＿') {
        let end = i;
        while (end < text.length && (text[end] === '_' || text[end] === '＿')) end++;
        const start = i;
        i = end;
        if (end - start >= 3 && !separator && !mask(start)) {
          findings.push({ start, end, message: `“${text.slice(start, end)}”是待填写的空白，请填入${wanted(text, start, end)}` });
        }
        continue;
      }
      i++;
    }

    // 【待补充】 / 待完善 standing on its own (not 有待完善), TODO.
    for (const word of data.pendingWords) {
      for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length)) {
        const end = at + word.length;
        if (isHanAt(text, at - 1) || isHanAt(text, end)) continue;
        const bracketed = BRACKETS[text[at - 1]] !== undefined && text[end] === BRACKETS[text[at - 1]];
        const start = bracketed ? at - 1 : at;
        const stop = bracketed ? end + 1 : end;
        findings.push({ start, end: stop, message: `“${text.slice(start, stop)}”是模板中的待办标记，请补全内容后删除` });
      }
    }
    for (const word of data.taskMarkers) {
      for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length)) {
        const end = at + word.length;
        if (isLatinAt(text, at - 1) || isLatinAt(text, end) || mask(at)) continue;
        findings.push({ start: at, end, message: `“${word}”是待办标记，请补全内容后删除` });
      }
    }
    return findings.sort((a, b) => a.start - b.start);
  },
};

const EMPTY_PAIRS: Record<string, string> = { '（': '）', '(': ')', '【': '】', '《': '》', '〔': '〕', '［': '］' };
/** The characters the scan above looks at (X_CHARS, 某, 〇○, EMPTY_PAIRS' openers, underscores). */
const PLACEHOLDER_START = /[Xx×Ｘｘ某〇○（(【《〔［_＿]/g;
const BRACKETS: Record<string, string> = { '【': '】', '（': '）', '(': ')', '[': ']', '［': '］', '〔': '〕' };

/** For each position: is the nearest quote mark before it an opening “? Plus the last ” of the line. */
function quoteState(text: string): { openBefore: Uint8Array; lastClose: number } {
  const openBefore = new Uint8Array(text.length + 1);
  let open = 0;
  for (let i = 0; i < text.length; i++) {
    openBefore[i] = open;
    if (text[i] === '“') open = 1;
    else if (text[i] === '”') open = 0;
  }
  openBefore[text.length] = open;
  return { openBefore, lastClose: text.lastIndexOf('”') };
}
