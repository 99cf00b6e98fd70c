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

/** The model's words by id and the reverse, made ahead (wrongchar/prebuilt.ts's ModelWordList): spares decoding and mapping the word list. */
export interface ModelWords {
  readonly size: number;
  readonly maxWordLength: number;
  id(word: string): number;
  word(id: number): string;
}

export class LanguageModel {
  /** Number of words; id 0 is the sentence boundary (the empty word). */
  readonly size: number;
  /** The longest word, in UTF-16 units. */
  readonly maxWordLength: number;
  private readonly words: string[] | undefined;
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

  /** The id of `word`, or -1. Built on first use: a map of every word. */
  id(word: string): number {
    if (this.given) return this.given.id(word);
    if (!this.ids) {
      this.ids = new Map();
      this.words!.forEach((w, i) => this.ids!.set(w, i));
    }
    return this.ids.get(word) ?? -1;
  }

  word(id: number): string {
    return this.given ? this.given.word(id) : (this.words![id] ?? '');
  }

  /** ln P(w) (ids; -1 is an unknown word). */
  unigram(w: number): number {
    return w < 0 ? UNKNOWN_LOG_PROB : this.q[0] + this.uniProb[w] * this.q[1];
  }

  /** Index of the bigram (a, b) in biEntry, or -1. */
  private bigramAt(a: number, b: number): number {
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
    let lo = 0;
    let hi = this.ctxBigram.length - 1;
    let ctx = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const v = this.ctxBigram[mid];
      if (v < context) lo = mid + 1;
      else if (v > context) hi = mid - 1;
      else {
        ctx = mid;
        break;
      }
    }
    if (ctx < 0) return this.bigram(b, c);
    lo = this.ctxStart[ctx];
    hi = this.ctxStart[ctx + 1] - 1;
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
