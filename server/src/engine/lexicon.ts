/**
 * What the engine needs from a word list with frequencies (the segmentation dictionary in the CLI and
 * the server). Rules with `needsLexicon` get one through `LineContext.lexicon`.
 */
export interface Lexicon {
  /** How often the word occurs in the dictionary's corpus; 0 when it is not a word of the dictionary. */
  frequency(word: string): number;
  has(word: string): boolean;
  /** The sum of all frequencies (to turn a frequency into a probability). */
  readonly total: number;
  /** Number of words. */
  readonly size: number;
  /** Every word with its frequency (optional: lets rules build indexes). */
  forEach?(callback: (word: string, frequency: number) => void): void;
}

/**
 * A compact lexicon: all words sorted (UTF-16 code unit order) in one string, with offsets and
 * frequencies in typed arrays (~12 bytes a word, no object per word). Plain data, so it can be built
 * in a worker thread and handed over with its buffers transferred.
 */
export interface LexiconData {
  /** The words, sorted, concatenated. */
  words: string;
  /** offsets[i]..offsets[i+1] is word i (length = count + 1). */
  offsets: Uint32Array;
  frequencies: Uint32Array;
  total: number;
}

export class CompactLexicon implements Lexicon {
  readonly total: number;
  readonly size: number;
  private readonly words: string;
  private readonly offsets: Uint32Array;
  private readonly frequencies: Uint32Array;

  constructor(data: LexiconData) {
    this.words = data.words;
    this.offsets = data.offsets;
    this.frequencies = data.frequencies;
    this.total = data.total;
    this.size = data.frequencies.length;
  }

  frequency(word: string): number {
    const i = this.indexOf(word);
    return i < 0 ? 0 : this.frequencies[i];
  }

  has(word: string): boolean {
    return this.indexOf(word) >= 0;
  }

  forEach(callback: (word: string, frequency: number) => void): void {
    for (let i = 0; i < this.size; i++) callback(this.words.slice(this.offsets[i], this.offsets[i + 1]), this.frequencies[i]);
  }

  /** For each first character (UTF-16 unit), the range of word indexes that start with it. */
  private buckets?: Map<number, { lo: number; hi: number }>;

  private bucket(code: number): { lo: number; hi: number } | undefined {
    if (!this.buckets) {
      const buckets = new Map<number, { lo: number; hi: number }>();
      for (let i = 0; i < this.size; i++) {
        const c = this.words.charCodeAt(this.offsets[i]);
        const b = buckets.get(c);
        if (b) b.hi = i;
        else buckets.set(c, { lo: i, hi: i });
      }
      this.buckets = buckets;
    }
    return this.buckets.get(code);
  }

  /** Binary search within the words that share the first character, comparing in place (no slicing). */
  private indexOf(word: string): number {
    if (!word) return -1;
    const range = this.bucket(word.charCodeAt(0));
    if (!range) return -1;
    let lo = range.lo;
    let hi = range.hi;
    const words = this.words;
    const offsets = this.offsets;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const start = offsets[mid];
      const length = offsets[mid + 1] - start;
      let cmp = 0;
      const n = Math.min(length, word.length);
      for (let k = 0; k < n && cmp === 0; k++) cmp = words.charCodeAt(start + k) - word.charCodeAt(k);
      if (cmp === 0) cmp = length - word.length;
      if (cmp === 0) return mid;
      if (cmp < 0) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }
}

/** Builds lexicon data from (word, frequency) pairs; a repeated word keeps its highest frequency. */
export function buildLexiconData(entries: Iterable<readonly [string, number]>): LexiconData {
  const map = new Map<string, number>();
  for (const [word, frequency] of entries) {
    if (!word) continue;
    const f = Math.max(0, Math.min(0xffffffff, Math.round(frequency)));
    const old = map.get(word);
    if (old === undefined || f > old) map.set(word, f);
  }
  const sorted = [...map.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const offsets = new Uint32Array(sorted.length + 1);
  const frequencies = new Uint32Array(sorted.length);
  let total = 0;
  let pos = 0;
  sorted.forEach((word, i) => {
    offsets[i] = pos;
    pos += word.length;
    frequencies[i] = map.get(word)!;
    total += frequencies[i];
  });
  offsets[sorted.length] = pos;
  return { words: sorted.join(''), offsets, frequencies, total };
}

/** Parses a frequency dictionary, one `word frequency [tag]` a line (the jieba format). */
export function parseFrequencyList(text: string, keep: (word: string) => boolean = () => true): LexiconData {
  const entries: [string, number][] = [];
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    // `word frequency [tag]`: the word ends at the first space or tab.
    let space = start;
    while (space < end && text.charCodeAt(space) !== 32 && text.charCodeAt(space) !== 9) space++;
    if (space > start && space < end) {
      const word = text.slice(start, space);
      let f = 0;
      let i = space + 1;
      let digits = 0;
      for (; i < end; i++) {
        const c = text.charCodeAt(i);
        if (c < 48 || c > 57) break;
        f = f * 10 + (c - 48);
        digits++;
      }
      if (digits > 0 && keep(word)) entries.push([word, f]);
    }
    start = end + 1;
  }
  return buildLexiconData(entries);
}
