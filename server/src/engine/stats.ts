import { ReportDocument, SectionNode } from './document';
import type { LineInfo } from './lineInfo';
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

// Per-line figures, remembered for as long as the line's analysis (or its segmentation) lives: the
// status bar asks for statistics after every pause in typing, and a 1 MB document must answer fast.
const hanCounts = new WeakMap<LineInfo, number>();
const wordCounts = new WeakMap<ArrayLike<number>, number>();

export function computeStats(document: ReportDocument, segmenter?: Segmenter): DocumentStats {
  let chars = 0;
  let hanChars = 0;
  let paragraphs = 0;
  let words = 0;
  let missing = !segmenter;
  document.lines.forEach((line, i) => {
    const info = document.lineInfos[i];
    if (info.blank || document.ignoredLines.has(i)) return;
    paragraphs++;
    chars += info.visibleChars;
    let han = hanCounts.get(info);
    if (han === undefined) hanCounts.set(info, (han = countHanChars(line)));
    hanChars += han;
    if (segmenter) {
      // Ask for every line even after one is missing: an asynchronous segmenter queues them all at once.
      const lengths = segmenter.wordLengths(line);
      if (lengths === undefined) missing = true;
      else if (!missing) {
        let count = wordCounts.get(lengths);
        if (count === undefined) {
          count = 0;
          for (let i = 0, start = 0; i < lengths.length; start += lengths[i++]) if (WORD.test(line.slice(start, start + lengths[i]))) count++;
          wordCounts.set(lengths, count);
        }
        words += count;
      }
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
  return { chars, hanChars, words: missing ? null : words, paragraphs, headings, sections };
}
