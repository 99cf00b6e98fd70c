/**
 * A word trigram language model with back-off, read from the compact binary that scripts/build-lm.mjs
 * writes (open-gram's model from Debian's sunpinyin-data, CC BY-SA 3.0). The host hands over the bytes;
 * nothing here reads files. Probabilities are natural logarithms; the format is described in the script.
 */

const MAGIC = 0x4d4c5747; // 'GWLM' read as a little-endian u32
const VERSION = 1;
const HEADER_BYTES = 52;

/** ln P of a word the model does not know (a rare character or a name): below every known word. */
export const UNKNOWN_LOG_PROB = -20;

export class LanguageModelError extends Error {}

/** Entries of the bigram memo (see bigramAt): 2^12. */
const BIGRAM_MEMO_BITS = 12;

/** The model's words by id and the reverse, made ahead (wrongchar/prebuilt.ts's ModelWordList): spares decoding and mapping the word list. */
export interface ModelWords {
  readonly size: number;
  readonly maxWordLength: number;
  id(word: string): number;
  word(id: number): string;
  /**
   * `id(text.slice(start, end))` with the unit at `at` (if inside the range) read as `code`, without making the
   * string. With it the model keeps no word strings or id table of its own (~3 MB and ~20 ms at start).
   */
  idAt?(text: string, start: number, end: number, at: number, code: number): number;
}

export class LanguageModel {
  /** Number of words; id 0 is the sentence boundary (the empty word). */
  readonly size: number;
  /** The longest word, in UTF-16 units. */
  readonly maxWordLength: number;
  /** The words by id: decoded from the file, or (with a prebuilt list) made at the first in-place lookup. */
  private words: string[] | undefined;
  private ids: Map<string, number> | undefined;
  private readonly given: ModelWords | undefined;
  private readonly uniProb: Uint16Array;
  private readonly uniBow: Uint8Array;
  private readonly biStart: Uint32Array;
  private readonly biEntry: Uint32Array;
  private readonly ctxBigram: Uint32Array;
  private readonly ctxBow: Uint8Array;
  private readonly ctxStart: Uint32Array;
  private readonly triEntry: Uint32Array;
  private readonly q: Float32Array;
  /** ln P by quantized level: probMin + q * probStep, and the same for back-off weights. */
  private readonly probOf = new Float64Array(256);
  private readonly bowOf = new Float64Array(256);
  /**
   * The trigram contexts as rank bits over the bigram entries (bit i: bigram i has trigrams; its context
   * index is the number of bits before it), instead of a binary search of ctxBigram per lookup. Built on
   * first use; undefined if ctxBigram is not strictly increasing (then the binary search is kept).
   */
  private contextBits?: Uint32Array;
  private contextRank?: Uint32Array;
  private contextsRanked = false;
  /** Open-addressing table of word ids (see idAt), and a Bloom filter in front of it. Built on first use. */
  private slots?: Int32Array;
  private slotShift = 0;
  private bloom?: Uint32Array;
  private bloomShift = 0;

  static readonly BOUNDARY = 0;

  /** Reads the model. Throws a LanguageModelError (Chinese message) when the bytes are not such a model. */
  static fromBytes(input: Uint8Array, words?: ModelWords): LanguageModel {
    // Typed arrays over the bytes need 4-byte alignment.
    const bytes = input.byteOffset % 4 === 0 ? input : input.slice();
    return new LanguageModel(bytes, words);
  }

