import { isHanCode } from '../chars';
import { frequencyAt, type Lexicon } from '../lexicon';
import { cachedCandidates, type Candidate, costOf } from './candidates';
import { NO_IDS, syllablePair, type LexiconTables } from './indexes';
import { PARAMS } from './params';
import { type ScoringWindow, scoringWindow, windowEnd, windowStart } from './scoring';

/**
 * The candidate search: for a suspect position, the replacements (a character that sounds or looks alike,
 * or any character that completes a long frequent word) that turn the window around it into clearly
 * better words; for two neighbouring suspect characters, the two-character words that sound like them.
 */

const NO_WORDS: string[] = [];

export interface Suggestion {
  kind: Candidate['kind'];
  char: string;
  gain: number;
  /** The dictionary word the replacement forms (for the message). */
  word: string;
  /** Where that word starts in the text: the original characters there are what looks wrong. */
  wordStart: number;
}

/** The places a new word may take in suggestReplacements (start and length within the window, in pairs; scratch reused by every call). */
const spanScratch: number[] = [];

/**
 * Per sound/shape candidate of the position being looked at (scratch, reused by every call): 1 if it can
 * stand after the character before the position in some usable word (the pair filter), 2 if it can stand
 * before the character after it.
 */
let pairFlags = new Uint8Array(64);

/** Ranked replacements for the character at `i` of `text` (BMP Chinese), best first. */
export function suggestReplacements(text: string, i: number, lexicon: Lexicon, tables: LexiconTables, token?: { start: number; end: number }): Suggestion[] {
  return replacementsAt(text, i, lexicon, token, tables) ?? [];
}

/** Suggestions, best first (the larger gain first). */
function byGain(x: { gain: number }, y: { gain: number }): number {
  return y.gain - x.gain;
}

/**
 * suggestReplacements, with undefined for none: the check asks at ~20 % of all characters, and most
 * positions get none (no array is made for them).
 */
export function replacementsAt(text: string, i: number, lexicon: Lexicon, token: { start: number; end: number } | undefined, tables: LexiconTables): Suggestion[] | undefined {
  const { bigrams, wild } = tables;
  const { candidates, codes } = cachedCandidates(text.charCodeAt(i), lexicon, tables);
  // The characters before and after the position within the window (-1: none).
  const before = PARAMS.context > 0 && i > 0 && isHanCode(text.charCodeAt(i - 1)) ? text.charCodeAt(i - 1) : -1;
  const after = PARAMS.context > 0 && i + 1 < text.length && isHanCode(text.charCodeAt(i + 1)) ? text.charCodeAt(i + 1) : -1;
  if (pairFlags.length < codes.length) pairFlags = new Uint8Array(codes.length * 2);
  const flags = pairFlags;
  // Candidates before `probed` have their pairFlags.
  let probed = 0;
  // A quick test: nothing is found here when no candidate can stand next to either neighbour in a word and
  // no character can complete a word (which needs both neighbours around an inner open position): ~2
  // positions in 3 end here, before the window's spans and lookups. It probes the candidates up to the
  // first that passes; the loop below reads their flags instead of probing them again.
  if (bigrams && PARAMS.context !== 0) {
    if (!(wild && before >= 0 && after >= 0 && wild.around.has(before, after))) {
      let any = false;
      while (!any && probed < codes.length) {
        const c = codes[probed];
        const f = (before >= 0 && bigrams.has(before, c) ? 1 : 0) | (after >= 0 && bigrams.has(c, after) ? 2 : 0);
        flags[probed++] = f;
        any = f !== 0;
      }
      if (!any) return undefined;
    }
  }
  // The window: text[a, a + n), the position at k within it.
  const a = windowStart(text, i);
  const k = i - a;
  const n = windowEnd(text, i + 1) - a;
  // The places a new word may take (start and length within the window, in the order they are tried): it
  // must cover the whole token the character is in (施策 in 因城施策 is not repaired by 城市, which would
  // leave 策 alone), the original characters there must not form a trusted word, and the characters it
  // keeps must be able to stand next to each other in some usable word (the pair index).
  const spans = spanScratch;
  let spanCount = 0;
  let longSpans = false;
  for (let len = 2; len <= PARAMS.maxWord; len++) {
    for (let s = Math.max(0, k - len + 1); s <= k && s + len <= n; s++) {
      if (token && (a + s > token.start || a + s + len < token.end)) continue;
      let keptPairsUsable = true;
      for (let j = s; j + 1 < s + len && keptPairsUsable; j++) {
        if (j !== k && j + 1 !== k) keptPairsUsable = !bigrams || bigrams.has(text.charCodeAt(a + j), text.charCodeAt(a + j + 1));
      }
      if (!keptPairsUsable || frequencyAt(lexicon, text, a + s, a + s + len) >= PARAMS.trustedWord) continue;
      if (spanCount < spans.length) spans[spanCount] = s;
      else spans.push(s);
      if (spanCount + 1 < spans.length) spans[spanCount + 1] = len;
      else spans.push(len);
      spanCount += 2;
      if (len >= 3) longSpans = true;
    }
  }
  // No place for a new word: no candidate can pass the filter below.
  if (spanCount === 0) return undefined;
  const original = text[i];
  let extra: Candidate[] | undefined;
  // Any character may complete a long frequent word; such a candidate needs a span of three or more.
  if (wild && longSpans) {
    let known: Set<string> | undefined;
    const surrounded = k > 0 && k + 1 < n && wild.around.has(text.charCodeAt(i - 1), text.charCodeAt(i + 1));
    for (let len = 3; len <= PARAMS.maxWord; len++) {
      for (let s = Math.max(0, k - len + 1); s <= k && s + len <= n; s++) {
        // The pattern's open position is inside it (the index has inner open positions only).
        if (!(s < k && k < s + len - 1) || !surrounded) continue;
        const completions = wild.completions.get(text.slice(a + s, i) + '?' + text.slice(i + 1, a + s + len));
        if (!completions) continue;
        known ??= new Set(candidates.map((c) => c.char));
        extra ??= [];
        for (const c of completions) {
          if (known.has(c) || c === original) continue;
          known.add(c);
          extra.push({ char: c, kind: 'any' });
        }
      }
    }
  }
  let scoring: ScoringWindow | undefined;
  let out: Suggestion[] | undefined;
  const total = candidates.length + (extra?.length ?? 0);
  for (let m = 0; m < total; m++) {
    const fromList = m < candidates.length;
    const c = fromList ? codes[m] : extra![m - candidates.length].char.charCodeAt(0);
    // Whether the replacement can stand next to the character before it (after it) in some word.
    const f =
      fromList && m < probed
        ? flags[m]
        : (before >= 0 && (!bigrams || bigrams.has(before, c)) ? 1 : 0) | (after >= 0 && (!bigrams || bigrams.has(c, after)) ? 2 : 0);
    const pairsBefore = (f & 1) !== 0;
    const pairsAfter = (f & 2) !== 0;
    // A replacement that sounds or looks alike can only form a word with a neighbour it can stand next to in some word.
    if (bigrams && fromList && !pairsBefore && !pairsAfter) continue;
    const candidate = fromList ? candidates[m] : extra![m - candidates.length];
    const char = candidate.char;
    // Quick filter: the candidate must form a frequent word in one of the spans (the most frequent one wins).
    let wordFreq = 0;
    let wordAt = 0;
    let wordLength = 0;
    for (let p = 0; p < spanCount; p += 2) {
      const s = spans[p];
      const len = spans[p + 1];
      if (candidate.kind === 'any' && len < 3) continue;
      // (A span that starts before k has a character before k, and one that ends after it a character after it.)
      if ((s < k && !pairsBefore) || (k + 1 < s + len && !pairsAfter)) continue;
      const f =
        char.length === 1
          ? frequencyAt(lexicon, text, a + s, a + s + len, i, char)
          : lexicon.frequency(text.slice(a + s, i) + char + text.slice(i + 1, a + s + len));
      if (f >= PARAMS.minNewWord && f > wordFreq) {
        wordFreq = f;
        wordAt = s;
        wordLength = len;
      }
    }
    if (wordFreq === 0) continue;
    scoring ??= scoringWindow.reset(text, a, n, lexicon, Math.log(lexicon.total));
    const gain = scoring.scoreReplaced(k, char) - scoring.bestScore() - costOf(candidate.kind);
    if (gain >= PARAMS.threshold) {
      const word = text.slice(a + wordAt, i) + char + text.slice(i + 1, a + wordAt + wordLength);
      (out ??= []).push({ char, gain, word, wordStart: a + wordAt, kind: candidate.kind });
    }
  }
  return out?.sort(byGain);
}

