import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Lexicon } from '../lexicon';
import type { Token } from '../segmentation';
import { LineFinding, LineRule } from './rule';

/**
 * Suspected wrong characters that no word list knows (机智 for 机制, 总休 for 总体): where the
 * segmentation leaves characters that do not form words, each character is replaced in turn by
 * characters that sound alike (same pinyin syllable) or look alike (generated glyph data), and the
 * window around it is scored with the dictionary's word frequencies (the best segmentation under a
 * unigram word model, as jieba itself uses). A replacement is reported only when it turns the window
 * into clearly better words, by a margin that pays for the edit. Precision first.
 */

/** Tuning, measured on development data (see docs/notes/wrongchar.md). */
export const PARAMS = {
  /** Characters before and after the suspect one that the scoring window may include. */
  context: 3,
  /** Longest dictionary word considered (the lexicon holds words of up to four characters). */
  maxWord: 4,
  /** A replacement character must be at least this frequent as a single-character dictionary entry. */
  minCandidateChar: 100,
  /** The new word that covers the replaced character must be at least this frequent. */
  minNewWord: 20,
  /** A dictionary word the suspect character sits in is left alone at or above this frequency. */
  trustedWord: 30,
  /** Cost (natural log) of assuming a typo: same syllable, look-alike (look-alike lists are noisier). */
  soundCost: 0,
  shapeCost: 1,
  /** Gain in log-probability (minus the cost) the best replacement needs over the original window. */
  threshold: 7,
  /**
   * Gain from which a finding is a warning; below it, an information. Real reports are full of names
   * and new coinages (提质, 聚势) that look like typos to an old dictionary: only strong cases warn.
   */
  warningThreshold: 10.5,
  /** Suggestions listed. */
  suggestions: 3,
};

const HAN = /^[\u3400-\u4dbf\u4e00-\u9fff]$/;

let syllablesOf: Map<string, string[]> | undefined;
let charsOf: Map<string, string> | undefined;
let shapes: Record<string, string> | undefined;

/**
 * The character tables (server/data/char-shapes.json and char-pinyin.json, ~620 KB) are read on first
 * use and kept out of the bundles: this rule needs the lexicon, which arrives seconds after start-up,
 * and every start-up would otherwise parse them (a third of dist/server.js). Found beside the bundles
 * (dist/ → server/data/, also in the .vsix) or beside the compiled sources (out/server/data/).
 */
function readCharTable(name: string): Record<string, string> {
  const candidates = [path.join(__dirname, '..', 'server', 'data', name), path.join(__dirname, '..', '..', '..', 'data', name)];
  for (const file of candidates) {
    if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, string>;
  }
  throw new Error(`找不到字表 ${name}（应在 ${candidates.join(' 或 ')}）`);
}

function charShapes(): Record<string, string> {
  return (shapes ??= readCharTable('char-shapes.json'));
}

function pinyinIndex(): { syllablesOf: Map<string, string[]>; charsOf: Map<string, string> } {
  if (!syllablesOf || !charsOf) {
    syllablesOf = new Map();
    charsOf = new Map();
    for (const [syllable, chars] of Object.entries(readCharTable('char-pinyin.json'))) {
      charsOf.set(syllable, chars);
      for (const char of chars) {
        const list = syllablesOf.get(char);
        if (list) list.push(syllable);
        else syllablesOf.set(char, [syllable]);
      }
    }
  }
  return { syllablesOf, charsOf };
}

export interface Candidate {
  char: string;
  kind: 'sound' | 'shape';
}

/**
 * Adjacent character pairs found in the lexicon's usable words (frequency ≥ minNewWord), as numbers.
 * A replacement can only form a word with a neighbour if the pair occurs in some word: this prunes most
 * candidates before any word is looked up. About 3 MB, built once per lexicon.
 */
const bigramCache = new WeakMap<Lexicon, Set<number>>();

function bigramsOf(lexicon: Lexicon): Set<number> | undefined {
  if (!lexicon.forEach) return undefined;
  let set = bigramCache.get(lexicon);
  if (!set) {
    const pairs = new Set<number>();
    lexicon.forEach((word, frequency) => {
      if (frequency < PARAMS.minNewWord || word.length < 2 || word.length > PARAMS.maxWord) return;
      for (let i = 0; i + 1 < word.length; i++) pairs.add(word.charCodeAt(i) * 65536 + word.charCodeAt(i + 1));
    });
    bigramCache.set(lexicon, (set = pairs));
  }
  return set;
}

