import data from '../../../data/style.json';
import { allHan } from '../chars';
import { SectionNode } from '../document';
import { range } from '../types';
import { DocumentFinding, DocumentRule } from './rule';

const STOP_WORDS = new Set(data.overusedStopWords);
const DEFAULT_MIN_COUNT = 6;
/** Share of a section's content words one word may take before it counts as overused. */
const DEFAULT_MAX_SHARE = 0.03;
const MAX_PER_SECTION = 3;

function isContentWord(word: string): boolean {
  if (word.length < 2 || STOP_WORDS.has(word)) return false;
  return allHan(word);
}

/** The parts a reader takes in as one: the opening, each level-1 section, or the whole text without headings. */
function parts(root: SectionNode): { first: number; last: number }[] {
  const result: { first: number; last: number }[] = [];
  for (const node of root.children) {
    if (node.kind === 'opening' || node.kind === 'heading') result.push({ first: node.range.start.line, last: node.range.end.line });
  }
  return result;
}

/** A content word used again and again in one section (segmentation-based; stop words excluded). */
export const overusedWord: DocumentRule = {
  id: 'overused-word',
  scope: 'document',
  description: '同一部分中某个实词使用过于频繁（可用 minCount 选项调整次数）',
  defaultSeverity: 'hint',
  enabledByDefault: false,
  needsSegmentation: true,
  check({ document, options, tokens }) {
    const findings: DocumentFinding[] = [];
    if (!tokens) return findings;
    const minCount = typeof options.minCount === 'number' && options.minCount > 1 ? options.minCount : DEFAULT_MIN_COUNT;
    const maxShare = typeof options.maxShare === 'number' && options.maxShare > 0 ? options.maxShare : DEFAULT_MAX_SHARE;
    for (const { first, last } of parts(document.root)) {
      const counts = new Map<string, { count: number; line: number; start: number; end: number }>();
      let total = 0;
      for (let line = first; line <= last; line++) {
        for (const token of tokens(line) ?? []) {
          if (!isContentWord(token.text)) continue;
          total++;
          const entry = counts.get(token.text);
          if (entry) entry.count++;
          else counts.set(token.text, { count: 1, line, start: token.start, end: token.end });
        }
      }
      const overused = [...counts.entries()]
        .filter(([, e]) => e.count >= minCount && e.count / total > maxShare)
        .sort((a, b) => b[1].count - a[1].count)
        .slice(0, MAX_PER_SECTION);
      for (const [word, e] of overused) {
        findings.push({
          range: range(e.line, e.start, e.end),
          message: `“${word}”在本部分出现 ${e.count} 次，用得较多，可酌情换用其他表述`,
        });
      }
    }
    return findings;
  },
};
