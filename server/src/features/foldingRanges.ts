import { FoldingRange, FoldingRangeKind } from '../lsp';
import { SectionNode, walkSections } from '../engine';

/** One folding range per multi-line section of the tree. */
export function foldingRanges(root: SectionNode): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  for (const node of walkSections(root)) {
    if (node.kind === 'item') continue;
    if (node.range.end.line > node.range.start.line) {
      ranges.push({ startLine: node.range.start.line, endLine: node.range.end.line, kind: FoldingRangeKind.Region });
    }
  }
  return ranges;
}
