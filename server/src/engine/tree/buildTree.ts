import type { SectionKind, SectionNode } from '../document';
import { LineInfo } from '../lineInfo';
import { countVisibleChars } from '../text';
import { Range, range } from '../types';
import { addItems, textRange, trimMarkup } from './sections';

const MAX_TITLE_CHARS = 60;
const TITLE_MARKDOWN = /^\s*#{1,6}[ \t]+/;
/** The section tree of a whole text: title, opening, the headings nested by level with their items, closing. */
export function buildTree(lines: string[], infos: LineInfo[], markdown: boolean): SectionNode {
  const lastLine = lines.length - 1;
  const root: SectionNode = {
    kind: 'document',
    marker: '',
    title: '',
    line: 0,
    range: range(0, 0, lines[lastLine].length, lastLine),
    selectionRange: range(0, 0, 0),
    chars: 0,
    children: [],
  };
  const firstText = infos.findIndex((info) => !info.blank);
  if (firstText < 0) return root;

  const closingStart = findClosing(lines, infos);
  const contentEnd = closingStart ?? lines.length; // exclusive

  // Title: the first line when it reads like one (short, no sentence punctuation, not numbered).
  let cursor = firstText;
  const first = lines[firstText];
  const firstInfo = infos[firstText];
  if (!firstInfo.heading && firstInfo.visibleChars <= MAX_TITLE_CHARS && !/[。；，：:！？]\s*$/.test(first) && firstText < contentEnd) {
    let end = firstText;
    // A subtitle line introduced by —— belongs to the title.
    const next = nextTextLine(infos, firstText + 1, contentEnd);
    if (next !== undefined && /^[\s\u3000]*——/.test(lines[next]) && !infos[next].heading) end = next;
    const titleText = markdown ? first.replace(TITLE_MARKDOWN, '') : first;
    root.children.push(
      leaf('title', titleText.trim(), firstText, end, lines, infos, textRange(lines, firstText)),
    );
    cursor = end + 1;
  }

  // Opening: whatever stands between the title and the first heading.
  let firstHeading = contentEnd;
  for (let i = cursor; i < contentEnd; i++) {
    if (infos[i].heading) {
      firstHeading = i;
      break;
    }
  }
  const openingStart = nextTextLine(infos, cursor, firstHeading);
  if (openingStart !== undefined) {
    const openingEnd = lastTextLine(infos, openingStart, firstHeading);
    const node = leaf('opening', '开头', openingStart, openingEnd, lines, infos, textRange(lines, openingStart));
    root.children.push(node);
    addItems(node, openingStart, openingEnd, lines, infos);
  }

  // Headings nest by level with a stack; a heading closes every open section of its level or deeper.
  const stack: SectionNode[] = [];
  let bodyOwner: SectionNode | undefined;
  let bodyStart = 0;
  const flushBody = (end: number) => {
    if (bodyOwner) addItems(bodyOwner, bodyStart, end, lines, infos);
  };
  for (let i = firstHeading; i < contentEnd; i++) {
    const heading = infos[i].heading;
    if (!heading) continue;
    flushBody(i - 1);
    while (stack.length && stack[stack.length - 1].level! >= heading.level) {
      closeSection(stack.pop()!, i - 1, lines, infos);
    }
    const parent = stack.length ? stack[stack.length - 1] : root;
    const line = lines[i];
    const node: SectionNode = {
      kind: 'heading',
      level: heading.level,
      marker: heading.marker,
      number: heading.number,
      title: trimMarkup(line.slice(heading.titleStart, heading.titleEnd)),
      line: i,
      range: range(i, heading.markerStart, line.length),
      selectionRange: range(i, heading.markerStart, heading.titleEnd),
      chars: 0,
      heading,
      children: [],
      parent,
    };
    parent.children.push(node);
    stack.push(node);
    bodyOwner = node;
    bodyStart = i;
  }
  flushBody(contentEnd - 1);
  while (stack.length) closeSection(stack.pop()!, contentEnd - 1, lines, infos);

  if (closingStart !== undefined) {
    const end = lastTextLine(infos, closingStart, lines.length)!;
    root.children.push(leaf('closing', '结尾', closingStart, end, lines, infos, textRange(lines, closingStart)));
  }
  for (const child of root.children) child.parent = root;
  // The whole document's count (Markdown markup before a heading marker belongs to no section but is text).
  root.chars = sumChars(infos, 0, lastLine);
  return root;
}

function nextTextLine(infos: LineInfo[], from: number, to: number): number | undefined {
  for (let i = from; i < to; i++) if (!infos[i].blank) return i;
  return undefined;
}

function lastTextLine(infos: LineInfo[], from: number, to: number): number {
  let last = from;
  for (let i = from; i < to; i++) if (!infos[i].blank) last = i;
  return last;
}

function sumChars(infos: LineInfo[], from: number, to: number): number {
  let chars = 0;
  for (let i = from; i <= to; i++) chars += infos[i].visibleChars;
  return chars;
}

function leaf(
  kind: SectionKind,
  title: string,
  start: number,
  end: number,
  lines: string[],
  infos: LineInfo[],
  selectionRange: Range,
): SectionNode {
  return {
    kind,
    marker: '',
    title,
    line: start,
    range: { start: selectionRange.start, end: { line: end, character: lines[end].length } },
    selectionRange,
    chars: sumChars(infos, start, end),
    children: [],
  };
}

/** Ends a heading's section at `lastLine`, trimming trailing blank lines. */
function closeSection(node: SectionNode, lastLine: number, lines: string[], infos: LineInfo[]): void {
  const end = Math.max(node.line, lastTextLine(infos, node.line, lastLine + 1));
  node.range = { start: node.range.start, end: { line: end, character: lines[end].length } };
  // The section starts at its marker: Markdown markup before it ("## ", "**") is not the section's text.
  node.chars = sumChars(infos, node.line, end) - countVisibleChars(lines[node.line].slice(0, node.range.start.character));
}


/**
 * The closing part: a closing formula (特此报告。) and/or a signature block ending in a date,
 * found by walking back from the end of the document.
 */
function findClosing(lines: string[], infos: LineInfo[]): number | undefined {
  let i = infos.length - 1;
  while (i >= 0 && infos[i].blank) i--;
  if (i < 0) return undefined;
  let start: number | undefined;
  if (infos[i].dateLine) {
    start = i;
    // Up to three signature lines above the date: short, no sentence punctuation, not headings.
    for (let j = i - 1, taken = 0; j >= 0 && taken < 3; j--) {
      if (infos[j].blank) continue;
      if (infos[j].heading || infos[j].visibleChars > 30 || /[。，；：:！？]/.test(lines[j])) break;
      start = j;
      taken++;
    }
  }
  const before = nextTextLineBackward(infos, (start ?? i + 1) - 1);
  if (before !== undefined && infos[before].closingFormula) start = before;
  else if (start === undefined && infos[i].closingFormula) start = i;
  return start !== undefined && start > 0 ? start : undefined;
}

function nextTextLineBackward(infos: LineInfo[], from: number): number | undefined {
  for (let i = from; i >= 0; i--) if (!infos[i].blank) return i;
  return undefined;
}
