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
  /**
   * Like forEach, in the same order, but only the words of `minLength`…`maxLength` UTF-16 units with at
   * least `minFrequency` (optional: spares making a string of every word when an index needs a few).
   */
  forEachWhere?(minLength: number, maxLength: number, minFrequency: number, callback: (word: string, frequency: number) => void): void;
  /**
   * Like forEachWhere, but each word is given as a range of a string (`text.slice(start, end)` is the word)
   * instead of a string of its own (optional: an index that only hashes the words makes no string at all).
   */
  forEachRangeWhere?(minLength: number, maxLength: number, minFrequency: number, callback: (text: string, start: number, end: number, frequency: number) => void): void;
  /**
   * Optional: `frequencyAt` below, without making the string (the proofreading rules look up hundreds of
   * thousands of substrings per 100 K characters).
   */
  frequencyAt?(text: string, start: number, end: number, at?: number, replacement?: string): number;
}

/**
 * The frequency of text[start, end) — or, with a `replacement`, of that range of the text in which the
 * UTF-16 units from `at` on are overwritten by the replacement's (text.slice(0, at) + replacement +
 * text.slice(at + replacement.length)): `lexicon.frequency` of that string.
 */
export function frequencyAt(lexicon: Lexicon, text: string, start: number, end: number, at = 0, replacement = ''): number {
  if (lexicon.frequencyAt) return lexicon.frequencyAt(text, start, end, at, replacement);
  const overwritten = replacement ? text.slice(0, at) + replacement + text.slice(at + replacement.length) : text;
  return lexicon.frequency(overwritten.slice(start, end));
}

/** The words of `lexicon` that forEachWhere would give, or undefined if it cannot list its words. */
export function wordsWhere(
  lexicon: Lexicon,
  minLength: number,
  maxLength: number,
  minFrequency: number,
  callback: (word: string, frequency: number) => void,
): boolean {
  if (lexicon.forEachWhere) lexicon.forEachWhere(minLength, maxLength, minFrequency, callback);
  else if (lexicon.forEach) {
    lexicon.forEach((word, frequency) => {
      if (word.length >= minLength && word.length <= maxLength && frequency >= minFrequency) callback(word, frequency);
    });
  } else return false;
  return true;
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
  /** The hash table `lexiconHashSlots` builds for these words, when it was built ahead (a prebuilt file). */
  hashSlots?: Int32Array;
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
    if (data.hashSlots && data.hashSlots.length >= this.size * 2.5 && (data.hashSlots.length & (data.hashSlots.length - 1)) === 0) this.useSlots(data.hashSlots);
  }

  frequency(word: string): number {
    const i = this.indexOf(word, 0, word.length);
    return i < 0 ? 0 : this.frequencies[i];
  }

  /** See the function `frequencyAt`: the same answer as `frequency` of that string, without making it. */
  frequencyAt(text: string, start: number, end: number, at = 0, replacement = ''): number {
    const i = this.indexOf(text, start, end, at, replacement);
    return i < 0 ? 0 : this.frequencies[i];
  }

  has(word: string): boolean {
    return this.indexOf(word, 0, word.length) >= 0;
  }

  /** `has(text.slice(start, end))` without making the string. */
  hasAt(text: string, start: number, end: number): boolean {
    return this.indexOf(text, start, end) >= 0;
  }

  forEach(callback: (word: string, frequency: number) => void): void {
    for (let i = 0; i < this.size; i++) callback(this.words.slice(this.offsets[i], this.offsets[i + 1]), this.frequencies[i]);
  }

  forEachWhere(minLength: number, maxLength: number, minFrequency: number, callback: (word: string, frequency: number) => void): void {
    const { offsets, frequencies } = this;
    for (let i = 0; i < this.size; i++) {
      const length = offsets[i + 1] - offsets[i];
      if (length < minLength || length > maxLength || frequencies[i] < minFrequency) continue;
      callback(this.words.slice(offsets[i], offsets[i + 1]), frequencies[i]);
    }
  }

  forEachRangeWhere(minLength: number, maxLength: number, minFrequency: number, callback: (text: string, start: number, end: number, frequency: number) => void): void {
    const { offsets, frequencies, words } = this;
    for (let i = 0; i < this.size; i++) {
      const length = offsets[i + 1] - offsets[i];
      if (length < minLength || length > maxLength || frequencies[i] < minFrequency) continue;
      callback(words, offsets[i], offsets[i + 1], frequencies[i]);
    }
  }

  /**
   * Open-addressing hash table of word indexes, built on the first lookup: a lookup is a hash of the few
   * characters and usually one or two probes (a binary search took a dozen steps through memory that is rarely
   * in cache). At most 40 % full.
   * A slot holds the word's index plus one in its high bits (0: empty) and low bits of the word's hash in
   * the others: most words that are not the one looked up are passed over without reading their characters
   * (most lookups during a check are of strings that are no word).
   */
  private slots?: Int32Array;
  private shift = 0;
  /** Bits of a slot that hold hash bits (the rest hold the index plus one). */
  private hashBits = 0;

  private buildSlots(): Int32Array {
    return this.useSlots(lexiconHashSlots({ words: this.words, offsets: this.offsets }));
  }

  private useSlots(slots: Int32Array): Int32Array {
    this.shift = 32 - Math.log2(slots.length);
    this.hashBits = hashBitsFor(this.size);
    return (this.slots = slots);
  }

  /**
   * The index of the word text[start, end), with the units from `at` on overwritten by `replacement`'s
   * (none by default); -1 if it is no word.
   */
  private indexOf(text: string, start: number, end: number, at = start, replacement = ''): number {
    const n = end - start;
    if (n <= 0) return -1;
    const slots = this.slots ?? this.buildSlots();
    const mask = slots.length - 1;
    const words = this.words;
    const offsets = this.offsets;
    const hashBits = this.hashBits;
    const hashMask = (1 << hashBits) - 1;
    const replaced = replacement.length;
    // hashChars of the (overwritten) units.
    let h = 0x811c9dc5;
    for (let i = start; i < end; i++) h = Math.imul(h ^ ((i - at) >>> 0 < replaced ? replacement.charCodeAt(i - at) : text.charCodeAt(i)), 0x01000193);
    const hash = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
    const check = hash & hashMask;
    for (let slot = hash >>> this.shift; ; slot = (slot + 1) & mask) {
      const entry = slots[slot];
      if (entry === 0) return -1;
      if ((entry & hashMask) !== check) continue;
      const index = (entry >>> hashBits) - 1;
      const from = offsets[index];
      if (offsets[index + 1] - from !== n) continue;
      let k = 0;
      while (k < n && words.charCodeAt(from + k) === ((start + k - at) >>> 0 < replaced ? replacement.charCodeAt(start + k - at) : text.charCodeAt(start + k))) k++;
      if (k === n) return index;
    }
  }
}

