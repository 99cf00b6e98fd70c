import { PairSet } from '../pairSet';
import { LanguageModel, UNKNOWN_LOG_PROB } from './model';

/**
 * The best ln P of a short run of characters under the word trigram model, over all its segmentations
 * into the model's words (a Viterbi search keeping the few best histories at each position). A character
 * the model does not know stands as an unknown word. What is compared is the same window with and
 * without a change: the difference is the margin a candidate correction must win by.
 *
 * Speed (the context check scores a window for nearly every character of a text): the windows are ranges
 * of the line (no substrings), words are looked up in place (LanguageModel.idAt), the states live in typed
 * arrays, and the words that start at each position of the line are kept in a small ring, so that the
 * next position's window (which overlaps this one in all but a character) does not look them up again.
 */

/** Histories kept per position (by their last word). */
const BEAM = 6;
/** Longest word looked up, in characters (the model's longest words are names and set phrases). */
const MAX_WORD = 7;

/**
 * The lattice states of a window: up to BEAM per end position j (score, the last two words as ids; -1:
 * unknown or none), in insertion order, as the arrays of objects they replace kept them.
 */
class States {
  score = new Float64Array(0);
  prev = new Int32Array(0);
  last = new Int32Array(0);
  count = new Uint8Array(0);

  /** Empties positions 0…n. */
  reset(n: number): void {
    if (this.count.length < n + 1) {
      const size = Math.max(n + 1, this.count.length * 2, 16);
      this.score = new Float64Array(size * BEAM);
      this.prev = new Int32Array(size * BEAM);
      this.last = new Int32Array(size * BEAM);
      this.count = new Uint8Array(size);
    } else this.count.fill(0, 0, n + 1);
  }

  /** Keeps the BEAM best states at `j`, one per last word (unknown words share one). */
  insert(j: number, score: number, prev: number, last: number): void {
    const base = j * BEAM;
    const count = this.count[j];
    for (let s = base; s < base + count; s++) {
      if (this.last[s] === last) {
        if (score > this.score[s]) {
          this.score[s] = score;
          this.prev[s] = prev;
        }
        return;
      }
    }
    if (count < BEAM) {
      this.score[base + count] = score;
      this.prev[base + count] = prev;
      this.last[base + count] = last;
      this.count[j] = count + 1;
      return;
    }
    let worst = base;
    for (let s = base + 1; s < base + count; s++) if (this.score[s] < this.score[worst]) worst = s;
    if (score > this.score[worst]) {
      this.score[worst] = score;
      this.prev[worst] = prev;
      this.last[worst] = last;
    }
  }
}

/**
 * Trigram probabilities asked of the model, kept in a direct-mapped table of 2^MEMO_BITS entries: a
 * window's variants (and the next position's window) ask for the same (a, b, c) over and over, and a
 * lookup in the model is three binary searches through memory that is rarely in cache.
 */
const MEMO_BITS = 13;

/** Adjacent character pairs of the model's words, by model: a string with a pair outside it is no word. */
const pairsByModel = new WeakMap<LanguageModel, PairSet>();

function wordPairs(model: LanguageModel): PairSet {
  let pairs = pairsByModel.get(model);
  if (!pairs) {
    pairs = new PairSet(200_000);
    for (let id = 0; id < model.size; id++) {
      const w = model.word(id);
      for (let j = 0; j + 1 < w.length; j++) pairs.add(w.charCodeAt(j), w.charCodeAt(j + 1));
    }
    pairsByModel.set(model, pairs);
  }
  return pairs;
}

/** Edges of the segmentation lattice from one position: words of `len` characters (model id, -1 unknown) and ln P if unknown. */
class Edges {
  readonly len = new Uint8Array(MAX_WORD);
  readonly w = new Int32Array(MAX_WORD);
  readonly unknown = new Float64Array(MAX_WORD);
  count = 0;
}

