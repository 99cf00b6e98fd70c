import { SectionKind, SectionNode } from './document';
import { Range } from './types';

/** The stable JSON shape of `gongwen outline --format json`. */
export interface OutlineJson {
  kind: Exclude<SectionKind, 'document'>;
  level?: number;
  marker: string;
  number?: number;
  title: string;
  range: Range;
  chars: number;
  children: OutlineJson[];
}

export function outlineToJson(root: SectionNode): OutlineJson[] {
  return root.children.map(function convert(node): OutlineJson {
    return {
      kind: node.kind as OutlineJson['kind'],
      ...(node.level ? { level: node.level } : {}),
      marker: node.marker,
      ...(node.number !== undefined ? { number: node.number } : {}),
      title: node.title,
      range: node.range,
      chars: node.chars,
      children: node.children.map(convert),
    };
  });
}