function hashBitsFor(size: number): number {
  let indexBits = 1;
  while (2 ** indexBits <= size) indexBits++;
  return Math.max(0, 32 - indexBits);
}

/** The hash table of CompactLexicon (see there) for `data`'s words: built on first use, or ahead into a prebuilt file. */
export function lexiconHashSlots(data: Pick<LexiconData, 'words' | 'offsets'>): Int32Array {
  const size = data.offsets.length - 1;
  let bits = 1;
  while (1 << bits < size * 2.5) bits++;
  const hashBits = hashBitsFor(size);
  const hashMask = (1 << hashBits) - 1;
  const slots = new Int32Array(1 << bits);
  const mask = slots.length - 1;
  const shift = 32 - bits;
  for (let i = 0; i < size; i++) {
    const hash = hashChars(data.words, data.offsets[i], data.offsets[i + 1]);
    let slot = hash >>> shift;
    while (slots[slot] !== 0) slot = (slot + 1) & mask;
    slots[slot] = ((i + 1) << hashBits) | (hash & hashMask);
  }
  return slots;
}

/** A 32-bit hash of the UTF-16 code units text[start, end) (FNV-1a, with a final multiplicative mix; indexOf computes the same inline). */
function hashChars(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
}

/** Builds lexicon data from (word, frequency) pairs; a repeated word keeps its highest frequency. */
export function buildLexiconData(entries: Iterable<readonly [string, number]>): LexiconData {
  const words: string[] = [];
  const given: number[] = [];
  // Word lists kept in files are usually sorted already (known-words.json): then no map and no sort.
  let sortedUnique = true;
  for (const [word, frequency] of entries) {
    if (!word) continue;
    if (sortedUnique && words.length > 0 && !(words[words.length - 1] < word)) sortedUnique = false;
    words.push(word);
    given.push(Math.max(0, Math.min(0xffffffff, Math.round(frequency))));
  }
  let sorted = words;
  let frequencyOf = (i: number, _word: string) => given[i];
  if (!sortedUnique) {
    const map = new Map<string, number>();
    words.forEach((word, i) => {
      const old = map.get(word);
      if (old === undefined || given[i] > old) map.set(word, given[i]);
    });
    sorted = [...map.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    frequencyOf = (_i, word) => map.get(word)!;
  }
  const offsets = new Uint32Array(sorted.length + 1);
  const frequencies = new Uint32Array(sorted.length);
  let total = 0;
  let pos = 0;
  sorted.forEach((word, i) => {
    offsets[i] = pos;
    pos += word.length;
    frequencies[i] = frequencyOf(i, word);
    total += frequencies[i];
  });
  offsets[sorted.length] = pos;
  return { words: sorted.join(''), offsets, frequencies, total };
}
