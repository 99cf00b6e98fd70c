import { PhraseTrie } from '../phrases';
import type { Severity } from '../types';
import type { LineFinding, LineRule } from './rule';

/** A fixed phrase in which `wrong` should read `right` (权利运行 → 权力运行). */
export interface ContextPhrase {
  phrase: string;
  wrong: string;
  right: string;
  note?: string;
  /** One of these must immediately precede the phrase. */
  precededBy?: string[];
}

/**
 * Builds a rule for a confusable pair that is decided by the words around it: only the listed phrases
 * are flagged (precision first), the range is the confused word itself, and the fix is a suggestion
 * (unsafe) because the writer may mean the other word after all.
 */
export function contextPairRule(meta: { id: string; description: string; severity: Severity }, phrases: readonly ContextPhrase[]): LineRule {
  const trie = new PhraseTrie<ContextPhrase>();
  for (const p of phrases) if (p.phrase.includes(p.wrong)) trie.add(p.phrase, p);
  // A line without any of the confused words (nearly every line) is passed over at native speed.
  const words = [...new Set(phrases.map((p) => p.wrong))];
  return {
    id: meta.id,
    description: meta.description,
    defaultSeverity: meta.severity,
    scope: 'line',
    check({ text }) {
      const findings: LineFinding[] = [];
      if (!words.some((w) => text.includes(w))) return findings;
      for (let i = 0; i < text.length; i++) {
        const matches = trie.matchesAt(text, i);
        for (let k = matches.length - 1; k >= 0; k--) {
          const p = matches[k].value;
          if (p.precededBy && !p.precededBy.some((b) => text.slice(0, i).endsWith(b))) continue;
          const start = i + p.phrase.indexOf(p.wrong);
          const end = start + p.wrong.length;
          const note = p.note ? `（${p.note}）` : '';
          findings.push({
            start,
            end,
            message: `“${p.phrase}”中宜用“${p.right}”，不用“${p.wrong}”${note}`,
            fixes: [{ title: `改为“${p.right}”`, edits: [{ start, end, newText: p.right }], safe: false }],
          });
          i = matches[k].end - 1;
          break;
        }
      }
      return findings;
    },
  };
}

/** A regular-expression alternation of literal words, longest first. */
export function alternation(words: readonly string[]): string {
  return [...words].sort((a, b) => b.length - a.length).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
}
