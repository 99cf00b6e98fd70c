import { type Lexicon, wordsWhere } from '../lexicon';
import { PairSet } from '../pairSet';
import type { CandidateList } from './candidates';
import type { WrongCharTables } from './data';
import { PARAMS } from './params';

/**
 * Frequent words of three or four characters by their pattern with one inner character left open
 * (“委?会” → 员): which characters complete a long, frequent word around a position. `around` holds
 * the two characters on either side of each open position (委, 会): a position whose neighbours are not
 * such a pair completes no word, and most positions are ruled out without building a pattern.
 */
export interface WildIndex {
  /** A Map when built here, a table on the prebuilt file's bytes otherwise (prebuilt.ts). */
  completions: { get(pattern: string): string | undefined };
  around: PairSet;
}

/**
 * The indexes of the lexicon's words that the candidate search reads, built in one pass over the words
 * (a first check needs all three, and each pass over jieba's dictionary costs time in a fresh process).
 */
export interface WordIndexes {
  /**
   * Adjacent character pairs found in the lexicon's usable words (frequency ≥ minNewWord). A replacement
   * can only form a word with a neighbour if the pair occurs in some word: this prunes most candidates
   * before any word is looked up.
   */
  bigrams: PairSet;
  wild: { completions: Map<string, string>; around: PairSet };
  /** Frequent two-character words by the syllables of their characters (“dan wei” → 单位), keyed by syllablePair. */
  pairs: Map<number, string[]>;
}

/** The key of two syllables (by their ids) in the index of two-character words. */
export function syllablePair(x: number, y: number): number {
  return x * 65536 + y;
}

export const NO_IDS: number[] = [];

/** The word indexes of `lexicon`; undefined when the lexicon cannot list its words. */
export function wordIndexes(lexicon: Lexicon, data: WrongCharTables): WordIndexes | undefined {
  // About one distinct pair per four words of jieba's dictionary: sized to grow at most once.
  const bigrams = new PairSet(lexicon.size / 4);
  const completions = new Map<string, string>();
  const around = new PairSet();
  const pairs = new Map<number, string[]>();
  const { syllableIdsOf } = data.pinyin;
  const { maxWord, minNewWord, minWildWord, minPairWord } = PARAMS;
  const listed = wordsWhere(lexicon, 2, Math.max(2, maxWord), Math.min(minNewWord, minWildWord, minPairWord), (word, frequency) => {
    const length = word.length;
    if (frequency >= minNewWord && length <= maxWord) {
      for (let i = 0; i + 1 < length; i++) bigrams.add(word.charCodeAt(i), word.charCodeAt(i + 1));
    }
    if (frequency >= minWildWord && length >= 3 && length <= maxWord) {
      // Inner positions only: an open first or last character matches too many coinages (示范型).
      for (let j = 1; j < length - 1; j++) {
        const key = word.slice(0, j) + '?' + word.slice(j + 1);
        completions.set(key, (completions.get(key) ?? '') + word[j]);
        around.add(word.charCodeAt(j - 1), word.charCodeAt(j + 1));
      }
    }
    if (frequency >= minPairWord && length === 2) {
      for (const x of syllableIdsOf.get(word.charCodeAt(0)) ?? NO_IDS) {
        for (const y of syllableIdsOf.get(word.charCodeAt(1)) ?? NO_IDS) {
          const key = syllablePair(x, y);
          const list = pairs.get(key);
          if (list) list.push(word);
          else pairs.set(key, [word]);
        }
      }
    }
  });
  return listed ? { bigrams, wild: { completions, around }, pairs } : undefined;
}

/**
 * What the candidate search reads for every position, per lexicon: looked up once per line rather than
 * once per position and table.
 */
export interface LexiconTables {
  data: WrongCharTables;
  bigrams: PairSet | undefined;
  wild: WildIndex | undefined;
  /** Two-character words by the syllables of their characters (see WordIndexes.pairs). */
  pairs: { get(key: number): readonly string[] | undefined } | undefined;
  /** Candidates by character code (see cachedCandidates). */
  candidates: Map<number, CandidateList>;
}

/** The tables of `lexicon`, built once per lexicon and data. */
export function tablesFor(lexicon: Lexicon, data: WrongCharTables): LexiconTables {
  let tables = data.byLexicon.get(lexicon);
  if (!tables) {
    // Prebuilt for jieba's dictionary: used for a lexicon of the same size and total (that dictionary).
    const prebuilt = data.prebuiltIndexes;
    const indexes = prebuilt && prebuilt.size === lexicon.size && prebuilt.total === lexicon.total ? prebuilt : wordIndexes(lexicon, data);
    data.byLexicon.set(lexicon, (tables = { data, bigrams: indexes?.bigrams, wild: indexes?.wild, pairs: indexes?.pairs, candidates: new Map() }));
  }
  return tables;
}
