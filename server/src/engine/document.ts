import { EnumerationItem } from './enumerations';
import { HeadingInfo, HeadingLevel } from './headings';
import { analyzeLine, LineInfo } from './lineInfo';
import { carryOver, LineChange, splitIncrementally, SplitText } from './lineDiff';
import { countVisibleChars } from './text';
import { Position, Range, range } from './types';

export type DocumentKind = 'plaintext' | 'markdown';

export type SectionKind = 'document' | 'title' | 'opening' | 'heading' | 'item' | 'closing';

/** One node of the section tree: the single structure behind outline, folding, numbering and completion. */
export interface SectionNode {
  kind: SectionKind;
  /** 1–4 for headings (GB/T 9704 levels). */
  level?: HeadingLevel;
  /** The marker as written ("（一）", "二是"); "" for nodes without one. */
  marker: string;
  number?: number;
  title: string;
  /** Line where the node starts. */
  line: number;
  /** The whole section, from its first character to the end of its last line. */
  range: Range;
  /** What to reveal when the node is picked: the marker and the title. */
  selectionRange: Range;
  /** Visible characters in the section (whitespace not counted). */
  chars: number;
  heading?: HeadingInfo;
  item?: EnumerationItem;
  children: SectionNode[];
  parent?: SectionNode;
}

export interface ReportDocument {
  kind: DocumentKind;
  lines: string[];
  lineInfos: LineInfo[];
  /** Lines excluded from analysis (Markdown code blocks and front matter). */
  ignoredLines: Set<number>;
  root: SectionNode;
}

/**
 * What the latest `parse` did with the section tree: `undefined` after a full build; otherwise the tree
 * was updated locally (see updateTree): no heading line changed, or only one heading's title
 * (`headingsSame` false), and `itemsSame` says whether the changed lines also kept their enumeration
 * items (markers, numbers, positions and titles).
 */
export interface TreeUpdate {
  change: LineChange;
  itemsSame: boolean;
  /** False when the change was a heading's title (its marker and place unchanged). */
  headingsSame: boolean;
}

/**
 * Parses documents again and again as they change. Only the lines around a change are split and
 * analysed again; unchanged lines keep their `LineInfo` (see lineDiff.ts). The section tree is updated
 * in place of a rebuild when no heading line changed (or one heading's title): nodes before the change are shared with the
 * previous tree, nodes after it are shared or shifted, and only the sections holding the change are new.
 * (Shared nodes get their `parent` pointed at the new tree; everything else about a previous tree stays valid.)
 */
export class DocumentParser {
  private previous?: { split: SplitText; kind: DocumentKind; infos: LineInfo[]; root: SectionNode };
  /** The lines that changed in the latest `parse` (undefined after a full parse). */
  lastChange?: LineChange;
  /** How the latest `parse` got its tree (undefined: built from scratch). */
  lastTreeUpdate?: TreeUpdate;

  parse(text: string, kind: DocumentKind = 'plaintext'): ReportDocument {
    const previous = this.previous?.kind === kind ? this.previous : undefined;
    const { split, change } = splitIncrementally(text, previous?.split);
    const { lines } = split;
    const markdown = kind === 'markdown';
    const ignoredLines = markdown ? findMarkdownCode(lines) : new Set<number>();
    const carried = previous && change ? carryOver(previous.infos, previous.split.lines, lines, change) : undefined;
    const lineInfos = new Array<LineInfo>(lines.length);
    for (let i = 0; i < lines.length; i++) {
      if (ignoredLines.has(i)) {
        lineInfos[i] = BLANK;
        continue;
      }
      let info = carried?.[i];
      // BLANK marks a line that was inside a code block: analyse it now that it is not.
      if (!info || info === BLANK) info = analyzeLine(lines[i], markdown);
      lineInfos[i] = info;
    }
    const updated = previous && change ? updateTree(previous, change, lines, lineInfos, markdown) : undefined;
    const root = updated ? updated.root : buildTree(lines, lineInfos, markdown);
    this.previous = { split, kind, infos: lineInfos, root };
    this.lastChange = change;
    this.lastTreeUpdate = updated ? { change: updated.change, itemsSame: updated.itemsSame, headingsSame: updated.headingsSame } : undefined;
    return { kind, lines, lineInfos, ignoredLines, root };
  }
}

const BLANK: LineInfo = { blank: true, heading: undefined, items: [], visibleChars: 0, closingFormula: false, dateLine: false, pairedMarks: false };

export function parseDocument(text: string, kind: DocumentKind = 'plaintext'): ReportDocument {
  return new DocumentParser().parse(text, kind);
}