  /** `words`: the word list made ahead for these bytes (its size is checked against the file's). */
  private constructor(bytes: Uint8Array, words?: ModelWords) {
    const fail = (why: string): never => {
      throw new LanguageModelError(`语言模型文件无法读取：${why}`);
    };
    if (bytes.byteLength < HEADER_BYTES) fail('文件太短');
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (view.getUint32(0, true) !== MAGIC) fail('不是 gongwen 语言模型（文件头不对）');
    if (view.getUint32(4, true) !== VERSION) fail(`版本 ${view.getUint32(4, true)} 不受支持`);
    const [V, B, C, T, wordBytes] = [8, 12, 16, 20, 24].map((o) => view.getUint32(o, true));
    this.q = new Float32Array(6);
    for (let i = 0; i < 6; i++) this.q[i] = view.getFloat32(28 + i * 4, true);
    let at = HEADER_BYTES;
    const align = () => (at = (at + 3) & ~3);
    const take = <A>(make: (buffer: ArrayBufferLike, offset: number, length: number) => A, length: number, unit: number): A => {
      if (bytes.byteOffset + at + length * unit > bytes.byteOffset + bytes.byteLength) fail('文件被截断');
      const out = make(bytes.buffer, bytes.byteOffset + at, length);
      at += length * unit;
      align();
      return out;
    };
    if (at + wordBytes > bytes.byteLength) fail('文件被截断');
    if (words && words.size === V) this.given = words;
    else this.words = new TextDecoder().decode(bytes.subarray(at, at + wordBytes)).split('\n');
    at += wordBytes;
    align();
    if (this.words && this.words.length !== V) fail('词表与文件头不符');
    this.uniProb = take((b, o, n) => new Uint16Array(b, o, n), V, 2);
    this.uniBow = take((b, o, n) => new Uint8Array(b, o, n), V, 1);
    this.biStart = take((b, o, n) => new Uint32Array(b, o, n), V + 1, 4);
    this.biEntry = take((b, o, n) => new Uint32Array(b, o, n), B, 4);
    this.ctxBigram = take((b, o, n) => new Uint32Array(b, o, n), C, 4);
    this.ctxBow = take((b, o, n) => new Uint8Array(b, o, n), C, 1);
    this.ctxStart = take((b, o, n) => new Uint32Array(b, o, n), C + 1, 4);
    this.triEntry = take((b, o, n) => new Uint32Array(b, o, n), T, 4);
    if (this.biStart[V] !== B || this.ctxStart[C] !== T) fail('索引与文件头不符');
    this.size = V;
    let longest = this.given?.maxWordLength ?? 0;
    for (const w of this.words ?? []) if (w.length > longest) longest = w.length;
    this.maxWordLength = longest;
    for (let i = 0; i < 256; i++) {
      this.probOf[i] = this.q[2] + i * this.q[3];
      this.bowOf[i] = this.q[4] + i * this.q[5];
    }
  }

  /**
   * Builds now the lookup tables otherwise made by the first lookups (the word-id table and its Bloom filter, the
   * trigram contexts' rank bits; ~30 ms): the server does it while the segmentation worker loads, so that the
   * first lint with the lexicon does not (docs/notes/perf.md, h18-start). Lookups give the same answers either way.
   */
  prepare(): void {
    if (!this.bloom) this.buildSlots();
    if (!this.contextsRanked) this.rankContexts();
  }

  /** The id of `word`, or -1. Built on first use: a map of every word. */
  id(word: string): number {
    if (this.given) return this.given.id(word);
    if (!this.ids) {
      this.ids = new Map();
      this.words!.forEach((w, i) => this.ids!.set(w, i));
    }
    return this.ids.get(word) ?? -1;
  }

  /**
   * `id(text.slice(start, end))` with the unit at `at` (if inside the range) read as `code`, without
   * making the string: the window scorer looks up hundreds of thousands of such strings per 100 K
   * characters, most of them no word. A Bloom filter (128 KB, in cache) answers most misses; the rest
   * probe a hash table of the ids.
   */
  idAt(text: string, start: number, end: number, at = -1, code = 0): number {
    const n = end - start;
    if (n <= 0) return n === 0 ? this.id('') : -1;
    if (!this.bloom) this.buildSlots();
    let h = 0x811c9dc5;
    for (let i = start; i < end; i++) h = Math.imul(h ^ (i === at ? code : text.charCodeAt(i)), 0x01000193);
    const hash = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
    if (!bloomHas(this.bloom!, this.bloomShift, hash)) return -1;
    if (this.given?.idAt) return this.given.idAt(text, start, end, at, code);
    const slots = this.slots!;
    const mask = slots.length - 1;
    const words = this.words!;
    for (let slot = hash >>> this.slotShift; ; slot = (slot + 1) & mask) {
      const id = slots[slot] - 1;
      if (id < 0) return -1;
      const w = words[id];
      if (w.length !== n) continue;
      let k = 0;
      while (k < n && w.charCodeAt(k) === (start + k === at ? code : text.charCodeAt(start + k))) k++;
      if (k === n) return id;
    }
  }

