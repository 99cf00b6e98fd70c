import { ReportDocument, SectionNode } from './document';
import { Segmenter } from './segmentation';
import { countHanChars } from './text';

export interface SectionStats {
  title: string;
  marker: string;
  line: number;
  chars: number;
}

export interface DocumentStats {
  /** Visible characters (whitespace excluded); the figure Chinese writers call 字数. */
  chars: number;
  /** Chinese characters only. */
  hanChars: number;
  /** Words by segmentation (punctuation and spaces excluded); null while segmentation is unavailable. */
  words: number | null;
  paragraphs: number;
  headings: number;
  sections: SectionStats[];
}

const WORD = /[\p{L}\p{N}]/u;

export function computeStats(document: ReportDocument, segmenter?: Segmenter): DocumentStats {
  let chars = 0;
  let hanChars = 0;
  let paragraphs = 0;
  let words: number | null = segmenter ? 0 : null;
  document.lines.forEach((line, i) => {
    const info = document.lineInfos[i];
    if (info.blank || document.ignoredLines.has(i)) return;
    paragraphs++;
    chars += info.visibleChars;
    hanChars += countHanChars(line);
    if (words !== null) {
      const cut = segmenter!.cut(line);
      if (cut === undefined) words = null;
      else for (const w of cut) if (WORD.test(w)) words++;
    }
  });
  const sections: SectionStats[] = [];
  let headings = 0;
  const visit = (node: SectionNode) => {
    for (const child of node.children) {
      if (child.kind === 'item') continue;
      if (child.kind === 'heading') headings++;
      sections.push({ title: child.title, marker: child.marker, line: child.line, chars: child.chars });
      visit(child);
    }
  };
  visit(document.root);
  return { chars, hanChars, words, paragraphs, headings, sections };
}
