import type { SectionNode, TreeUpdate } from '../document';
import { HeadingInfo } from '../headings';
import { LineChange } from '../lineDiff';
import { LineInfo } from '../lineInfo';
import { isCodeDelimiter } from '../markdownCode';
import { Position, Range, range } from '../types';
import { addItems, itemSummary, textRange, trimMarkup } from './sections';

/** A changed line that cannot change the tree's shape by itself: text or blank, not a heading, no Markdown fence or front matter. */
function isBodyLine(line: string, info: LineInfo, markdown: boolean): boolean {
  return !info.heading && !(markdown && isCodeDelimiter(line));
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
function itemsSignature(lines: readonly string[], infos: LineInfo[], from: number, to: number): string {
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
export function updateTree(
  previous: { lines: readonly string[]; infos: LineInfo[]; root: SectionNode },
  change: LineChange,
  lines: string[],
  infos: LineInfo[],
  markdown: boolean,
): { root: SectionNode; update: TreeUpdate } | undefined {
  const oldLines = previous.lines;
  const oldInfos = previous.infos;
  // Lines of the region that stayed as they were (a paste at a line start leaves that line alone) are not changed lines.
  let { start, oldEnd, newEnd } = change;
  while (oldEnd > start && newEnd > start && oldLines[oldEnd - 1] === lines[newEnd - 1]) {
    oldEnd--;
    newEnd--;
  }
  while (start < oldEnd && start < newEnd && oldLines[start] === lines[start]) start++;
  const trimmed = { start, oldEnd, newEnd };
  if (start === oldEnd && start === newEnd) return { root: previous.root, update: { change: trimmed, itemsSame: true, headingsSame: true } };
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
  return { root, update: { change: trimmed, itemsSame, headingsSame: !headingEdited } };
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