/** Candidates depend only on the character and the lexicon: computed once per character. */
const candidateCache = new WeakMap<Lexicon, Map<string, Candidate[]>>();

function cachedCandidates(char: string, lexicon: Lexicon): Candidate[] {
  let byChar = candidateCache.get(lexicon);
  if (!byChar) candidateCache.set(lexicon, (byChar = new Map()));
  let list = byChar.get(char);
  if (!list) byChar.set(char, (list = candidatesFor(char, lexicon)));
  return list;
}

/** Characters that may have been meant instead of `char`: same syllable first, then look-alikes. */
export function candidatesFor(char: string, lexicon?: Lexicon): Candidate[] {
  const { syllablesOf, charsOf } = pinyinIndex();
  const seen = new Set<string>([char]);
  const out: Candidate[] = [];
  const add = (c: string, kind: Candidate['kind']) => {
    if (seen.has(c)) return;
    seen.add(c);
    if (lexicon && lexicon.frequency(c) < PARAMS.minCandidateChar) return;
    out.push({ char: c, kind });
  };
  for (const syllable of syllablesOf.get(char) ?? []) for (const c of charsOf.get(syllable) ?? '') add(c, 'sound');
  for (const c of charShapes()[char] ?? '') add(c, 'shape');
  return out;
}

/** Best log-probability of segmenting `chars` into dictionary words (unknown characters get a floor). */
function bestSegmentation(chars: string[], lexicon: Lexicon, logTotal: number, memo: Map<string, number>): number {
  const n = chars.length;
  const best = new Float64Array(n + 1).fill(-Infinity);
  best[0] = 0;
  for (let end = 1; end <= n; end++) {
    for (let len = 1; len <= PARAMS.maxWord && len <= end; len++) {
      if (best[end - len] === -Infinity) continue;
      const word = chars.slice(end - len, end).join('');
      let score = memo.get(word);
      if (score === undefined) {
        const f = lexicon.frequency(word);
        score = f > 0 ? Math.log(f) - logTotal : len === 1 ? Math.log(0.5) - logTotal : -Infinity;
        memo.set(word, score);
      }
      if (score === -Infinity) continue;
      const total = best[end - len] + score;
      if (total > best[end]) best[end] = total;
    }
  }
  return best[n];
}

export interface Suggestion {
  kind: Candidate['kind'];
  char: string;
  gain: number;
  /** The dictionary word the replacement forms (for the message). */
  word: string;
  /** Where that word starts in the text: the original characters there are what looks wrong. */
  wordStart: number;
}

/** The character positions worth questioning: single-character tokens, unknown words, rare words. */
function suspectPositions(text: string, tokens: readonly Token[], lexicon: Lexicon): Set<number> {
  const positions = new Set<number>();
  for (const token of tokens) {
    if (!HAN.test(token.text[0])) continue;
    const len = token.end - token.start;
    if (len === 1 || lexicon.frequency(token.text) < PARAMS.trustedWord) {
      for (let i = token.start; i < token.end; i++) if (HAN.test(text[i])) positions.add(i);
    }
  }
  return positions;
}

