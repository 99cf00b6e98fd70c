import { SectionNode, walkSections } from './document';
import { EnumerationFamily } from './enumerations';
import { HeadingLevel } from './headings';

/** Consecutive inline items (一是、二是…) that form one enumeration inside a section. */
export interface EnumerationList {
  family: EnumerationFamily;
  items: SectionNode[];
}

/**
 * Splits the items under `section` into lists. An item numbered 1 starts a new list; any other item
 * continues the current one, whatever its family (a different family there is the "mixed" error).
 */
export function enumerationLists(section: SectionNode): EnumerationList[] {
  const lists: EnumerationList[] = [];
  let current: EnumerationList | undefined;
  for (const child of section.children) {
    if (child.kind !== 'item' || !child.item) continue;
    if (child.item.number === 1 || !current) {
      current = { family: child.item.family, items: [child] };
      lists.push(current);
    } else {
      current.items.push(child);
    }
    // 最后 closes an order list.
    if (child.item.family === 'order' && child.item.number === 0) current = undefined;
  }
  return lists;
}

/** Every section that can hold items: the opening and all headings. */
export function* itemOwners(root: SectionNode): Generator<SectionNode> {
  for (const node of walkSections(root)) if (node.kind === 'heading' || node.kind === 'opening') yield node;
}

/** Heading children of a node grouped by level, in document order. */
export function headingChildrenByLevel(node: SectionNode): Map<HeadingLevel, SectionNode[]> {
  const byLevel = new Map<HeadingLevel, SectionNode[]>();
  for (const child of node.children) {
    if (child.kind !== 'heading' || !child.level) continue;
    let list = byLevel.get(child.level);
    if (!list) byLevel.set(child.level, (list = []));
    list.push(child);
  }
  return byLevel;
}

/** All nodes that can have heading children: the document root and every heading. */
export function* headingParents(root: SectionNode): Generator<SectionNode> {
  yield root;
  for (const node of walkSections(root)) if (node.kind === 'heading') yield node;
}