export class WindowScorer {
  private readonly scratch = new States();
  private readonly states = new States();
  private readonly changed = new States();
  private readonly pairs: PairSet;
  private readonly longest: number;
  /** The prepared window (see prepareAt): text[start, start + n). */
  private text = '';
  private start = 0;
  private n = 0;
  private atEnd = false;
  /**
   * The edges from each position of the text, by position: ring[q & mask] holds those of q when
   * ringAt[q & mask] === q (for ringText), computed up to ringLimit (an exclusive end of the text).
   */
  private ring: Edges[] = [];
  private ringAt = new Int32Array(0);
  private ringLimit = new Int32Array(0);
  private ringText: string | undefined;
  private readonly scratchEdges = new Edges();
  private readonly memoA = new Int32Array(1 << MEMO_BITS);
  private readonly memoB = new Int32Array(1 << MEMO_BITS);
  /** -2 (no word id): an empty entry. */
  private readonly memoC = new Int32Array(1 << MEMO_BITS).fill(-2);
  private readonly memoP = new Float64Array(1 << MEMO_BITS);

  /**
   * `extraWord`: ln P of a string of two or more characters that the model lacks but another word list
   * knows (jieba's dictionary knows 依规, 督查, 动能, which open-gram's 2010 lexicon does not), or
   * undefined. Such a word is scored without context, as an unknown word that is at least a word. The
   * string is chars[start, end) with the units from `at` on overwritten by `replacement` (frequencyAt's
   * convention).
   */
  constructor(
    readonly model: LanguageModel,
    private readonly extraWord?: (chars: string, start: number, end: number, at: number, replacement: string) => number | undefined,
    /** Whether two characters stand next to each other in some word of the extra list (extraWord's words). */
    private readonly extraPair?: (first: number, second: number) => boolean,
  ) {
    this.pairs = wordPairs(model);
    this.longest = Math.min(MAX_WORD, model.maxWordLength);
    this.growRing(16);
  }

  /**
   * Best ln P of `chars`; `atStart` / `atEnd`: the run begins / ends a sentence (the boundary word is
   * scored before / after it).
   */
  score(chars: string, atStart: boolean, atEnd: boolean): number {
    const n = chars.length;
    const states = this.scratch;
    states.reset(n);
    states.insert(0, 0, -1, atStart ? LanguageModel.BOUNDARY : -1);
    const edges = this.scratchEdges;
    for (let p = 0; p < n; p++) {
      if (states.count[p] === 0) continue;
      this.edgesFrom(chars, p, n, 1, -1, '', edges);
      this.relaxAll(states, p, states, edges, n - p);
    }
    return this.final(states, n, atEnd);
  }

  /**
   * Scores `chars` like `score` and keeps its lattice, so that `scoreWith` can score the same window with
   * one character changed from the changed position on.
   */
  prepare(chars: string, atStart: boolean, atEnd: boolean): number {
    return this.prepareAt(chars, 0, chars.length, atStart, atEnd);
  }

  /**
   * `prepare(text.slice(start, end), …)` without the substring. `limit` (≥ end): where the run of text that
   * the windows of this text lie in ends, the same for every window in it (the edges kept for the next
   * windows are looked up that far).
   */
  prepareAt(text: string, start: number, end: number, atStart: boolean, atEnd: boolean, limit = end): number {
    const n = end - start;
    if (text !== this.ringText) {
      this.ringText = text;
      this.ringAt.fill(-1);
    }
    if (n > this.ring.length) this.growRing(n);
    this.text = text;
    this.start = start;
    this.n = n;
    this.atEnd = atEnd;
    const states = this.states;
    states.reset(n);
    states.insert(0, 0, -1, atStart ? LanguageModel.BOUNDARY : -1);
    for (let p = 0; p < n; p++) {
      const edges = this.edgesAt(start + p, end, limit);
      if (states.count[p] === 0) continue;
      this.relaxAll(states, p, states, edges, n - p);
    }
    return this.final(states, n, atEnd);
  }

  /**
   * Best ln P of the prepared window with its character at `k` replaced by `char` (one UTF-16 unit): the
   * same number `score` gives for that string. The states up to `k` are the prepared ones (no word ending
   * there holds the change); only the words that hold it are looked up anew.
   */
  scoreWith(k: number, char: string): number {
    const { text, start, n } = this;
    const base = this.states;
    const states = this.changed;
    states.reset(n);
    const edges = this.scratchEdges;
    for (let p = Math.max(0, k - this.longest + 1); p < n; p++) {
      const from = p <= k ? base : states;
      if (from.count[p] === 0) continue;
      if (p > k) this.relaxAll(from, p, states, this.ring[(start + p) & (this.ring.length - 1)], n - p);
      else {
        this.edgesFrom(text, start + p, start + n, k - p + 1, start + k, char, edges);
        this.relaxAll(from, p, states, edges, n - p);
      }
    }
    return this.final(states, n, this.atEnd);
  }

