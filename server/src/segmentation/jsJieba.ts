// cppjieba's MixSegment (what nodejieba's cut(text, true) runs) in JavaScript, on the prebuilt tables of
// prebuilt.ts: the same words, without parsing the dictionary at every start (nodejieba: ~0.45 s and
// ~115 MB per process). Follows MixSegment.hpp, MPSegment.hpp, HMMSegment.hpp, Trie.hpp and PreFilter.hpp
// step by step, down to the order of the comparisons, so that ties are broken the same way; the tests
// compare it with nodejieba on every text they have.
import type { Jieba } from './jieba';
import type { SegmenterTables } from './prebuilt';

const MIN_DOUBLE = -3.14e100;
const MAX_WORD_LENGTH = 512;
const B = 0;
const E = 1;
const S = 3;

/** cppjieba's SPECIAL_SEPARATORS: space, tab, newline, '，', '。'. */
function isSeparator(rune: number): boolean {
  return rune === 0x20 || rune === 0x09 || rune === 0x0a || rune === 0xff0c || rune === 0x3002;
}

export class JsJieba implements Jieba {
  readonly nativeLengths = true;
  readonly engine = 'js' as const;
  private readonly t: SegmenterTables;
  private readonly nodes: number;
  private readonly minWeight: number;
  private readonly userWeight: number;
  private readonly userSingles: Set<number>;
  /** Row of each BMP code point in emitProbs, -1 for none (others: binary search). */
  private readonly emitRow = new Int32Array(0x10000).fill(-1);
  /** Words inserted at run time: extra children (key parent * 0x110000 + code point) and weights over the tables'. */
  private readonly extraChildren = new Map<number, number>();
  private readonly extraWeights = new Map<number, number>();
  private extraNodes = 0;
  // Scratch arrays, grown as needed.
  private runes = new Int32Array(256);
  private best = new Float64Array(256);
  private bestLength = new Int32Array(256);
  private wordStarts = new Int32Array(256);
  private wordEnds = new Int32Array(256);
  private out = new Uint32Array(256);
  private outLength = 0;

  constructor(tables: SegmenterTables) {
    this.t = tables;
    this.nodes = tables.runes.length;
    this.minWeight = tables.weightStats[0];
    this.userWeight = tables.weightStats[1];
    this.userSingles = new Set(tables.userSingles);
    tables.emitRunes.forEach((rune, i) => {
      if (rune < 0x10000) this.emitRow[rune] = i;
    });
  }

  /** nodejieba's insertWord(word): the word with the median weight (DictTrie::InsertUserWord). */
  insertWord(word: string): boolean {
    const runes = [...word.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')].map((c) => c.codePointAt(0)!);
    if (runes.length === 0) return true;
    let node = 0;
    for (const rune of runes) {
      let next = this.child(node, rune);
      if (next < 0) {
        next = this.nodes + this.extraNodes++;
        this.extraChildren.set(node * 0x110000 + rune, next);
      }
      node = next;
    }
    this.extraWeights.set(node, this.userWeight);
    return true;
  }

  cut(text: string): string[] {
    const lengths = this.wordLengths(text);
    const words: string[] = [];
    let at = 0;
    for (const length of lengths) {
      words.push(text.slice(at, at + length));
      at += length;
    }
    return words;
  }

  wordLengths(text: string): Uint32Array {
    // The code points (a lone surrogate is U+FFFD, as V8 hands it to C++) and where each starts.
    if (this.runes.length < text.length + 1) this.grow(text.length + 1);
    const runes = this.runes;
    let n = 0;
    for (let i = 0; i < text.length; i++) {
      let c = text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdfff) {
        const d = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
        if (c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) {
          c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
          i++;
        } else c = 0xfffd;
      }
      runes[n++] = c;
    }
    this.outLength = 0;
    // PreFilter: a separator is a range of its own; the text between separators is one range.
    let start = 0;
    while (start < n) {
      let end = start;
      if (isSeparator(runes[start])) end = start + 1;
      else while (end < n && !isSeparator(runes[end])) end++;
      this.cutRange(start, end);
      start = end;
    }
    return this.out.slice(0, this.outLength);
  }

  private grow(size: number): void {
    const length = Math.max(size, this.runes.length * 2);
    this.runes = new Int32Array(length);
    this.best = new Float64Array(length + 1);
    this.bestLength = new Int32Array(length);
    this.wordStarts = new Int32Array(length);
    this.wordEnds = new Int32Array(length);
    this.out = new Uint32Array(length);
  }

  /** The node reached from `node` by `rune`, or -1. */
  private child(node: number, rune: number): number {
    if (node < this.nodes) {
      let found = -1;
      if (node === 0 && rune < 0x10000) found = this.t.rootChildren[rune];
      else {
        const runes = this.t.runes;
        let lo = this.t.childStart[node];
        let hi = this.t.childStart[node + 1] - 1;
        while (lo <= hi) {
          const mid = (lo + hi) >> 1;
          const r = runes[mid];
          if (r < rune) lo = mid + 1;
          else if (r > rune) hi = mid - 1;
          else {
            found = mid;
            break;
          }
        }
      }
      if (found >= 0 || this.extraNodes === 0) return found;
    }
    return this.extraChildren.get(node * 0x110000 + rune) ?? -1;
  }

  /** The weight of the word ending at `node`, NaN for none. */
  private weight(node: number): number {
    if (this.extraNodes > 0) {
      const extra = this.extraWeights.get(node);
      if (extra !== undefined) return extra;
    }
    return node < this.nodes ? this.t.weights[node] : NaN;
  }

