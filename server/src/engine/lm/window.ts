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

export class WindowScorer {
  /** States by end position (scratch, reused). */
  private readonly states: State[][] = [];
  private readonly pairs: Set<number>;

  /**
   * `extraWord`: ln P of a string of two or more characters that the model lacks but another word list
   * knows (jieba's dictionary knows 依规, 督查, 动能, which open-gram's 2010 lexicon does not), or
   * undefined. Such a word is scored without context, as an unknown word that is at least a word.
   */
  constructor(
    readonly model: LanguageModel,
    private readonly extraWord?: (chars: string, start: number, end: number) => number | undefined,
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
    const model = this.model;
    const n = chars.length;
    const states = this.states;
    for (let j = 0; j <= n; j++) {
      if (j < states.length) states[j].length = 0;
      else states.push([]);
    }
    states[0].push({ score: 0, prev: -1, last: atStart ? LanguageModel.BOUNDARY : -1 });
    const longest = Math.min(MAX_WORD, model.maxWordLength);
    for (let p = 0; p < n; p++) {
      const from = states[p];
      if (from.length === 0) continue;
      let inModel = true;
      let inExtra = this.extraWord !== undefined;
      for (let len = 1; len <= longest && p + len <= n; len++) {
        if (len > 1) {
          // Longer strings from here hold this pair too: once no word of either list has it, stop.
          const first = chars.charCodeAt(p + len - 2);
          const second = chars.charCodeAt(p + len - 1);
          inModel &&= this.pairs.has(first * 65536 + second);
          inExtra &&= !this.extraPair || this.extraPair(first, second);
          if (!inModel && !inExtra) break;
        }
        const w = inModel ? model.id(chars.slice(p, p + len)) : -1;
        let unknown = UNKNOWN_LOG_PROB;
        if (w < 0 && len > 1) {
          const extra = this.extraWord?.(chars, p, p + len);
          if (extra === undefined) continue;
          unknown = extra;
        }
        const to = states[p + len];
        for (const s of from) {
          const score = s.score + (w < 0 ? unknown : model.trigram(s.prev, s.last, w));
          insert(to, score, s.last, w);
        }
      }
    }
    let best = -Infinity;
    for (const s of states[n]) {
      const score = s.score + (atEnd ? model.trigram(s.prev, s.last, LanguageModel.BOUNDARY) : 0);
      if (score > best) best = score;
    }
    return best;
  }
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