  /** The Bloom filter of the words, and (unless the given list looks words up in place) the id table. */
  private buildSlots(): void {
    const given = this.given;
    const inPlace = given?.idAt !== undefined;
    // Without an in-place lookup in the given list, the table compares against strings (it would slice one per probe).
    const words = inPlace ? undefined : (this.words ??= Array.from({ length: this.size }, (_, id) => given!.word(id)));
    let bits = 1;
    while (1 << bits < this.size * 2.5) bits++;
    const slots = inPlace ? undefined : new Int32Array(1 << bits);
    const mask = (1 << bits) - 1;
    this.slotShift = 32 - bits;
    // 2^20 bits: ~14 bits a word for 72 K words, 3 probes (about 0.2 % false positives).
    let bloomBits = 16;
    while (1 << bloomBits < this.size * 14) bloomBits++;
    const bloom = new Uint32Array(1 << (bloomBits - 5));
    this.bloomShift = 32 - bloomBits;
    // Highest id first: a word listed twice is found under its last id, as `id` (a Map) gives it.
    for (let id = this.size - 1; id >= 1; id--) {
      const w = words ? words[id] : given!.word(id);
      let h = 0x811c9dc5;
      for (let i = 0; i < w.length; i++) h = Math.imul(h ^ w.charCodeAt(i), 0x01000193);
      const hash = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
      bloomAdd(bloom, this.bloomShift, hash);
      if (!slots) continue;
      let slot = hash >>> this.slotShift;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = id + 1;
    }
    this.slots = slots;
    this.bloom = bloom;
  }

  /** Builds the rank bits of the trigram contexts (see contextBits). */
  private rankContexts(): void {
    this.contextsRanked = true;
    const contexts = this.ctxBigram;
    for (let i = 1; i < contexts.length; i++) if (contexts[i] <= contexts[i - 1]) return;
    const bigrams = this.biEntry.length;
    const bits = new Uint32Array((bigrams >>> 5) + 1);
    for (let i = 0; i < contexts.length; i++) {
      if (contexts[i] >= bigrams) return;
      bits[contexts[i] >>> 5] |= 1 << (contexts[i] & 31);
    }
    const rank = new Uint32Array(bits.length);
    let before = 0;
    for (let i = 0; i < bits.length; i++) {
      rank[i] = before;
      before += popcount(bits[i]);
    }
    this.contextBits = bits;
    this.contextRank = rank;
  }