  /** Relaxes the edges from position `p` of `from` (of at most `maxLen` characters) into `to`. */
  private relaxAll(from: States, p: number, to: States, edges: Edges, maxLen: number): void {
    const base = p * BEAM;
    const count = from.count[p];
    for (let e = 0; e < edges.count; e++) {
      const len = edges.len[e];
      if (len > maxLen) break;
      const w = edges.w[e];
      const unknown = edges.unknown[e];
      for (let s = base; s < base + count; s++) {
        to.insert(p + len, from.score[s] + (w < 0 ? unknown : this.trigram(from.prev[s], from.last[s], w)), from.last[s], w);
      }
    }
  }

  private final(states: States, n: number, atEnd: boolean): number {
    let best = -Infinity;
    const base = n * BEAM;
    for (let s = base; s < base + states.count[n]; s++) {
      const score = states.score[s] + (atEnd ? this.trigram(states.prev[s], states.last[s], LanguageModel.BOUNDARY) : 0);
      if (score > best) best = score;
    }
    return best;
  }

  /** model.trigram(a, b, c), through the memo. */
  private trigram(a: number, b: number, c: number): number {
    const slot = Math.imul(a ^ Math.imul(b, 0x9e3779b1) ^ Math.imul(c, 0x85ebca6b), 0x2c1b3c6d) >>> (32 - MEMO_BITS);
    if (this.memoC[slot] === c && this.memoB[slot] === b && this.memoA[slot] === a) return this.memoP[slot];
    const p = this.model.trigram(a, b, c);
    this.memoA[slot] = a;
    this.memoB[slot] = b;
    this.memoC[slot] = c;
    this.memoP[slot] = p;
    return p;
  }

  /** The edges from position q of the ring's text, looked up up to `limit` (at least up to `end`). */
  private edgesAt(q: number, end: number, limit: number): Edges {
    const slot = q & (this.ring.length - 1);
    const edges = this.ring[slot];
    if (this.ringAt[slot] !== q || this.ringLimit[slot] < end) {
      const to = Math.max(limit, end);
      this.edgesFrom(this.text, q, to, 1, -1, '', edges);
      this.ringAt[slot] = q;
      this.ringLimit[slot] = to;
    }
    return edges;
  }

  private growRing(n: number): void {
    let size = 16;
    while (size < n) size *= 2;
    this.ring = Array.from({ length: size }, () => new Edges());
    this.ringAt = new Int32Array(size).fill(-1);
    this.ringLimit = new Int32Array(size);
  }

  /**
   * The words of text[p, limit) from `p` on of at least `minLen` characters, into `out` (by length); with
   * `k >= 0`, of the text whose unit at `k` is `char`.
   */
  private edgesFrom(text: string, p: number, limit: number, minLen: number, k: number, char: string, out: Edges): void {
    out.count = 0;
    const model = this.model;
    const longest = this.longest;
    const code = k >= 0 ? char.charCodeAt(0) : 0;
    let inModel = true;
    let inExtra = this.extraWord !== undefined;
    let second = p === k ? code : text.charCodeAt(p);
    for (let len = 1; len <= longest && p + len <= limit; len++) {
      if (len > 1) {
        // Longer strings from here hold this pair too: once no word of either list has it, stop.
        const first = second;
        second = p + len - 1 === k ? code : text.charCodeAt(p + len - 1);
        inModel &&= this.pairs.has(first, second);
        inExtra &&= !this.extraPair || this.extraPair(first, second);
        if (!inModel && !inExtra) break;
      }
      if (len < minLen) continue;
      const holds = k >= p && k < p + len;
      const w = inModel ? model.idAt(text, p, p + len, k, code) : -1;
      let unknown = UNKNOWN_LOG_PROB;
      if (w < 0 && len > 1) {
        const extra = this.extraWord?.(text, p, p + len, holds ? k : 0, holds ? char : '');
        if (extra === undefined) continue;
        unknown = extra;
      }
      const e = out.count++;
      out.len[e] = len;
      out.w[e] = w;
      out.unknown[e] = unknown;
    }
  }
}
