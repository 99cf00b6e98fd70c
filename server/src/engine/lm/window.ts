import { LanguageModel, UNKNOWN_LOG_PROB } from './model';

/**
 * The best ln P of a short run of characters under the word trigram model, over all its segmentations
 * into the model's words (a Viterbi search keeping the few best histories at each position). A character
 * the model does not know stands as an unknown word. What is compared is the same window with and
 * without a change: the difference is the margin a candidate correction must win by.
 */

/** Histories kept per position (by their last word). */
const BEAM = 6;
/** Longest word looked up, in characters (the model's longest words are names and set phrases). */
const MAX_WORD = 7;

interface State {
  score: number;
  /** The last two words (ids; -1: unknown or none). */
  prev: number;
  last: number;
}

/** Adjacent character pairs of the model's words, by model: a string with a pair outside it is no word. */
const pairsByModel = new WeakMap<LanguageModel, Set<number>>();

function wordPairs(model: LanguageModel): Set<number> {
  let pairs = pairsByModel.get(model);
  if (!pairs) {
    pairs = new Set();
    for (let id = 0; id < model.size; id++) {
      const w = model.word(id);
      for (let j = 0; j + 1 < w.length; j++) pairs.add(w.charCodeAt(j) * 65536 + w.charCodeAt(j + 1));
    }
    pairsByModel.set(model, pairs);
  }
  return pairs;
}

/** An edge of the segmentation lattice: a word of `len` characters (model id, -1 unknown) and its ln P if unknown. */
interface Edge {
  len: number;
  w: number;
  unknown: number;
}

export class WindowScorer {
  /** States by end position: scratch for `score`; the prepared window's; scratch for `scoreWith`. */
  private readonly scratch: State[][] = [];
  private readonly states: State[][] = [];
  private readonly changed: State[][] = [];
  private readonly pairs: Set<number>;
  /** The prepared window (see prepare): its text, ends, and the edges that start at each position. */
  private chars = '';
  private atStart = false;
  private atEnd = false;
  private edges: Edge[][] = [];
  private readonly scratchEdges: Edge[] = [];

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
  }

  /**
   * Best ln P of `chars`; `atStart` / `atEnd`: the run begins / ends a sentence (the boundary word is
   * scored before / after it).
   */
  score(chars: string, atStart: boolean, atEnd: boolean): number {
    const n = chars.length;
    const states = this.scratch;
    reset(states, n);
    states[0].push({ score: 0, prev: -1, last: atStart ? LanguageModel.BOUNDARY : -1 });
    for (let p = 0; p < n; p++) {
      const from = states[p];
      if (from.length === 0) continue;
      this.edgesFrom(chars, p, 1, -1, 0, this.scratchEdges);
      for (const e of this.scratchEdges) relax(this.model, from, states[p + e.len], e);
    }
    return this.final(states[n], atEnd);
  }

  /**
   * Scores `chars` like `score` and keeps its lattice, so that `scoreWith` can score the same window with
   * one character changed from the changed position on.
   */
  prepare(chars: string, atStart: boolean, atEnd: boolean): number {
    this.chars = chars;
    this.atStart = atStart;
    this.atEnd = atEnd;
    const n = chars.length;
    while (this.edges.length < n) this.edges.push([]);
    for (let p = 0; p < n; p++) this.edgesFrom(chars, p, 1, -1, 0, this.edges[p]);
    const states = this.states;
    reset(states, n);
    states[0].push({ score: 0, prev: -1, last: atStart ? LanguageModel.BOUNDARY : -1 });
    for (let p = 0; p < n; p++) {
      const from = states[p];
      if (from.length === 0) continue;
      for (const e of this.edges[p]) relax(this.model, from, states[p + e.len], e);
    }
    return this.final(states[n], atEnd);
  }

  /**
   * Best ln P of the prepared window with its character at `k` replaced by `char` (one UTF-16 unit): the
   * same number `score` gives for that string. The states up to `k` are the prepared ones (no word ending
   * there holds the change); only the words that hold it are looked up anew.
   */
  scoreWith(k: number, char: string): number {
    const chars = this.chars;
    const n = chars.length;
    const base = this.states;
    const states = this.changed;
    reset(states, n);
    const longest = Math.min(MAX_WORD, this.model.maxWordLength);
    const code = char.charCodeAt(0);
    for (let p = Math.max(0, k - longest + 1); p < n; p++) {
      const from = p <= k ? base[p] : states[p];
      if (from.length === 0) continue;
      let edges: Edge[];
      if (p > k) edges = this.edges[p];
      else {
        edges = this.scratchEdges;
        this.edgesFrom(chars, p, k - p + 1, k, code, edges, char);
      }
      for (const e of edges) relax(this.model, from, states[p + e.len], e);
    }
    return this.final(states[n], this.atEnd);
  }

  private final(last: State[], atEnd: boolean): number {
    let best = -Infinity;
    for (const s of last) {
      const score = s.score + (atEnd ? this.model.trigram(s.prev, s.last, LanguageModel.BOUNDARY) : 0);
      if (score > best) best = score;
    }
    return best;
  }

  /**
   * The words from `p` on of at least `minLen` characters, into `out` (by length); with `k >= 0`, of the
   * text whose unit at `k` is `code` (`char`).
   */
  private edgesFrom(chars: string, p: number, minLen: number, k: number, code: number, out: Edge[], char = ''): void {
    out.length = 0;
    const model = this.model;
    const n = chars.length;
    const longest = Math.min(MAX_WORD, model.maxWordLength);
    let inModel = true;
    let inExtra = this.extraWord !== undefined;
    let second = p === k ? code : chars.charCodeAt(p);
    for (let len = 1; len <= longest && p + len <= n; len++) {
      if (len > 1) {
        // Longer strings from here hold this pair too: once no word of either list has it, stop.
        const first = second;
        second = p + len - 1 === k ? code : chars.charCodeAt(p + len - 1);
        inModel &&= this.pairs.has(first * 65536 + second);
        inExtra &&= !this.extraPair || this.extraPair(first, second);
        if (!inModel && !inExtra) break;
      }
      if (len < minLen) continue;
      const holds = k >= p && k < p + len;
      const w = inModel ? model.id(holds ? chars.slice(p, k) + char + chars.slice(k + 1, p + len) : chars.slice(p, p + len)) : -1;
      let unknown = UNKNOWN_LOG_PROB;
      if (w < 0 && len > 1) {
        const extra = this.extraWord?.(chars, p, p + len, holds ? k : 0, holds ? char : '');
        if (extra === undefined) continue;
        unknown = extra;
      }
      out.push({ len, w, unknown });
    }
  }
}

function reset(states: State[][], n: number): void {
  for (let j = 0; j <= n; j++) {
    if (j < states.length) states[j].length = 0;
    else states.push([]);
  }
}

function relax(model: LanguageModel, from: readonly State[], to: State[], e: Edge): void {
  for (const s of from) insert(to, s.score + (e.w < 0 ? e.unknown : model.trigram(s.prev, s.last, e.w)), s.last, e.w);
}

/** Keeps the BEAM best states, one per last word (unknown words share one). */
function insert(to: State[], score: number, prev: number, last: number): void {
  for (const s of to) {
    if (s.last === last) {
      if (score > s.score) {
        s.score = score;
        s.prev = prev;
      }
      return;
    }
  }
  if (to.length < BEAM) {
    to.push({ score, prev, last });
    return;
  }
  let worst = 0;
  for (let k = 1; k < to.length; k++) if (to[k].score < to[worst].score) worst = k;
  if (score > to[worst].score) to[worst] = { score, prev, last };
}