  /** The index of the trigram context of bigram entry `context`, or -1. */
  private contextOf(context: number): number {
    if (!this.contextsRanked) this.rankContexts();
    const bits = this.contextBits;
    if (bits) {
      const word = bits[context >>> 5];
      const bit = 1 << (context & 31);
      if ((word & bit) === 0) return -1;
      return this.contextRank![context >>> 5] + popcount(word & (bit - 1));
    }
    let lo = 0;
    let hi = this.ctxBigram.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const v = this.ctxBigram[mid];
      if (v < context) lo = mid + 1;
      else if (v > context) hi = mid - 1;
      else return mid;
    }
    return -1;
  }

  word(id: number): string {
    return this.given ? this.given.word(id) : (this.words![id] ?? '');
  }

  /** ln P(w) (ids; -1 is an unknown word). */
  unigram(w: number): number {
    return w < 0 ? UNKNOWN_LOG_PROB : this.q[0] + this.uniProb[w] * this.q[1];
  }

  /**
   * Bigram lookups, kept in a direct-mapped memo: the window scorer asks for the same context (a, b) with
   * many third words, and a lookup is a binary search through a range of a's bigrams (thousands of entries
   * for a frequent word) that is rarely in cache.
   */
  private readonly memoA = new Int32Array(1 << BIGRAM_MEMO_BITS).fill(-1);
  private readonly memoB = new Int32Array(1 << BIGRAM_MEMO_BITS);
  private readonly memoAt = new Int32Array(1 << BIGRAM_MEMO_BITS);

  /** Index of the bigram (a, b) in biEntry, or -1 (through the memo). */
  private bigramAt(a: number, b: number): number {
    const slot = Math.imul(a ^ Math.imul(b, 0x9e3779b1), 0x2c1b3c6d) >>> (32 - BIGRAM_MEMO_BITS);
    if (this.memoA[slot] === a && this.memoB[slot] === b) return this.memoAt[slot];
    const at = this.searchBigram(a, b);
    this.memoA[slot] = a;
    this.memoB[slot] = b;
    this.memoAt[slot] = at;
    return at;
  }

  /** Index of the bigram (a, b) in biEntry, or -1: a binary search among a's bigrams. */
  private searchBigram(a: number, b: number): number {
    let lo = this.biStart[a];
    let hi = this.biStart[a + 1] - 1;
    const entries = this.biEntry;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const w = entries[mid] >>> 8;
      if (w < b) lo = mid + 1;
      else if (w > b) hi = mid - 1;
      else return mid;
    }
    return -1;
  }

  /** ln P(b | a), backing off to the unigram. */
  bigram(a: number, b: number): number {
    if (b < 0) return UNKNOWN_LOG_PROB;
    if (a < 0) return this.unigram(b);
    const at = this.bigramAt(a, b);
    return at >= 0 ? this.probOf[this.biEntry[at] & 255] : this.bowOf[this.uniBow[a]] + this.unigram(b);
  }

  /** ln P(c | a b), backing off to the bigram. */
  trigram(a: number, b: number, c: number): number {
    if (c < 0) return UNKNOWN_LOG_PROB;
    if (a < 0 || b < 0) return this.bigram(b, c);
    const context = this.bigramAt(a, b);
    if (context < 0) return this.bigram(b, c);
    // The contexts that have trigrams, by bigram index.
    const ctx = this.contextOf(context);
    if (ctx < 0) return this.bigram(b, c);
    let lo = this.ctxStart[ctx];
    let hi = this.ctxStart[ctx + 1] - 1;
    const entries = this.triEntry;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const w = entries[mid] >>> 8;
      if (w < c) lo = mid + 1;
      else if (w > c) hi = mid - 1;
      else return this.probOf[entries[mid] & 255];
    }
    return this.bowOf[this.ctxBow[ctx]] + this.bigram(b, c);
  }

  /** ln P(last word | the words before it, up to two): logProb('机制') is the unigram, logProb('体制', '机制') the bigram. */
  logProb(...words: string[]): number {
    const ids = words.slice(-3).map((w) => this.id(w));
    if (ids.length === 1) return this.unigram(ids[0]);
    if (ids.length === 2) return this.bigram(ids[0], ids[1]);
    return this.trigram(ids[0], ids[1], ids[2]);
  }

  /** ln P of a sentence given as words, from the boundary to the boundary. */
  sentenceLogProb(words: readonly string[]): number {
    let a = -1;
    let b: number = LanguageModel.BOUNDARY;
    let total = 0;
    for (const w of [...words.map((x) => this.id(x)), LanguageModel.BOUNDARY]) {
      total += this.trigram(a, b, w);
      a = b;
      b = w;
    }
    return total;
  }
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24);
}

/** Three bit positions from one 32-bit hash (double hashing). */
function bloomAdd(bits: Uint32Array, shift: number, hash: number): void {
  const step = (Math.imul(hash, 0x9e3779b1) >>> shift) | 1;
  let bit = hash >>> shift;
  const mask = (bits.length << 5) - 1;
  for (let k = 0; k < 3; k++, bit = (bit + step) & mask) bits[bit >>> 5] |= 1 << (bit & 31);
}

function bloomHas(bits: Uint32Array, shift: number, hash: number): boolean {
  const step = (Math.imul(hash, 0x9e3779b1) >>> shift) | 1;
  let bit = hash >>> shift;
  const mask = (bits.length << 5) - 1;
  for (let k = 0; k < 3; k++, bit = (bit + step) & mask) if ((bits[bit >>> 5] & (1 << (bit & 31))) === 0) return false;
  return true;
}