/** Ranked replacements for the character at `i` of `text` (BMP Chinese), best first. */
export function suggestReplacements(text: string, i: number, lexicon: Lexicon, token?: { start: number; end: number }): Suggestion[] {
  const logTotal = Math.log(lexicon.total);
  // The window: up to `context` Chinese characters on each side, within the run of Chinese text.
  let a = i;
  while (a > 0 && i - a < PARAMS.context && HAN.test(text[a - 1])) a--;
  let b = i + 1;
  while (b < text.length && b - i - 1 < PARAMS.context && HAN.test(text[b])) b++;
  const chars = [...text.slice(a, b)];
  const k = i - a;
  const memo = new Map<string, number>();
  const original = bestSegmentation(chars, lexicon, logTotal, memo);
  const out: Suggestion[] = [];
  const bigrams = bigramsOf(lexicon);
  const before = k > 0 ? chars[k - 1].charCodeAt(0) * 65536 : -1;
  const after = k + 1 < chars.length ? chars[k + 1].charCodeAt(0) : -1;
  for (const candidate of cachedCandidates(text[i], lexicon)) {
    if (bigrams) {
      const c = candidate.char.charCodeAt(0);
      if (!(before >= 0 && bigrams.has(before + c)) && !(after >= 0 && bigrams.has(c * 65536 + after))) continue;
    }
    // Quick filter: the candidate must form a frequent word of 2+ characters within the window, in a
    // place where the original characters do not form a trusted word.
    let word = '';
    let wordFreq = 0;
    let wordStart = 0;
    for (let len = 2; len <= PARAMS.maxWord; len++) {
      for (let s = Math.max(0, k - len + 1); s <= k && s + len <= chars.length; s++) {
        const originalWord = chars.slice(s, s + len).join('');
        const replaced = originalWord.slice(0, k - s) + candidate.char + originalWord.slice(k - s + 1);
        // The new word must take in the whole token the character is in (施策 in 因城施策 is not
        // repaired by 城市, which would leave 策 alone).
        if (token && (a + s > token.start || a + s + len < token.end)) continue;
        const f = lexicon.frequency(replaced);
        if (f >= PARAMS.minNewWord && f > wordFreq && lexicon.frequency(originalWord) < PARAMS.trustedWord) {
          word = replaced;
          wordFreq = f;
          wordStart = a + s;
        }
      }
    }
    if (!word) continue;
    const replacedChars = chars.slice();
    replacedChars[k] = candidate.char;
    const score = bestSegmentation(replacedChars, lexicon, logTotal, memo);
    const gain = score - original - (candidate.kind === 'sound' ? PARAMS.soundCost : PARAMS.shapeCost);
    if (gain >= PARAMS.threshold) out.push({ char: candidate.char, gain, word, wordStart, kind: candidate.kind });
  }
  return out.sort((x, y) => y.gain - x.gain);
}

const OPENERS: Record<string, string> = { '“': '”', '‘': '’', '《': '》', '〈': '〉', '「': '」', '『': '』' };

/**
 * Marks the characters inside quotation marks and title marks: slogans (“稳内拓外”), coined names and
 * titles are deliberate wordplay more often than typos.
 */
export function quotedRanges(text: string): Uint8Array {
  const inside = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const close = OPENERS[text[i]];
    if (!close) continue;
    const j = text.indexOf(close, i + 1);
    if (j < 0 || j - i > 60) continue;
    inside.fill(1, i + 1, j);
    i = j;
  }
  return inside;
}

export const suspectChar: LineRule = {
  id: 'suspect-char',
  description: '疑似错别字：按分词与词频找出连不成词的字，提示读音或字形相近、能组成常用词的字',
  defaultSeverity: 'warning',
  scope: 'line',
  needsSegmentation: true,
  needsLexicon: true,
  recurringKeysAllowed: false,
  yieldsToOtherRules: true,
  check({ text, tokens, lexicon }) {
    if (!tokens || !lexicon) return [];
    const findings: LineFinding[] = [];
    const quoted = quotedRanges(text);
    const positions = suspectPositions(text, tokens, lexicon);
    for (const token of tokens) {
      // One finding per token at most: the position whose best replacement gains most (贯切 → 贯彻).
      let bestAt = -1;
      let bestList: Suggestion[] = [];
      for (let i = token.start; i < token.end; i++) {
        if (!positions.has(i) || quoted[i]) continue;
        const list = suggestReplacements(text, i, lexicon, token);
        if (list.length && (bestAt < 0 || list[0].gain > bestList[0].gain)) {
          bestAt = i;
          bestList = list;
        }
      }
      if (bestAt < 0) continue;
      const i = bestAt;
      const best = bestList[0];
      const list = bestList.slice(0, PARAMS.suggestions);
      findings.push({
        start: i,
        end: i + 1,
        severity: best.gain >= PARAMS.warningThreshold ? 'warning' : 'information',
        // The original characters of the suspected word: if they recur in the document, they are a
        // name or a coinage, not a typo (the linter drops the finding then).
        key: text.slice(best.wordStart, best.wordStart + best.word.length),
        message: `疑似错别字：“${text[i]}”可能应为“${best.char}”（${best.word}）${list.length > 1 ? `，也可能是${list.slice(1).map((s) => `“${s.char}”`).join('、')}` : ''}`,
        fixes: list.map((s) => ({ title: `改为“${s.char}”（${s.word}）`, edits: [{ start: i, end: i + 1, newText: s.char }], safe: false })),
      });
    }
    return findings;
  },
};
