import type { SectionNode } from '../document';

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
