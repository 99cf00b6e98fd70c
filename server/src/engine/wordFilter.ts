import { frequencyAt, type Lexicon, wordsWhere } from './lexicon';

/**
 * A Bloom filter in front of lexicon lookups that mostly miss: the proofreading rules ask whether
 * hundreds of thousands of strings per 100 K characters (a character replaced in a window) are frequent
 * words, and nearly all are not. The lexicon's hash table is 4 MB and each miss there waits for memory;
 * the filter (a few hundred KB, ~12 bits a word, 3 probes) stays in the processor's cache and answers
 * most misses. It never says "absent" for a word it holds (a false "maybe" costs the lookup it replaces).
 */
export class WordFilter {
  private readonly bits: Uint32Array;
  private readonly shift: number;
  private readonly mask: number;

  /** `expected`: about how many words will be added. */
  constructor(expected: number) {
    let log = 10;
    while (2 ** log < expected * 12) log++;
    this.bits = new Uint32Array(2 ** (log - 5));
    this.shift = 32 - log;
    this.mask = 2 ** log - 1;
  }

  /** Adds text[start, end). */
  add(text: string, start: number, end: number): void {
    const hash = hashRange(text, start, end, 0, '');
    const step = (Math.imul(hash, 0x9e3779b1) >>> this.shift) | 1;
    let bit = hash >>> this.shift;
    for (let k = 0; k < 3; k++, bit = (bit + step) & this.mask) this.bits[bit >>> 5] |= 1 << (bit & 31);
  }

  /**
   * Whether text[start, end) — with the units from `at` on overwritten by `replacement`'s, as in
   * `frequencyAt` — may be one of the words added: false means it is certainly none of them.
   */
  mayHave(text: string, start: number, end: number, at = 0, replacement = ''): boolean {
    const hash = hashRange(text, start, end, at, replacement);
    const step = (Math.imul(hash, 0x9e3779b1) >>> this.shift) | 1;
    let bit = hash >>> this.shift;
    for (let k = 0; k < 3; k++, bit = (bit + step) & this.mask) if ((this.bits[bit >>> 5] & (1 << (bit & 31))) === 0) return false;
    return true;
  }
}

/** FNV-1a of the (overwritten) units with a final mix, as the lexicon hashes its words. */
function hashRange(text: string, start: number, end: number, at: number, replacement: string): number {
  const replaced = replacement.length;
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ ((i - at) >>> 0 < replaced ? replacement.charCodeAt(i - at) : text.charCodeAt(i)), 0x01000193);
  return Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
}

const filters = new WeakMap<Lexicon, Map<string, WordFilter | undefined>>();

/**
 * The filter of `lexicon`'s words of `minLength`…`maxLength` UTF-16 units with at least `minFrequency`,
 * built on first use and kept as long as the lexicon; undefined when the lexicon cannot list its words
 * (then every lookup must be made).
 */
export function wordFilter(lexicon: Lexicon, minLength: number, maxLength: number, minFrequency: number): WordFilter | undefined {
  let byKey = filters.get(lexicon);
  if (!byKey) filters.set(lexicon, (byKey = new Map()));
  const key = `${minLength} ${maxLength} ${minFrequency}`;
  if (byKey.has(key)) return byKey.get(key);
  let filter: WordFilter | undefined;
  if (lexicon.forEachRangeWhere) {
    let count = 0;
    lexicon.forEachRangeWhere(minLength, maxLength, minFrequency, () => count++);
    const built = new WordFilter(count);
    lexicon.forEachRangeWhere(minLength, maxLength, minFrequency, (text, start, end) => built.add(text, start, end));
    filter = built;
  } else {
    const words: string[] = [];
    if (wordsWhere(lexicon, minLength, maxLength, minFrequency, (word) => words.push(word))) {
      filter = new WordFilter(words.length);
      for (const word of words) filter.add(word, 0, word.length);
    }
  }
  byKey.set(key, filter);
  return filter;
}

const charFrequencies = new WeakMap<Lexicon, Float64Array>();

/**
 * `frequencyAt(lexicon, text, i, i + 1)`: the frequency of the one unit at `i` as a word, from a table
 * of all 65,536 units filled in on first use (the context check asks it for every character of a text).
 */
export function unitFrequency(lexicon: Lexicon, text: string, i: number): number {
  let table = charFrequencies.get(lexicon);
  if (!table) charFrequencies.set(lexicon, (table = new Float64Array(65536).fill(-1)));
  const code = text.charCodeAt(i);
  let f = table[code];
  if (f < 0) table[code] = f = frequencyAt(lexicon, text, i, i + 1);
  return f;
}
