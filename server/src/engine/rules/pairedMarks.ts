import { isHanAt, isLatinAt, nextNonSpace, protectedMask } from '../chars';
import type { LineInfo } from '../lineInfo';
import { range } from '../types';
import { DocumentFinding, DocumentRule, MAX_FINDINGS_PER_RULE } from './rule';

const CLOSER_OF: Record<string, string> = {
  '“': '”',
  '‘': '’',
  '《': '》',
  '〈': '〉',
  '（': '）',
  '【': '】',
  '〔': '〕',
  '［': '］',
  '(': ')',
};
const OPENER_OF: Record<string, string> = {};
for (const [o, c] of Object.entries(CLOSER_OF)) OPENER_OF[c] = o;
/** Any mark of CLOSER_OF, opening or closing: the scan of a line jumps from one to the next. */
const ANY_MARK = /[“‘《〈（【〔［(”’》〉）】〕］)]/g;
// A full-width opening bracket closed by an ASCII one is a width slip (halfwidth-punctuation reports it).
const ALSO_CLOSES: Record<string, string> = { '（': ')', '(': '）' };

/** How many lines an unclosed mark may stay open waiting for its partner (web leftovers such as
 * 【字号：/加大/还原/减小/】 and quotations that run over a line break). */
const WINDOW = 6;

interface Open {
  char: string;
  line: number;
  at: number;
  /** The mark opens a paragraph of a multi-paragraph quotation (“ at the line start). */
  leading: boolean;
}

const NAMES: Record<string, string> = {
  '“': '引号',
  '‘': '引号',
  '《': '书名号',
  '〈': '书名号',
  '（': '括号',
  '【': '方头括号',
  '〔': '六角括号',
  '［': '方括号',
};

function name(char: string): string {
  return NAMES[char] ?? NAMES[OPENER_OF[char]] ?? '标点';
}

/**
 * “” ‘’ 《》 〈〉 （） 【】 must pair up and nest properly. One stack scan over the document (linear);
 * a mark may find its partner up to a few lines later, so that quotations and web leftovers spread
 * over lines are not reported.
 */
