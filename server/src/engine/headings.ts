import { parseChineseNumber, toChineseNumber } from './numerals';
import { leadingSpace } from './text';

/** GB/T 9704 levels: 1 一、  2 （一）  3 1.  4 （1） */
export type HeadingLevel = 1 | 2 | 3 | 4;

/** How a marker as written departs from the standard form. */
export type MarkerProblem =
  | 'wrong-separator' // 一. 1、 1， …
  | 'extra-punctuation' // （一）、 （1）.
  | 'half-width-brackets' // (一) (1)
  | 'full-width-point'; // 1． (tolerated, consistency only)

export interface HeadingInfo {
  level: HeadingLevel;
  number: number;
  /** The marker exactly as written, e.g. "（一）、". */
  marker: string;
  /** The standard form for this level and number, e.g. "（一）". */
  canonicalMarker: string;
  problems: MarkerProblem[];
  /** Character offset of the marker in the line. */
  markerStart: number;
  markerEnd: number;
  /** The heading's own words (run-in headings: up to the first 。). */
  titleStart: number;
  titleEnd: number;
  /** True when body text follows the heading sentence in the same paragraph. */
  runIn: boolean;
}

export function canonicalMarker(level: HeadingLevel, n: number): string {
  switch (level) {
    case 1:
      return `${toChineseNumber(n)}、`;
    case 2:
      return `（${toChineseNumber(n)}）`;
    case 3:
      return `${n}.`;
    case 4:
      return `（${n}）`;
  }
}

export const LEVEL_NAMES: Record<HeadingLevel, string> = {
  1: '一级标题',
  2: '二级标题',
  3: '三级标题',
  4: '四级标题',
};

const CN = '[一二三四五六七八九十]{1,3}';
// Each pattern is anchored and bounded, so matching is linear in the marker's length.
const LEVEL1 = new RegExp(`^(${CN})([、.．，,])`);
const LEVEL2 = new RegExp(`^([（(])(${CN})([）)])([、.．，,:：]?)`);
const LEVEL3 = /^(\d{1,2})([.．、，,。])(?![\d０-９])/;
const LEVEL4 = /^([（(])(\d{1,2})([）)])([、.．，,:：]?)/;
const MARKDOWN_HEADING = /^#{1,6}[ \t]+/;

/** Sentence ends that make a heading "run-in" when more text follows. */
const SENTENCE_END = /[。！？]/;

function skipSpaces(line: string, from: number): number {
  while (from < line.length && (line[from] === ' ' || line[from] === '\u3000')) from++;
  return from;
}

export function parseHeading(line: string, markdown: boolean): HeadingInfo | undefined {
  let start = leadingSpace(line);
  if (markdown) {
    const md = MARKDOWN_HEADING.exec(line.slice(start));
    if (md) start += md[0].length;
    // Bold headings written as **一、…** are common in Markdown drafts.
    if (line.startsWith('**', start)) start += 2;
  }
  const rest = line.slice(start, start + 12);
  let level: HeadingLevel;
  let number: number | undefined;
  let markerLength: number;
  const problems: MarkerProblem[] = [];
  let m: RegExpExecArray | null;
  if ((m = LEVEL1.exec(rest))) {
    level = 1;
    number = parseChineseNumber(m[1]);
    markerLength = m[0].length;
    if (m[2] !== '、') problems.push('wrong-separator');
    // "一，" at a line start is far more often prose than a heading.
    if (m[2] === '，' || m[2] === ',') return undefined;
  } else if ((m = LEVEL2.exec(rest))) {
    level = 2;
    number = parseChineseNumber(m[2]);
    markerLength = m[0].length;
    if (m[1] !== '（' || m[3] !== '）') problems.push('half-width-brackets');
    if (m[4]) problems.push('extra-punctuation');
  } else if ((m = LEVEL3.exec(rest))) {
    level = 3;
    number = Number(m[1]);
    markerLength = m[0].length;
    if (m[2] === '．') problems.push('full-width-point');
    else if (m[2] !== '.') problems.push('wrong-separator');
  } else if ((m = LEVEL4.exec(rest))) {
    level = 4;
    number = Number(m[2]);
    markerLength = m[0].length;
    if (m[1] !== '（' || m[3] !== '）') problems.push('half-width-brackets');
    if (m[4]) problems.push('extra-punctuation');
  } else {
    return undefined;
  }
  if (number === undefined || number < 1) return undefined;
  let markerEnd = start + markerLength;
  // The title begins after any spaces that follow the marker.
  let titleStart = skipSpaces(line, markerEnd);
  // "（一）." with nothing after it: the "." is the title, not punctuation after the marker.
  if (titleStart >= line.length && problems.includes('extra-punctuation')) {
    markerEnd -= m[4].length;
    problems.splice(problems.indexOf('extra-punctuation'), 1);
    titleStart = skipSpaces(line, markerEnd);
  }
  // A marker with nothing after it is not a heading (a stray "1." line).
  if (titleStart >= line.length) return undefined;
  let titleEnd = line.length;
  while (titleEnd > titleStart && /[\s\u3000*]/.test(line[titleEnd - 1])) titleEnd--;
  let runIn = false;
  const body = line.slice(titleStart, titleEnd);
  const stop = SENTENCE_END.exec(body);
  if (stop && stop.index < body.length - 1) {
    runIn = true;
    titleEnd = titleStart + stop.index;
  }
  return {
    level,
    number,
    marker: line.slice(start, markerEnd),
    canonicalMarker: canonicalMarker(level, number),
    problems,
    markerStart: start,
    markerEnd,
    titleStart,
    titleEnd,
    runIn,
  };
}
