import { DocumentSymbol, SymbolKind } from '../lsp';
import { formatThousands, SectionNode } from '../engine';
import { sentAsIs } from '../transport';

const KIND: Record<SectionNode['kind'], SymbolKind> = {
  document: SymbolKind.File,
  title: SymbolKind.File,
  opening: SymbolKind.Package,
  heading: SymbolKind.String,
  item: SymbolKind.EnumMember,
  closing: SymbolKind.Package,
};

/**
 * Inline items (一是…二是…) are listed under their sections while a document has at most this many.
 * A compilation of reports has thousands: they would double an Outline of thousands of headings (and the
 * JSON sent for it, ~250 bytes a symbol), so the Outline then shows the heading tree 一、（一）1.（1） only.
 */
export const MAX_OUTLINE_ITEMS = 1000;

/** Items in a node's subtree, per node (nodes are shared between versions of the tree when unchanged). */
const itemCounts = new WeakMap<SectionNode, number>();

function itemsIn(node: SectionNode): number {
  let count = itemCounts.get(node);
  if (count === undefined) {
    count = node.kind === 'item' ? 1 : 0;
    for (const child of node.children) count += itemsIn(child);
    itemCounts.set(node, count);
  }
  return count;
}

/**
 * Symbols per node, with and without items. The parser shares unchanged nodes between versions of the
 * tree (engine/tree/updateTree.ts), so after a keystroke only the sections holding it are converted again.
 */
const withItems = new WeakMap<SectionNode, DocumentSymbol>();
const withoutItems = new WeakMap<SectionNode, DocumentSymbol>();

/** The section tree as hierarchical document symbols (Outline view, breadcrumbs, Go to Symbol). */
export function documentSymbols(root: SectionNode): DocumentSymbol[] {
  const items = itemsIn(root) <= MAX_OUTLINE_ITEMS;
  const cache = items ? withItems : withoutItems;
  const convert = (node: SectionNode): DocumentSymbol => {
    let symbol = cache.get(node);
    if (symbol) return symbol;
    const name = node.kind === 'heading' ? `${node.marker}${node.title}` : node.kind === 'item' ? `${node.marker}${node.title ? ' ' + node.title : ''}` : node.title;
    symbol = {
      name: name.trim() || node.marker || '（空）',
      detail: `${formatThousands(node.chars)}字`,
      kind: KIND[node.kind],
      range: node.range,
      selectionRange: node.selectionRange,
    };
    const children: DocumentSymbol[] = [];
    for (const child of node.children) if (items || child.kind !== 'item') children.push(convert(child));
    // Leaves go without an empty `children` (optional in LSP): less JSON for thousands of symbols.
    if (children.length) symbol.children = children;
    cache.set(node, symbol);
    return symbol;
  };
  const symbols: DocumentSymbol[] = [];
  for (const node of root.children) if (items || node.kind !== 'item') symbols.push(convert(node));
  // Symbols of unchanged sections are the same objects as last time: their JSON is reused.
  return sentAsIs(symbols);
}
