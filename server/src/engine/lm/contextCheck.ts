import { frequencyAt, type Lexicon } from '../lexicon';
import type { LanguageModel } from './model';
import { WindowScorer } from './window';
import { unitFrequency, type WordFilter, wordFilter } from '../wordFilter';

/**
 * Wrong characters judged by context: every Chinese character of a line, inside frequent words too
 * (机智 in 体制机智, 防空 in 疫情防空), is replaced in turn by the characters that sound or look alike, and
 * a replacement is kept when the word trigram model gives the window around it a clearly higher
 * probability than the text as written (the margin, minus the cost of assuming that kind of typo).
 * Single-character words that writers confuse (的/地/得, 在/再, 做/作) are candidates of each other.
 */

export const CONTEXT_PARAMS = {
  /** Characters before and after the position in the scored window (within the run of Chinese text). */
  context: 4,
  /** The replacement must form a word of 2–4 characters with at least this jieba frequency (a cheap filter). */
  minNewWord: 50,
  /** A character less frequent than this (as a jieba word) is not judged: it is part of a name, seldom a typo. */
  minOriginal: 50,
  /** Margin (ln) the changed window must win by, after the cost. */
  threshold: 7,
  /**
   * A lower margin suffices when word frequencies agree: the word the replacement forms is at least
   * `agreedRatio` times as frequent in jieba's dictionary as the written string it replaces (+1), e.g.
   * 一班 → 一般, 产粮 → 产量. Two independent signals (a context model, a context-free dictionary) that
   * both prefer the change are stronger than either alone.
   */
  agreedThreshold: 4.5,
  agreedRatio: 300,
  /**
   * …but not if the change breaks a written word at least this frequent that the new word does not take in
   * whole (改 of 改为 in 应改为 → 应该): the dictionary then speaks for the text as written.
   */
  agreedKeepsWord: 300,
  /** A word jieba's dictionary has at least this often counts as a word where the model lacks it. */
  minExtraWord: 20,
  /** Its ln P: jieba's relative frequency, less this much (it is scored without context). */
  extraPenalty: 2,
  /**
   * Extra margin for a character inside a word jieba's dictionary knows well (a real-word error): the
   * model's 2010 corpus lacks many pairs of today's reports (贷款余额), and its silence is weak evidence.
   */
  inWordCost: 0,
  /**
   * Cost of assuming each kind of typo (ln): near syllables (zh/z, -ing/-in, lu/lü) and initials with or
   * without aspiration (d/t, j/q: learners' confusions) are many, other readings of
   * polyphones and characters that contain one another or share a component fewer (wrongchar/candidates.ts).
   */
  costs: { sound: 0, near: 3, aspirated: 3, shape: 1, poly: 1, part: 1.5, share: 1.5, any: 3, confusable: 0 } as Record<string, number>,
  /**
   * A same-sound replacement that forms no word with a neighbour may still be a frequent word of its own
   * (恨 → 很 in 我恨高兴, 庆 → 请, 卧 → 我): from this jieba frequency on it is a candidate, unless the written
   * character forms a word of the dictionary with a neighbour (电灼, 氨苄: terms the model lacks). Only same-
   * sound ones: other kinds are many more (the cost doubled) for little more.
   */
  minSingleWord: 5000,
  /** Cost of two neighbouring characters both typed wrong (a two-character word with their syllables). */
  pairCost: 4.5,
};

export interface ContextCandidate {
  char: string;
  kind: string;
  /** Its jieba frequency as a word of its own, if known (else looked up). */
  frequency?: number;
}

export interface ContextSuggestion {
  /** Position of the character in the line. */
  at: number;
  char: string;
  kind: string;
  margin: number;
  /** The word the replacement forms (for the message and corroboration) and where it starts. */
  word: string;
  wordStart: number;
  /** Below both thresholds (asked for with `weakFrom`). */
  weak?: true;
}

/**
 * Single-character words that are confused in writing although they differ in sound or shape (written
 * from knowledge of common usage errors, not from any test set): each is a candidate for the others.
 */
