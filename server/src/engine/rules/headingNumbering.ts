import { SectionNode } from '../document';
import { canonicalMarker, HeadingLevel, LEVEL_NAMES } from '../headings';
import { headingChildrenByLevel, headingParents } from '../lists';
import { DocumentFinding, DocumentRule } from './rule';

/** Gaps, repeats and missing restarts in 一、二、三、 / （一）（二） / 1. 2. / （1）（2）. */
export const headingNumbering: DocumentRule = {
  id: 'heading-numbering',
  scope: 'document',
  reuse: 'headings',
  description: '同级标题序号应连续、不重复，并在新的上级标题下重新编号',
  defaultSeverity: 'error',
  check({ document }) {
    const findings: DocumentFinding[] = [];
    // The last number used at each level under the previous parent, to recognise a missed restart.
    const lastNumberOfPreviousParent = new Map<string, number>();
    for (const parent of headingParents(document.root)) {
      for (const [level, siblings] of headingChildrenByLevel(parent)) {
        const key = `${parent.level ?? 0}:${level}`;
        checkSiblings(parent, level, siblings, lastNumberOfPreviousParent.get(key), findings);
        lastNumberOfPreviousParent.set(key, siblings[siblings.length - 1].number!);
      }
    }
    return findings;
  },
};

function checkSiblings(
  parent: SectionNode,
  level: HeadingLevel,
  siblings: SectionNode[],
  previousParentLast: number | undefined,
  findings: DocumentFinding[],
): void {
  const name = LEVEL_NAMES[level];
  let previous = 0;
  siblings.forEach((node, index) => {
    const n = node.number!;
    const expected = previous + 1;
    const report = (message: string, severity?: 'warning') =>
      findings.push({
        range: node.selectionRange.start.line === node.line ? markerRange(node) : node.selectionRange,
        message,
        severity,
        fixes: [
          {
            title: `改为“${canonicalMarker(level, expected)}”`,
            edits: [{ range: markerRange(node), newText: canonicalMarker(level, expected) }],
            safe: false,
          },
        ],
      });
    if (index === 0 && n !== 1) {
      if (parent.kind === 'heading' && previousParentLast !== undefined && n > previousParentLast) {
        report(`${name}序号未在新的上级标题下重新编号：此处应从“${canonicalMarker(level, 1)}”开始`, 'warning');
      } else {
        report(`${name}序号不连续：第一个应为“${canonicalMarker(level, 1)}”，此处写作“${node.marker}”`);
      }
    } else if (index > 0 && n === previous) {
      report(`${name}序号重复：“${node.marker}”与上一个同级标题相同，应为“${canonicalMarker(level, expected)}”`);
    } else if (index > 0 && n === 1) {
      report(`${name}序号在同一上级标题下重新从“${node.marker}”开始，应为“${canonicalMarker(level, expected)}”`, 'warning');
    } else if (index > 0 && n !== expected) {
      const missing = n > expected ? `，缺少“${canonicalMarker(level, expected)}”` : '';
      report(`${name}序号不连续：上一个是“${canonicalMarker(level, previous)}”，此处应为“${canonicalMarker(level, expected)}”${missing}`);
    }
    previous = n;
  });
}

function markerRange(node: SectionNode) {
  const h = node.heading!;
  return { start: { line: node.line, character: h.markerStart }, end: { line: node.line, character: h.markerEnd } };
}