export const pairedMarks: DocumentRule = {
  id: 'paired-marks',
  scope: 'document',
  description: '引号、书名号、括号等成对标点应配对且正确嵌套',
  defaultSeverity: 'warning',
  check({ document }) {
    const findings: DocumentFinding[] = [];
    const { lines, lineInfos, ignoredLines } = document;
    const markdown = document.kind === 'markdown';
    let stack: Open[] = [];
    const unclosed = (o: Open) => {
      if (o.char === '(' || findings.length > MAX_FINDINGS_PER_RULE) return;
      if (o.leading && o.char === '“') return;
      const want = CLOSER_OF[o.char];
      findings.push({
        range: range(o.line, o.at, o.at + 1),
        message: `${name(o.char)}不成对：“${o.char}”缺少与之配对的“${want}”`,
      });
    };
    for (let lineNo = 0; lineNo < lines.length; lineNo++) {
      const info = lineInfos[lineNo];
      // Lines without paired marks change nothing here (marks left open are reported at the next line that has some).
      if (!info.pairedMarks || ignoredLines.has(lineNo)) continue;
      // Marks left open too long are reported now.
      if (stack.length && stack[0].line < lineNo - WINDOW) {
        const keep: Open[] = [];
        for (const o of stack) (o.line < lineNo - WINDOW ? unclosed(o) : keep.push(o));
        stack = keep;
      }
      const text = lines[lineNo];
      // A line entered with nothing open and left with nothing open is judged by its text alone: that
      // judgement is kept with its LineInfo (which lives as long as the line is unchanged), so a keystroke
      // does not rescan every paragraph of a long report.
      let memo: DocumentFinding[] | undefined;
      if (stack.length === 0 && (memo = selfContained.get(info))) {
        for (const f of memo) findings.push(atLine(f, lineNo));
        continue;
      }
      const enteredEmpty = stack.length === 0;
      const findingsBefore = findings.length;
      let mask: Uint8Array | undefined;
      const first = nextNonSpace(text, 0);
      const lineStackStart = stack.length;
      // Open marks per kind, so that a closer without a partner is known in O(1).
      const openCount: Record<string, number> = {};
      const swallow: Record<string, number> = {};
      for (const o of stack) openCount[o.char] = (openCount[o.char] ?? 0) + 1;
      ANY_MARK.lastIndex = 0;
      for (let found = ANY_MARK.exec(text); found; found = ANY_MARK.exec(text)) {
        const i = found.index;
        const c = found[0];
        if ((mask ??= protectedMask(text, markdown))[i]) continue;
        // 》》 and 《《 are arrows in web page leftovers (》》点击进入), not book-title marks.
        if ((c === '《' || c === '》') && (text[i + 1] === c || text[i - 1] === c)) continue;
        if (CLOSER_OF[c]) {
          // ‘ inside an English word is a typographic apostrophe.
          if (c === '‘' && isLatinAt(text, i - 1) && isLatinAt(text, i + 1)) continue;
          stack.push({ char: c, line: lineNo, at: i, leading: i === first });
          openCount[c] = (openCount[c] ?? 0) + 1;
          continue;
        }
        const opener = OPENER_OF[c];
        if (!opener) continue;
        if (c === '’' && isLatinAt(text, i - 1)) continue; // China’s
        const matches = (o: Open) => o.char === opener || ALSO_CLOSES[o.char] === c;
        const also = c === ')' ? '（' : c === '）' ? '(' : '';
        let k = -1;
        if (openCount[opener] || (also && openCount[also])) {
          // Everything above the partner is popped below, so this walk is linear overall.
          k = stack.length - 1;
          while (k >= 0 && !matches(stack[k])) k--;
        }
        if (k < 0) {
          if (c === ')') continue;
          if (swallow[c]) {
            swallow[c]--; // the closer of a crossed pair, already reported
            continue;
          }
          // 1） 2） a） 一） list markers, at the line start or after punctuation.
          if (c === '）' && isListMarker(text, i)) continue;
          if (findings.length > MAX_FINDINGS_PER_RULE) continue;
          findings.push({ range: range(lineNo, i, i + 1), message: `${name(c)}不成对：“${c}”前缺少与之配对的“${opener}”` });
          continue;
        }
        // Marks opened after the partner and still open: crossed with this pair, or never closed.
        for (let j = stack.length - 1; j > k; j--) {
          const inner = stack[j];
          if (inner.char === '(' || inner.char === '‘') continue;
          const innerCloser = CLOSER_OF[inner.char];
          if (inner.line === lineNo && text.lastIndexOf(innerCloser) > i) {
            swallow[innerCloser] = (swallow[innerCloser] ?? 0) + 1;
            findings.push({
              range: range(lineNo, inner.at, i + 1),
              message: `成对标点交叉嵌套：“${inner.char}……${c}……${innerCloser}”应改为先开后闭、内外对应`,
            });
          } else unclosed(inner);
        }
        for (let j = stack.length - 1; j >= k; j--) openCount[stack[j].char]--;
        stack.length = k;
      }
      // Wrong-direction quotes on one line: “A“ typed for “A”.
      const opened = stack.slice(lineStackStart).filter((o) => o.char === '“');
      if (opened.length >= 2 && opened.length % 2 === 0) {
        for (let j = 1; j < opened.length; j += 2) {
          const o = opened[j];
          findings.push({
            range: range(lineNo, o.at, o.at + 1),
            message: '引号方向有误：此处应为后引号“””',
            fixes: [{ title: '改为后引号“””', edits: [{ range: range(lineNo, o.at, o.at + 1), newText: '”' }], safe: false }],
          });
        }
        const reported = new Set(opened);
        stack = stack.filter((o) => !reported.has(o));
      }
      // A “ that opens a paragraph stays open only when the next paragraph also starts with “.
      for (let j = lineStackStart; j < stack.length; j++) {
        const o = stack[j];
        if (o.leading && o.char === '“') o.leading = nextParagraphStartsWithQuote(lines, lineInfos, lineNo);
      }
      if (enteredEmpty && stack.length === 0 && findings.length <= MAX_FINDINGS_PER_RULE) {
        selfContained.set(info, findings.slice(findingsBefore).map((f) => atLine(f, 0)));
      }
    }
    for (const o of stack) unclosed(o);
    return findings;
  },
};

/** Findings (at line 0) of self-contained lines, by LineInfo (which depends only on the line's text and the document kind). */
const selfContained = new WeakMap<LineInfo, DocumentFinding[]>();

function atLine(f: DocumentFinding, line: number): DocumentFinding {
  const move = (r: DocumentFinding['range']) => ({
    start: { line, character: r.start.character },
    end: { line, character: r.end.character },
  });
  return {
    ...f,
    range: move(f.range),
    fixes: f.fixes?.map((fix) => ({ ...fix, edits: fix.edits.map((e) => ({ ...e, range: move(e.range) })) })),
  };
}

function nextParagraphStartsWithQuote(lines: string[], infos: { blank: boolean }[], from: number): boolean {
  for (let i = from + 1; i < lines.length && i <= from + 3; i++) {
    if (infos[i].blank) continue;
    const t = lines[i];
    return t[nextNonSpace(t, 0)] === '“';
  }
  return false;
}

/** ） closing a list marker: 1） 12） a） at the line start or after punctuation, or 一） after non-Han. */
function isListMarker(text: string, close: number): boolean {
  let j = close - 1;
  while (j >= 0 && close - j <= 2 && /[0-9a-zA-Z]/.test(text[j])) j--;
  if (j < close - 1) return j < 0 || !/[0-9a-zA-Z]/.test(text[j]);
  if (/[一二三四五六七八九十]/.test(text[close - 1] ?? '')) return close - 1 === 0 || !isHanAt(text, close - 2);
  return false;
}