const CONFUSABLE_GROUPS = ['的地得', '在再', '做作', '已以', '即既', '那哪', '象像', '须需', '倒到', '座坐', '带戴', '副付'];
const CONFUSABLE = new Map<string, string>();
for (const group of CONFUSABLE_GROUPS) for (const c of group) CONFUSABLE.set(c, group.replace(c, ''));

function isHanCode(code: number): boolean {
  return (code >= 0x3400 && code <= 0x4dbf) || (code >= 0x4e00 && code <= 0x9fff);
}

/**
 * The words of 2–4 characters frequent enough for either test of this file (a new word, an extra word), as
 * a filter that never says no to such a word; undefined if the lexicon cannot list its words.
 */
function frequentWords(lexicon: Lexicon): WordFilter | undefined {
  return wordFilter(lexicon, 2, 4, Math.min(CONTEXT_PARAMS.minExtraWord, CONTEXT_PARAMS.minNewWord));
}

const scorers = new WeakMap<LanguageModel, WeakMap<Lexicon, WindowScorer>>();

function scorerFor(model: LanguageModel, lexicon: Lexicon, pairs?: (first: number, second: number) => boolean): WindowScorer {
  let byLexicon = scorers.get(model);
  if (!byLexicon) scorers.set(model, (byLexicon = new WeakMap()));
  let scorer = byLexicon.get(lexicon);
  if (!scorer) {
    const logTotal = Math.log(lexicon.total);
    // Most strings asked about are no frequent word: a Bloom filter of those words answers them.
    const frequent = frequentWords(lexicon);
    scorer = new WindowScorer(model, (chars, start, end, at, replacement) => {
      if (end - start > 4 || (frequent && !frequent.mayHave(chars, start, end, at, replacement))) return undefined;
      const f = frequencyAt(lexicon, chars, start, end, at, replacement);
      return f >= CONTEXT_PARAMS.minExtraWord ? Math.log(f) - logTotal - CONTEXT_PARAMS.extraPenalty : undefined;
    }, pairs);
    byLexicon.set(lexicon, scorer);
  }
  return scorer;
}

