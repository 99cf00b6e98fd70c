import type { SectionNode } from '../document';
import { EnumerationItem } from '../enumerations';
import { LineInfo } from '../lineInfo';
import { countVisibleChars } from '../text';
import { Range, range } from '../types';

// Pieces of section nodes shared by buildTree and updateTree.

export function textRange(lines: string[], line: number): Range {
  const text = lines[line];
  const start = text.length - text.trimStart().length;
  return range(line, start, text.trimEnd().length);
}

/** Drops trailing Markdown emphasis and heading marks (a loop, not /[*#]+$/, which is quadratic on long runs). */
export function trimMarkup(title: string): string {
  let end = title.length;
  while (end > 0 && (title[end - 1] === '*' || title[end - 1] === '#')) end--;
  return title.slice(0, end).trim();
}

/** Adds the inline enumeration items of lines [from, to] as children of `owner`. */
export function addItems(owner: SectionNode, from: number, to: number, lines: string[], infos: LineInfo[]): void {
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

export function itemSummary(item: EnumerationItem, text: string): { title: string; chars: number } {
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
