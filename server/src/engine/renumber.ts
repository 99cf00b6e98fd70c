import { ReportDocument } from './document';
import { canonicalMarker } from './headings';
import { enumerationLists, headingChildrenByLevel, headingParents, itemOwners } from './lists';
import { enumerationMarker, itemMarkerRange } from './rules/enumerationSequence';
import { TextEdit } from './types';

/**
 * Edits that renumber the whole document: every heading gets the standard marker for its level
 * and its place among its siblings; every inline list counts 1, 2, 3 … in the family it started with.
 */
export function renumberEdits(document: ReportDocument): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const parent of headingParents(document.root)) {
    for (const [level, siblings] of headingChildrenByLevel(parent)) {
      siblings.forEach((node, index) => {
        const h = node.heading!;
        const wanted = canonicalMarker(level, index + 1);
        if (h.marker !== wanted) {
          edits.push({
            range: { start: { line: node.line, character: h.markerStart }, end: { line: node.line, character: h.markerEnd } },
            newText: wanted,
          });
        }
      });
    }
  }
  for (const owner of itemOwners(document.root)) {
    for (const list of enumerationLists(owner)) {
      list.items.forEach((node, index) => {
        const item = node.item!;
        // 最后 stays 最后; other order words follow their position.
        const n = list.family === 'order' && item.number === 0 ? 0 : index + 1;
        const wanted = enumerationMarker(list.family, n);
        const current = item.marker + item.punctuation;
        if (current === wanted) return;
        if (list.family === 'shi' && item.family === 'shi') {
          // 一是 takes no punctuation of its own: renumber the word and keep whatever the writer put after it.
          if (item.number !== n) edits.push({ range: { start: { line: node.line, character: item.markerStart }, end: { line: node.line, character: item.markerEnd } }, newText: wanted });
          return;
        }
        edits.push({ range: itemMarkerRange(node), newText: wanted });
      });
    }
  }
  return edits.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}
