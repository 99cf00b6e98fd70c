import { SectionNode } from '../document';
import { LEVEL_NAMES } from '../headings';
import { headingParents } from '../lists';
import { DocumentFinding, DocumentRule } from './rule';

const EXAMPLE = { 1: '一、', 2: '（一）', 3: '1.', 4: '（1）' } as const;

/**
 * Levels go 一、 → （一） → 1. → （1）. Skipping （一） (1. under 一、) is accepted practice;
 * （1） straight under 一、 or （一）, or （一） after a 1. under the same parent, is not.
 */
export const headingHierarchy: DocumentRule = {
  id: 'heading-hierarchy',
  scope: 'document',
  reuse: 'headings',
  description: '标题层级应按 一、→（一）→1.→（1）的顺序，不跳级、不倒置',
  defaultSeverity: 'warning',
  check({ document }) {
    const findings: DocumentFinding[] = [];
    for (const parent of headingParents(document.root)) {
      let deepestSoFar: SectionNode | undefined;
      for (const child of parent.children) {
        if (child.kind !== 'heading') continue;
        const level = child.level!;
        if (level === 4 && parent.kind === 'heading' && parent.level! <= 2) {
          findings.push({
            range: child.selectionRange,
            message: `${LEVEL_NAMES[4]}“${child.marker}”直接出现在${LEVEL_NAMES[parent.level!]}“${parent.marker}”之下，跳过了“1.”一级`,
          });
        } else if (deepestSoFar && deepestSoFar.level! > level) {
          findings.push({
            range: child.selectionRange,
            message: `标题层级倒置：${LEVEL_NAMES[level]}“${child.marker}”出现在同一部分的${LEVEL_NAMES[deepestSoFar.level!]}“${deepestSoFar.marker}”之后（应为 ${EXAMPLE[1]}→${EXAMPLE[2]}→${EXAMPLE[3]}→${EXAMPLE[4]}）`,
          });
        }
        if (!deepestSoFar || level > deepestSoFar.level!) deepestSoFar = child;
      }
    }
    return findings;
  },
};