/** Fenced code blocks and YAML front matter in Markdown carry no report text. */
function findMarkdownCode(lines: string[]): Set<number> {
  const ignored = new Set<number>();
  let fence: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (i === 0 && line === '---') {
      let end = 1;
      while (end < lines.length && lines[end] !== '---') end++;
      if (end < lines.length) {
        for (let j = 0; j <= end; j++) ignored.add(j);
        i = end;
        continue;
      }
    }
    const m = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
    if (fence) {
      ignored.add(i);
      if (m && m[1][0] === fence[0] && m[1].length >= fence.length) fence = undefined;
    } else if (m) {
      fence = m[1];
      ignored.add(i);
    }
  }
  return ignored;
}

const MAX_TITLE_CHARS = 60;
const TITLE_MARKDOWN = /^\s*#{1,6}[ \t]+/;

function buildTree(lines: string[], infos: LineInfo[], markdown: boolean): SectionNode {
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

function textRange(lines: string[], line: number): Range {
  const text = lines[line];
  const start = text.length - text.trimStart().length;
  return range(line, start, text.trimEnd().length);
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

/** Drops trailing Markdown emphasis and heading marks (a loop, not /[*#]+$/, which is quadratic on long runs). */
function trimMarkup(title: string): string {
  let end = title.length;
  while (end > 0 && (title[end - 1] === '*' || title[end - 1] === '#')) end--;
  return title.slice(0, end).trim();
}

/** Adds the inline enumeration items of lines [from, to] as children of `owner`. */
function addItems(owner: SectionNode, from: number, to: number, lines: string[], infos: LineInfo[]): void {
  for (let i = from; i <= to; i++) {
    for (const item of infos[i].items) {
      const { title, chars } = itemSummary(item, lines[i]);
      owner.children.push({
        kind: 'item',
        marker: item.marker,
        number: item.number,
        title,
        line: i,
        range: range(i, item.markerStart, item.end),
        selectionRange: range(i, item.markerStart, item.markerEnd),
        chars,
        item,
        children: [],
        parent: owner,
      });
    }
  }
}

/** An item's title and size depend only on its line, whose `LineInfo` (and items) persist while it is unchanged. */
const itemSummaries = new WeakMap<EnumerationItem, { title: string; chars: number }>();

function itemSummary(item: EnumerationItem, text: string): { title: string; chars: number } {
  let summary = itemSummaries.get(item);
  if (!summary) {
    const body = text.slice(item.markerEnd + item.punctuation.length, item.end);
    const stop = /[，,。；;！？：]/.exec(body);
    const title = (stop ? body.slice(0, stop.index) : body).trim();
    summary = { title: title.length > 40 ? title.slice(0, 40) + '…' : title, chars: countVisibleChars(text.slice(item.markerStart, item.end)) };
    itemSummaries.set(item, summary);
  }
  return summary;
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

const FENCE = /^\s{0,3}(`{3,}|~{3,})/;

/** A changed line that cannot change the tree's shape by itself: text or blank, not a heading, no Markdown fence or front matter. */
function isBodyLine(line: string, info: LineInfo, markdown: boolean): boolean {
  return !info.heading && !(markdown && (line === '---' || FENCE.test(line)));
}

/** Index of the `n`-th non-blank line from the start (n ≥ 1), or Infinity. */
function nthTextLine(infos: LineInfo[], n: number): number {
  for (let i = 0; i < infos.length; i++) if (!infos[i].blank && --n === 0) return i;
  return Infinity;
}

/** Index of the `n`-th non-blank line from the end (n ≥ 1), or -1. */
function nthTextLineFromEnd(infos: LineInfo[], n: number): number {
  for (let i = infos.length - 1; i >= 0; i--) if (!infos[i].blank && --n === 0) return i;
  return -1;
}

/** The items of a line, as compared between versions (titles included: section-completeness reads them). */
function itemsSignature(lines: string[], infos: LineInfo[], from: number, to: number): string {
  let signature = '';
  for (let i = from; i < to; i++) {
    for (const item of infos[i].items) {
      signature += `${i - from}\u0000${item.family}\u0000${item.number}\u0000${item.marker}\u0000${item.markerStart}\u0000${item.markerEnd}\u0000${item.punctuation}\u0000${itemSummary(item, lines[i]).title}\u0001`;
    }
  }
  return signature;
}

/**
 * The tree of the new text derived from the previous one, when the tree keeps its shape: lines
 * [start, oldEnd) of the old text became [start, newEnd) of the new one (after trimming the lines that stayed
 * as they were), and those lines, before and after, are body lines (text or blank; no heading, fence or
 * front matter) or one heading line that keeps its marker; they lie after the first two text lines (the
 * title) and before the last five (the closing, which findClosing reads from the end). The sections whose
 * extent holds the change get new sizes and ends, the innermost one the items of the changed lines anew;
 * nodes after the change move by the difference in lines. Returns undefined when the tree must be rebuilt.
 */
function updateTree(
  previous: { split: SplitText; infos: LineInfo[]; root: SectionNode },
  change: LineChange,
  lines: string[],
  infos: LineInfo[],
  markdown: boolean,
): { root: SectionNode; change: LineChange; itemsSame: boolean; headingsSame: boolean } | undefined {
  const oldLines = previous.split.lines;
  const oldInfos = previous.infos;
  // Lines of the region that stayed as they were (a paste at a line start leaves that line alone) are not changed lines.
  let { start, oldEnd, newEnd } = change;
  while (oldEnd > start && newEnd > start && oldLines[oldEnd - 1] === lines[newEnd - 1]) {
    oldEnd--;
    newEnd--;
  }
  while (start < oldEnd && start < newEnd && oldLines[start] === lines[start]) start++;
  const trimmed = { start, oldEnd, newEnd };
  if (start === oldEnd && start === newEnd) return { root: previous.root, change: trimmed, itemsSame: true, headingsSame: true };
  // Lines inserted (none removed) or removed (none inserted) as a whole.
  const insertion = start === oldEnd;
  const deletion = start === newEnd;
  // A keystroke in a heading's title: one line, a heading before and after, with the same marker in the same place.
  const before = oldInfos[start]?.heading;
  const after = infos[start]?.heading;
  const headingEdited = oldEnd === start + 1 && newEnd === start + 1 && before !== undefined && after !== undefined;
  if (headingEdited) {
    if (!sameHeadingShape(oldLines[start], before, lines[start], after)) return undefined;
  } else {
    for (let i = start; i < oldEnd; i++) if (!isBodyLine(oldLines[i], oldInfos[i], markdown)) return undefined;
    for (let i = start; i < newEnd; i++) if (!isBodyLine(lines[i], infos[i], markdown)) return undefined;
  }
  if (start <= nthTextLine(oldInfos, 2) || oldEnd > nthTextLineFromEnd(oldInfos, 5)) return undefined;

  // The sections whose extent (from their first line up to the next section) holds the change, outermost
  // first: inserted lines join the section before them, whatever blank lines it ended with.
  const chain: SectionNode[] = [previous.root];
  for (;;) {
    let inner: SectionNode | undefined;
    for (const child of chain[chain.length - 1].children) {
      if (child.kind === 'item') continue;
      if (insertion ? child.line < start : child.line <= start) inner = child;
      else break;
    }
    if (!inner) break;
    // Text before the first heading with no opening yet, or the opening's first line removed or blanked: the shape changes.
    if (inner.kind === 'title' || inner.kind === 'closing') return undefined;
    if (inner.line === start && (deletion || infos[start].blank)) return undefined;
    chain.push(inner);
  }

  const delta = newEnd - oldEnd;
  let dChars = 0;
  for (let i = start; i < oldEnd; i++) dChars -= oldInfos[i].visibleChars;
  for (let i = start; i < newEnd; i++) dChars += infos[i].visibleChars;
  // Where a section holding the change ends (its last text line): after the change as before, moved; else
  // at the last text line of the change; else where it ended before the change; else (its last text line was
  // changed into a blank one or removed) at the last text line before the change.
  let lastText = newEnd - 1;
  while (lastText >= start && infos[lastText].blank) lastText--;
  let lastBefore = start - 1;
  while (lastBefore > 0 && infos[lastBefore].blank) lastBefore--;
  const mapEnd = (end: Position): Position => {
    if (end.line >= oldEnd) return delta ? { line: end.line + delta, character: end.character } : end;
    if (lastText >= start) return { line: lastText, character: lines[lastText].length };
    if (end.line < start) return end;
    return { line: lastBefore, character: lines[lastBefore].length };
  };
  const shiftRange = (r: Range): Range => ({
    start: { line: r.start.line + delta, character: r.start.character },
    end: { line: r.end.line + delta, character: r.end.character },
  });
  // Object literals with the fields in the order buildTree writes them (a spread copy is several times slower,
  // and a paste above half of a 1 M report moves thousands of nodes).
  const shifted = (node: SectionNode, parent: SectionNode): SectionNode => {
    const line = node.line + delta;
    const nodeRange = shiftRange(node.range);
    const selectionRange = shiftRange(node.selectionRange);
    const children: SectionNode[] = [];
    let copy: SectionNode;
    if (node.kind === 'item') {
      copy = { kind: 'item', marker: node.marker, number: node.number, title: node.title, line, range: nodeRange, selectionRange, chars: node.chars, item: node.item, children, parent };
    } else if (node.kind === 'heading') {
      copy = { kind: 'heading', level: node.level, marker: node.marker, number: node.number, title: node.title, line, range: nodeRange, selectionRange, chars: node.chars, heading: node.heading, children, parent };
    } else {
      copy = { kind: node.kind, marker: node.marker, title: node.title, line, range: nodeRange, selectionRange, chars: node.chars, children, parent };
    }
    for (const child of node.children) children.push(shifted(child, copy));
    return copy;
  };
  // A node that holds the change: a new object with the new size and end; its children before the change are
  // shared, those after it shared (same lines) or shifted, and the one holding the change updated in turn.
  const update = (depth: number, parent: SectionNode | undefined): SectionNode => {
    const node = chain[depth];
    const copy: SectionNode = { ...node, chars: node.chars + dChars, children: [] };
    if (parent) copy.parent = parent;
    if (headingEdited && node.kind === 'heading' && node.line === start) {
      const heading = after!;
      copy.heading = heading;
      copy.title = trimMarkup(lines[start].slice(heading.titleStart, heading.titleEnd));
      copy.selectionRange = range(start, heading.markerStart, heading.titleEnd);
      copy.range = { start: node.range.start, end: mapEnd(node.range.end) };
    } else if (node.kind !== 'document' && node.line === start) {
      // The opening starting on the changed line: its first line's text gives the selection.
      copy.selectionRange = textRange(lines, start);
      copy.range = { start: copy.selectionRange.start, end: mapEnd(node.range.end) };
    } else {
      copy.range = { start: node.range.start, end: mapEnd(node.range.end) };
    }
    const inner = chain[depth + 1];
    let itemsAdded = inner !== undefined; // only the innermost section holding the change owns its items
    const addNewItems = () => {
      itemsAdded = true;
      if (copy.kind === 'heading' || copy.kind === 'opening') addItems(copy, start, newEnd - 1, lines, infos);
    };
    for (const child of node.children) {
      if (child === inner) {
        copy.children.push(update(depth + 1, copy));
        continue;
      }
      if (child.kind === 'item' && child.line >= start && child.line < oldEnd) continue; // replaced below
      if (child.line >= oldEnd) {
        if (!itemsAdded) addNewItems();
        if (delta) {
          copy.children.push(shifted(child, copy));
          continue;
        }
      }
      child.parent = copy;
      copy.children.push(child);
    }
    if (!itemsAdded) addNewItems();
    return copy;
  };
  const root = update(0, undefined);
  const itemsSame = itemsSignature(oldLines, oldInfos, start, oldEnd) === itemsSignature(lines, infos, start, newEnd);
  return { root, change: trimmed, itemsSame, headingsSame: !headingEdited };
}

/** Two versions of a heading line that sit the same in the tree: same level, number and marker, at the same place after the same text. */
function sameHeadingShape(oldLine: string, before: HeadingInfo, newLine: string, after: HeadingInfo): boolean {
  return (
    before.level === after.level &&
    before.number === after.number &&
    before.marker === after.marker &&
    before.markerStart === after.markerStart &&
    before.markerEnd === after.markerEnd &&
    oldLine.slice(0, before.markerStart) === newLine.slice(0, after.markerStart)
  );
}

/** The walks of whole trees (nodes never change once built, so several rules share one walk). */
const walks = new WeakMap<SectionNode, SectionNode[]>();

/**
 * Every node below `node`, depth first (pre-order). For a document root the array is computed once and
 * shared by every caller: read it, do not change it.
 */
export function walkSections(node: SectionNode): SectionNode[] {
  if (node.kind === 'document') {
    let walk = walks.get(node);
    if (!walk) walks.set(node, (walk = walkTree(node)));
    return walk;
  }
  return walkTree(node);
}

function walkTree(node: SectionNode): SectionNode[] {
  const out: SectionNode[] = [];
  const stack: SectionNode[] = [];
  for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
  while (stack.length) {
    const next = stack.pop()!;
    out.push(next);
    for (let i = next.children.length - 1; i >= 0; i--) stack.push(next.children[i]);
  }
  return out;
}

/** The innermost heading section containing a line (undefined above the first heading). */
export function sectionAt(root: SectionNode, line: number): SectionNode | undefined {
  let found: SectionNode | undefined;
  let nodes = root.children;
  for (;;) {
    const next = nodes.find((n) => n.kind !== 'item' && n.range.start.line <= line && line <= n.range.end.line);
    if (!next) return found;
    found = next;
    nodes = next.children;
  }
}