export interface PairSuggestion {
  word: string;
  gain: number;
}

/**
 * Two-character words that sound like the characters at `i` and `i + 1` (both different from them),
 * ranked by gain: 淡味 → 单位, 墙画 → 强化.
 */
export function suggestPairs(text: string, i: number, lexicon: Lexicon, tables: LexiconTables): PairSuggestion[] {
  return pairsAt(text, i, lexicon, tables) ?? [];
}

/** suggestPairs, with undefined for none. */
export function pairsAt(text: string, i: number, lexicon: Lexicon, tables: LexiconTables): PairSuggestion[] | undefined {
  const index = tables.pairs;
  if (!index || !isHanCode(text.charCodeAt(i)) || !isHanCode(text.charCodeAt(i + 1))) return undefined;
  if (frequencyAt(lexicon, text, i, i + 2) >= PARAMS.trustedWord) return undefined;
  const { syllableIdsOf } = tables.data.pinyin;
  const a = windowStart(text, i);
  const k = i - a;
  const n = windowEnd(text, i + 2) - a;
  let scoring: ScoringWindow | undefined;
  let out: PairSuggestion[] | undefined;
  let seen: Set<string> | undefined;
  const first = text.charCodeAt(i);
  const second = text.charCodeAt(i + 1);
  for (const x of syllableIdsOf.get(first) ?? NO_IDS) {
    for (const y of syllableIdsOf.get(second) ?? NO_IDS) {
      for (const word of index.get(syllablePair(x, y)) ?? NO_WORDS) {
        seen ??= new Set();
        if (seen.has(word) || word.charCodeAt(0) === first || word.charCodeAt(1) === second) continue;
        seen.add(word);
        scoring ??= scoringWindow.reset(text, a, n, lexicon, Math.log(lexicon.total));
        const gain = scoring.scoreReplaced(k, word) - scoring.bestScore() - PARAMS.pairCost;
        if (gain >= PARAMS.threshold) (out ??= []).push({ word, gain });
      }
    }
  }
  return out?.sort(byGain);
}