/** The best replacement at each position of `text` whose margin passes the threshold (at most one per position). */
export function contextSuggestions(
  text: string,
  lexicon: Lexicon,
  model: LanguageModel,
  candidatesOf: (char: string) => readonly ContextCandidate[],
  skip: (at: number) => boolean,
  inWord: (at: number) => boolean = () => false,
  /**
   * Whether two characters stand next to each other in some word of the lexicon with frequency ≥
   * min(minExtraWord, minNewWord) (a filter that must not reject any such word; none: no filter).
   */
  pairs?: (first: number, second: number) => boolean,
  /**
   * Also return, marked `weak`, the positions' best suggestions that pass neither threshold but have at
   * least this margin (none: only those that pass).
   */
  weakFrom?: number,
): ContextSuggestion[] {
  const scorer = scorerFor(model, lexicon, pairs);
  const frequent = frequentWords(lexicon);
  const out: ContextSuggestion[] = [];
  const { context, minNewWord, costs, minOriginal, agreedRatio } = CONTEXT_PARAMS;
  // A suggestion between the two thresholds stands only if the dictionary agrees (checked for the winner).
  const threshold = Math.min(CONTEXT_PARAMS.threshold, CONTEXT_PARAMS.agreedThreshold, weakFrom ?? Infinity);
  // pairOk[j]: text[j] and text[j + 1] stand next to each other in some lexicon word (every pair of a
  // frequent word does, so a string with a pair outside the set is not looked up).
  const pairOk = new Uint8Array(text.length);
  for (let j = 0; j + 1 < text.length; j++) pairOk[j] = !pairs || pairs(text.charCodeAt(j), text.charCodeAt(j + 1)) ? 1 : 0;
  // The window of the position being judged, and its best suggestion so far.
  let i = 0;
  let a = 0;
  let b = 0;
  let runStart = 0;
  let runEnd = 0;
  let base: number | undefined;
  let best: ContextSuggestion | undefined;
  /** Whether the written character forms a two-character word of the dictionary with a neighbour (per position). */
  let writtenInWord: boolean | undefined;
  /** Whether the replacement forms a word of frequency ≥ minNewWord with its neighbours in the window. */
  const formsWord = (char: string, leftOk: boolean, rightOk: boolean): boolean => {
    for (let len = 2; len <= 4; len++) {
      for (let s = Math.max(a, i - len + 1); s <= i && s + len <= b; s++) {
        const e = s + len - 1;
        if ((s < i && !leftOk) || (e > i && !rightOk)) continue;
        let ok = true;
        for (let j = s; j < e && ok; j++) if (j !== i - 1 && j !== i) ok = pairOk[j] === 1;
        if (ok && (!frequent || frequent.mayHave(text, s, s + len, i, char)) && frequencyAt(lexicon, text, s, s + len, i, char) >= minNewWord) return true;
      }
    }
    return false;
  };
  const consider = (char: string, kind: string, frequency?: number) => {
    if (kind !== 'confusable') {
      // A word of two or more characters holds the replacement next to a neighbour…
      const c = char.charCodeAt(0);
      const leftOk = i > a && (!pairs || pairs(text.charCodeAt(i - 1), c));
      const rightOk = i + 1 < b && (!pairs || pairs(c, text.charCodeAt(i + 1)));
      if ((!leftOk && !rightOk) || !formsWord(char, leftOk, rightOk)) {
        // …or it is a frequent word of its own that sounds the same, where the written character forms no word.
        // (A confused single-character word, 付 for 副, is judged as that kind below.)
        if (kind !== 'sound' || (frequency ?? lexicon.frequency(char)) < CONTEXT_PARAMS.minSingleWord || CONFUSABLE.get(text[i])?.includes(char)) return;
        writtenInWord ??= (i > a && frequencyAt(lexicon, text, i - 1, i + 1) > 0) || (i + 1 < b && frequencyAt(lexicon, text, i, i + 2) > 0);
        if (writtenInWord) return;
      }
    }
    base ??= scorer.prepareAt(text, a, b, a === runStart, b === runEnd, runEnd);
    const margin = scorer.scoreWith(i - a, char) - base - (costs[kind] ?? 0) - (inWord(i) ? CONTEXT_PARAMS.inWordCost : 0);
    if (margin >= threshold && (!best || margin > best.margin)) best = { at: i, char, kind, margin, word: char, wordStart: i };
  };
  for (runStart = 0; runStart < text.length; ) {
    if (!isHanCode(text.charCodeAt(runStart))) {
      runStart++;
      continue;
    }
    runEnd = runStart;
    while (runEnd < text.length && isHanCode(text.charCodeAt(runEnd))) runEnd++;
    for (i = runStart; i < runEnd; i++) {
      // A rare character is seldom a typo (an input method offers common ones first); it is part of a name (宝坻).
      if (skip(i) || unitFrequency(lexicon, text, i) < minOriginal) continue;
      a = Math.max(runStart, i - context);
      b = Math.min(runEnd, i + context + 1);
      const original = text[i];
      base = undefined;
      best = undefined;
      writtenInWord = undefined;
      for (const c of candidatesOf(original)) if (c.char !== original) consider(c.char, c.kind, c.frequency);
      for (const c of CONFUSABLE.get(original) ?? '') consider(c, 'confusable');
      // (set by consider: a closure TypeScript does not follow)
      const found = best as ContextSuggestion | undefined;
      if (!found) continue;
      const named = found.kind === 'confusable' ? found : { ...found, ...namedWord(text, lexicon, a, b, i, found.char) };
      const passes = found.margin >= CONTEXT_PARAMS.threshold || (found.kind !== 'confusable' && found.margin >= CONTEXT_PARAMS.agreedThreshold && dictionaryAgrees(text, lexicon, named, agreedRatio));
      if (passes) out.push(named);
      else if (weakFrom !== undefined && found.margin >= weakFrom) out.push({ ...named, weak: true });
    }
    runStart = runEnd;
  }
  return out;
}

/** The run of Chinese text around text[start, end), and the window [a, b) of ±context within it. */
function windowAround(text: string, start: number, end: number): { runStart: number; runEnd: number; a: number; b: number } {
  let runStart = start;
  while (runStart > 0 && isHanCode(text.charCodeAt(runStart - 1))) runStart--;
  let runEnd = end;
  while (runEnd < text.length && isHanCode(text.charCodeAt(runEnd))) runEnd++;
  return { runStart, runEnd, a: Math.max(runStart, start - CONTEXT_PARAMS.context), b: Math.min(runEnd, end + CONTEXT_PARAMS.context) };
}

