import { SectionNode } from '../document';
import { EnumerationFamily } from '../enumerations';
import { enumerationLists, itemOwners } from '../lists';
import { toChineseNumber } from '../numerals';
import { DocumentFinding, DocumentRule } from './rule';

const ORDER_WORDS = ['最后', '首先', '其次', '再次'];

/** The marker (with its comma where the family takes one) for item `n` of a family. */
export function enumerationMarker(family: EnumerationFamily, n: number): string {
  switch (family) {
    case 'shi':
      return `${toChineseNumber(n)}是`;
    case 'di':
      return `第${toChineseNumber(n)}，`;
    case 'qi':
      return `其${toChineseNumber(n)}，`;
    case 'order':
      return `${ORDER_WORDS[n] ?? '然后'}，`;
  }
}

/** Bare marker words, without punctuation, for messages. */
export function enumerationWord(family: EnumerationFamily, n: number): string {
  return enumerationMarker(family, n).replace(/，$/, '');
}

/** The range of an item's marker and the punctuation written after it. */
export function itemMarkerRange(node: SectionNode) {
  const item = node.item!;
  return {
    start: { line: node.line, character: item.markerStart },
    end: { line: node.line, character: item.markerEnd + item.punctuation.length },
  };
}

/** 一是、二是、四是 (gap), 一是、二是、二是 (repeat), a list that starts at 二是. */
export const enumerationSequence: DocumentRule = {
  id: 'enumeration-sequence',
  scope: 'document',
  reuse: 'items',
  description: '“一是、二是……”等序次语应连续、不重复',
  defaultSeverity: 'warning',
  check({ document }) {
    const findings: DocumentFinding[] = [];
    for (const owner of itemOwners(document.root)) {
      for (const list of enumerationLists(owner)) {
        let previous = 0;
        for (const node of list.items) {
          const item = node.item!;
          if (item.family !== list.family) {
            previous = item.number || previous;
            continue; // reported by enumeration-mixed
          }
          if (item.family === 'order' && item.number === 0) break; // 最后 may follow any count
          const expected = previous + 1;
          if (item.number !== expected) {
            const want = enumerationWord(list.family, expected);
            const message =
              item.number === previous
                ? `序次语重复：“${enumerationWord(list.family, item.number)}”出现了两次，此处应为“${want}”`
                : `序次语不连续：此处应为“${want}”，写作“${enumerationWord(list.family, item.number)}”`;
            findings.push({
              range: { start: node.selectionRange.start, end: node.selectionRange.end },
              message,
              fixes: [
                {
                  title: `改为“${want}”`,
                  edits: [{ range: itemMarkerRange(node), newText: enumerationMarker(list.family, expected) }],
                  safe: false,
                },
              ],
            });
          }
          previous = item.number;
        }
      }
    }
    return findings;
  },
};

/** 第一，……二是……第三，…… : one list must keep one family of sequence words. */
export const enumerationMixed: DocumentRule = {
  id: 'enumeration-mixed',
  scope: 'document',
  reuse: 'items',
  description: '同一组序次语不得混用“第一”“一是”“首先”等不同系列',
  defaultSeverity: 'warning',
  check({ document }) {
    const findings: DocumentFinding[] = [];
    for (const owner of itemOwners(document.root)) {
      for (const list of enumerationLists(owner)) {
        const first = list.items[0];
        list.items.forEach((node, index) => {
          const item = node.item!;
          if (item.family === list.family) return;
          const want = enumerationMarker(list.family, item.number || index + 1);
          findings.push({
            range: node.selectionRange,
            message: `序次语混用：本组以“${first.item!.marker}”开头，此处的“${item.marker}”应改为“${want.replace(/，$/, '')}”`,
            fixes: [{ title: `改为“${want}”`, edits: [{ range: itemMarkerRange(node), newText: want }], safe: false }],
          });
        });
      }
    }
    return findings;
  },
};
