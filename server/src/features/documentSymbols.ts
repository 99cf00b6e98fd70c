import { DocumentSymbol, SymbolKind } from 'vscode-languageserver';
import { formatThousands, SectionNode } from '../engine';

const KIND: Record<SectionNode['kind'], SymbolKind> = {
  document: SymbolKind.File,
  title: SymbolKind.File,
  opening: SymbolKind.Package,
  heading: SymbolKind.String,
  item: SymbolKind.EnumMember,
  closing: SymbolKind.Package,
};

/** Symbols per analysed version (a tree is built once per version): the Outline, breadcrumbs and sticky scroll all ask. */
const cache = new WeakMap<SectionNode, DocumentSymbol[]>();

/** The section tree as hierarchical document symbols (Outline view, breadcrumbs, Go to Symbol). */
export function documentSymbols(root: SectionNode): DocumentSymbol[] {
  let symbols = cache.get(root);
  if (!symbols) cache.set(root, (symbols = convertTree(root)));
  return symbols;
}

function convertTree(root: SectionNode): DocumentSymbol[] {
  return root.children.map(function convert(node): DocumentSymbol {
    const name = node.kind === 'heading' ? `${node.marker}${node.title}` : node.kind === 'item' ? `${node.marker}${node.title ? ' ' + node.title : ''}` : node.title;
    return {
      name: name.trim() || node.marker || '（空）',
      detail: `${formatThousands(node.chars)}字`,
      kind: KIND[node.kind],
      range: node.range,
      selectionRange: node.selectionRange,
      children: node.children.map(convert),
    };
  });
}