/**
 * The model's margin for replacing the character at `i` by `char`: ln P of the window (±context within the
 * run of Chinese text) with the change less ln P as written, before any cost.
 */
export function contextMargin(text: string, i: number, char: string, lexicon: Lexicon, model: LanguageModel, pairs?: (first: number, second: number) => boolean): number {
  const { runStart, runEnd, a, b } = windowAround(text, i, i + 1);
  const scorer = scorerFor(model, lexicon, pairs);
  const base = scorer.prepareAt(text, a, b, a === runStart, b === runEnd, runEnd);
  return scorer.scoreWith(i - a, char) - base;
}

/**
 * The model's margin for writing the two-character `word` over text[i, i + 2) (淡味 → 单位), in the window
 * of ±context around it, before any cost.
 */
export function contextPairMargin(text: string, i: number, word: string, lexicon: Lexicon, model: LanguageModel, pairs?: (first: number, second: number) => boolean): number {
  const { runStart, runEnd, a, b } = windowAround(text, i, i + 2);
  const scorer = scorerFor(model, lexicon, pairs);
  const window = text.slice(a, b);
  const changed = window.slice(0, i - a) + word + window.slice(i - a + 2);
  return scorer.score(changed, a === runStart, b === runEnd) - scorer.score(window, a === runStart, b === runEnd);
}

/** Whether the suggested word is at least `ratio` times as frequent as the written string it replaces (+1). */
function dictionaryAgrees(text: string, lexicon: Lexicon, s: ContextSuggestion, ratio: number): boolean {
  if (s.word.length < 2) return false;
  const written = lexicon.frequency(text.slice(s.wordStart, s.wordStart + s.word.length));
  return lexicon.frequency(s.word) >= ratio * (written + 1);
}

/** The most frequent word (2–4 characters) the replacement at `i` forms in the window [a, b), and where it starts. */
function namedWord(text: string, lexicon: Lexicon, a: number, b: number, i: number, char: string): { word: string; wordStart: number } {
  let word = char;
  let wordStart = i;
  let wordFreq = 0;
  for (let len = 2; len <= 4; len++) {
    for (let s = Math.max(a, i - len + 1); s <= i && s + len <= b; s++) {
      const f = frequencyAt(lexicon, text, s, s + len, i, char);
      if (f >= CONTEXT_PARAMS.minNewWord && f > wordFreq) {
        wordFreq = f;
        wordStart = s;
        word = text.slice(s, i) + char + text.slice(i + 1, s + len);
      }
    }
  }
  return { word, wordStart };
}

/**
 * From this margin on a finding is a warning in any document. Below it, a long document gives it no
 * support (the suggested words are common ones that every report uses: 城市 for 因城施策): it is
 * `otherwise` there ('off' by default, 'hint' in the aggressive mode).
 */
export const STRONG_MARGIN = 13;

/** A finding (in the suspect-char rule's shape) for a suggestion; `gain` orders overlapping findings. */
export function contextFinding(text: string, s: ContextSuggestion, otherwise: 'off' | 'hint') {
  const original = text.slice(s.wordStart, s.wordStart + s.word.length);
  return {
    start: s.at,
    end: s.at + 1,
    gain: s.margin,
    severity: 'warning' as const,
    ...(s.margin >= STRONG_MARGIN ? {} : { corroboration: { word: s.word, otherwise, times: Number.MAX_SAFE_INTEGER } }),
    // The original characters: if they recur in the document, they are a name or a coinage.
    key: original,
    message:
      s.kind === 'confusable'
        ? `疑似错别字：按上下文，“${text[s.at]}”可能应为“${s.char}”`
        : `疑似错别字：按上下文，“${text[s.at]}”可能应为“${s.char}”（${s.word}）`,
    fixes: [{ title: s.kind === 'confusable' ? `改为“${s.char}”` : `改为“${s.char}”（${s.word}）`, edits: [{ start: s.at, end: s.at + 1, newText: s.char }], safe: false }],
  };
}