  /** MixSegment::Cut over runes[start, end): the DAG's best route, then the HMM over runs of single characters. */
  private cutRange(start: number, end: number): void {
    const runes = this.runes;
    const best = this.best;
    const bestLength = this.bestLength;
    // MPSegment: Trie::Find builds each position's successors, CalcDP scores them from the end.
    const size = end - start;
    for (let i = size - 1; i >= 0; i--) {
      let node = this.child(0, runes[start + i]);
      // The one-character entry first (a character that is no word scores the minimum weight).
      const single = node >= 0 ? this.weight(node) : NaN;
      let bestValue = MIN_DOUBLE;
      let length = 1;
      let value = (i + 1 < size ? best[i + 1] : 0) + (Number.isNaN(single) ? this.minWeight : single);
      if (value > bestValue) bestValue = value;
      for (let j = i + 1; j < size && j - i + 1 <= MAX_WORD_LENGTH && node >= 0; j++) {
        node = this.child(node, runes[start + j]);
        if (node < 0) break;
        const w = this.weight(node);
        if (Number.isNaN(w)) continue;
        value = (j + 1 < size ? best[j + 1] : 0) + w;
        if (value > bestValue) {
          bestValue = value;
          length = j - i + 1;
        }
      }
      best[i] = bestValue;
      bestLength[i] = length;
    }
    // CutByDag, then MixSegment: runs of single characters that are no single-character user word go to the HMM.
    let words = 0;
    for (let i = 0; i < size; i += bestLength[i]) {
      this.wordStarts[words] = start + i;
      this.wordEnds[words++] = start + i + bestLength[i];
    }
    for (let w = 0; w < words; w++) {
      const from = this.wordStarts[w];
      if (this.wordEnds[w] - from > 1 || this.userSingles.has(runes[from])) {
        this.emit(from, this.wordEnds[w]);
        continue;
      }
      let last = w;
      while (last + 1 < words && this.wordEnds[last + 1] - this.wordStarts[last + 1] === 1 && !this.userSingles.has(runes[this.wordStarts[last + 1]])) last++;
      this.hmmCut(from, this.wordEnds[last]);
      w = last;
    }
  }

  /** One word runes[from, to): its length in UTF-16 code units. */
  private emit(from: number, to: number): void {
    let units = 0;
    for (let i = from; i < to; i++) units += this.runes[i] >= 0x10000 ? 2 : 1;
    this.out[this.outLength++] = units;
  }

  /** HMMSegment::Cut: ASCII as letter runs, number runs or single characters; the rest by Viterbi. */
  private hmmCut(begin: number, end: number): void {
    const runes = this.runes;
    let left = begin;
    let right = begin;
    while (right !== end) {
      if (runes[right] < 0x80) {
        if (left !== right) this.viterbiCut(left, right);
        left = right;
        right = sequentialLetters(runes, left, end);
        if (right === left) right = numbers(runes, left, end);
        if (right === left) right++;
        this.emit(left, right);
        left = right;
      } else right++;
    }
    if (left !== right) this.viterbiCut(left, right);
  }

  private emitProb(state: number, rune: number): number {
    let row = rune < 0x10000 ? this.emitRow[rune] : -1;
    if (row < 0 && rune >= 0x10000) {
      const list = this.t.emitRunes;
      let lo = 0;
      let hi = list.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (list[mid] < rune) lo = mid + 1;
        else if (list[mid] > rune) hi = mid - 1;
        else {
          row = mid;
          break;
        }
      }
    }
    return row < 0 ? MIN_DOUBLE : this.t.emitProbs[row * 4 + state];
  }

  private viterbiCut(begin: number, end: number): void {
    const X = end - begin;
    const weight = new Float64Array(X * 4);
    const path = new Int32Array(X * 4);
    const { hmmStart, hmmTrans } = this.t;
    for (let y = 0; y < 4; y++) {
      weight[y * X] = hmmStart[y] + this.emitProb(y, this.runes[begin]);
      path[y * X] = -1;
    }
    for (let x = 1; x < X; x++) {
      const rune = this.runes[begin + x];
      for (let y = 0; y < 4; y++) {
        const now = x + y * X;
        weight[now] = MIN_DOUBLE;
        path[now] = E;
        const emitProb = this.emitProb(y, rune);
        for (let preY = 0; preY < 4; preY++) {
          const tmp = weight[x - 1 + preY * X] + hmmTrans[preY * 4 + y] + emitProb;
          if (tmp > weight[now]) {
            weight[now] = tmp;
            path[now] = preY;
          }
        }
      }
    }
    let stat = weight[X - 1 + E * X] >= weight[X - 1 + S * X] ? E : S;
    const status = new Int32Array(X);
    for (let x = X - 1; x >= 0; x--) {
      status[x] = stat;
      stat = path[x + stat * X];
    }
    let left = begin;
    for (let i = 0; i < X; i++) {
      // E or S ends a word.
      if (status[i] % 2) {
        this.emit(left, begin + i + 1);
        left = begin + i + 1;
      }
    }
    void B;
  }
}

function isLetter(x: number): boolean {
  return (x >= 0x61 && x <= 0x7a) || (x >= 0x41 && x <= 0x5a);
}

function isDigit(x: number): boolean {
  return x >= 0x30 && x <= 0x39;
}

function sequentialLetters(runes: Int32Array, begin: number, end: number): number {
  if (!isLetter(runes[begin])) return begin;
  begin++;
  while (begin !== end && (isLetter(runes[begin]) || isDigit(runes[begin]))) begin++;
  return begin;
}

function numbers(runes: Int32Array, begin: number, end: number): number {
  if (!isDigit(runes[begin])) return begin;
  begin++;
  while (begin !== end && (isDigit(runes[begin]) || runes[begin] === 0x2e)) begin++;
  return begin;
}
