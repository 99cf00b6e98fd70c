import { isHanCode } from '../chars';
import { frequencyAt, type Lexicon } from '../lexicon';
import { PARAMS } from './params';

/** Log-probability of a word of `length` UTF-16 units with frequency `f` in the unigram model (an unknown single character gets a floor; a longer unknown string is no word). */
function wordScore(f: number, length: number, logTotal: number): number {
  return f > 0 ? Math.log(f) - logTotal : length === 1 ? Math.log(0.5) - logTotal : -Infinity;
}

/**
 * The characters around a suspect position (text[a, a + n), all Chinese, BMP) and what scoring needs of
 * them, computed on first use and then shared by every candidate replacement: the score of each substring
 * and the best segmentation of each prefix. A replacement at `k` changes only the substrings that cover
 * `k` and the prefixes that end after it. One window is scored at a time: `reset` reuses the same object
 * and arrays for the next position (a window is scored a few hundred times per 10 K characters, and its
 * arrays cost more to allocate than to use).
 */
export class ScoringWindow {
  private text = '';
  /** Where the window starts in `text`, and its length. */
  private a = 0;
  private n = 0;
  private lexicon!: Lexicon;
  private logTotal = 0;
  private readonly scores: number[] = [];
  private readonly prefixes: number[] = [];
  private prefixesKnown = false;
  /** The prefix scores of a replaced window (scratch). */
  private readonly replacedPrefixes: number[] = [];

  reset(text: string, a: number, n: number, lexicon: Lexicon, logTotal: number): this {
    this.text = text;
    this.a = a;
    this.n = n;
    this.lexicon = lexicon;
    this.logTotal = logTotal;
    const scores = this.scores;
    const size = n * PARAMS.maxWord;
    for (let j = 0; j < size; j++) {
      if (j < scores.length) scores[j] = NaN;
      else scores.push(NaN);
    }
    this.prefixesKnown = false;
    return this;
  }

  private score(start: number, length: number): number {
    const at = start * PARAMS.maxWord + length - 1;
    let s = this.scores[at];
    if (Number.isNaN(s)) {
      const from = this.a + start;
      this.scores[at] = s = wordScore(frequencyAt(this.lexicon, this.text, from, from + length), length, this.logTotal);
    }
    return s;
  }

  /** Best score of the whole window as it is. */
  bestScore(): number {
    return this.bestPrefixes()[this.n];
  }

  /** Best score of the prefixes of the window as it is; the last entry is the whole window's. */
  private bestPrefixes(): number[] {
    const best = this.prefixes;
    if (!this.prefixesKnown) {
      for (let j = 0; j <= this.n; j++) {
        if (j < best.length) best[j] = 0;
        else best.push(0);
      }
      this.bestSegmentation(best, 0, '', 0, 0);
      this.prefixesKnown = true;
    }
    return best;
  }

  /** Best score of the window with `replacement` written over the characters from `k` on. */
  scoreReplaced(k: number, replacement: string): number {
    const prefixes = this.bestPrefixes();
    const best = this.replacedPrefixes;
    // Entries after `k` are computed before they are read.
    for (let j = 0; j <= this.n; j++) {
      const value = j <= k ? prefixes[j] : 0;
      if (j < best.length) best[j] = value;
      else best.push(value);
    }
    return this.bestSegmentation(best, k, replacement, k, k + replacement.length);
  }

  /**
   * Best log-probability of segmenting the window into dictionary words (a unigram model): `best[e]` is
   * the best score of the first `e` characters. Entries up to `from` are taken as they are (a replacement
   * after them leaves them unchanged), the rest are computed. Substrings that overlap [changedStart,
   * changedEnd) are scored with `replacement` written over the window from changedStart on (nothing is
   * changed when the range is empty).
   */
  private bestSegmentation(best: number[], from: number, replacement: string, changedStart: number, changedEnd: number): number {
    const n = this.n;
    const a = this.a;
    for (let end = from + 1; end <= n; end++) {
      best[end] = -Infinity;
      for (let len = 1; len <= PARAMS.maxWord && len <= end; len++) {
        const start = end - len;
        if (best[start] === -Infinity) continue;
        const s =
          start >= changedEnd || end <= changedStart
            ? this.score(start, len)
            : wordScore(frequencyAt(this.lexicon, this.text, a + start, a + end, a + changedStart, replacement), len, this.logTotal);
        if (s === -Infinity) continue;
        const total = best[start] + s;
        if (total > best[end]) best[end] = total;
      }
    }
    return best[n];
  }
}

/** The one window being scored (see ScoringWindow). */
export const scoringWindow = new ScoringWindow();

/** Where the characters around [start, end) start: up to `context` Chinese characters before it, within the run of Chinese text. */
export function windowStart(text: string, start: number): number {
  let a = start;
  while (a > 0 && start - a < PARAMS.context && isHanCode(text.charCodeAt(a - 1))) a--;
  return a;
}

/** Where the characters around [start, end) end: up to `context` Chinese characters after it, within the run of Chinese text. */
export function windowEnd(text: string, end: number): number {
  let b = end;
  while (b < text.length && b - end < PARAMS.context && isHanCode(text.charCodeAt(b))) b++;
  return b;
}
