import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildLexiconData, CompactLexicon, frequencyAt, type Lexicon, wordsWhere } from '../lexicon';
import { STANDARD_TERMS } from '../terms';
import type { Token } from '../segmentation';
import { LineFinding, LineRule } from './rule';

/**
 * Suspected wrong characters that no word list knows (机智 for 机制, 总休 for 总体): where the
 * segmentation leaves characters that do not form words, each character is replaced in turn by
 * characters that sound alike (same pinyin syllable) or look alike (generated glyph data), and the
 * window around it is scored with the dictionary's word frequencies (the best segmentation under a
 * unigram word model, as jieba itself uses). A replacement is reported only when it turns the window
 * into clearly better words, by a margin that pays for the edit. Precision first: parallel structures,
 * organisation names, words a modern dictionary knows and (through the linter) strings that recur are
 * left alone, and in a long document a moderate suspicion warns only if the document itself uses the
 * suggested word (docs/notes/wrongchar.md has the measurements).
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
  /**
   * Cost of a close syllable (zh/z, ing/in, l/n: 精→近, 应→因). Off: it found more typos but also
   * 数智化 → 数字化 in three reports, over the false-alarm target.
   */
  nearCost: Infinity,
  /** Gain in log-probability (minus the cost) the best replacement needs over the original window. */
  threshold: 6,
  /**
   * Gain from which a finding is a warning whatever the document. Real reports are full of names and
   * new coinages (提质, 聚势) that look like typos to an old dictionary: below this, see below.
   */
  warningThreshold: 10.5,
  /**
   * Gain from which a finding is a warning when the document gives no evidence either way (a short
   * text) or uses the suggested word `corroboratingUses` times; in a long document that does not, a
   * finding below `warningThreshold` is a hint (LineFinding.corroboration).
   */
  corroboratedThreshold: 6,
  /** How often the long document must use the suggested word for a moderate finding to warn. */
  corroboratingUses: 3,
  /** Generic context filters (see `deliberate`): each can be turned off for measurement. */
  alternation: 1,
  nameContext: 1,
  /** Words jieba's dictionary lacks but a modern dictionary (CC-CEDICT) has are not typos. */
  knownModern: 1,
  /** Suggestions listed. */
  suggestions: 3,
  /**
   * Two neighbouring characters both typed wrong (淡味 for 单位, 墙画 for 强化): a two-character word
   * with the same syllables and at least this frequency is a candidate, scored like a single change.
   */
  minPairWord: 500,
  pairCost: 3,
  /**
   * Any character (not only one that sounds or looks alike) may complete a three- or four-character
   * word at least this frequent (委贝会 → 委员会): the longer word is the evidence; the cost is high.
   */
  minWildWord: 1000,
  wildCost: 3,
  /** Whether the open character may be the first or last of the word (示范型 → 示范区: too loose). */
  wildEdges: 0,
};

/** Whether a UTF-16 code unit is a Chinese character (CJK Unified Ideographs and Extension A). */
function isHanCode(code: number): boolean {
  return (code >= 0x3400 && code <= 0x4dbf) || (code >= 0x4e00 && code <= 0x9fff);
}

let syllablesOf: Map<string, string[]> | undefined;
/** The same by UTF-16 code (BMP characters only), as numbers: the syllables' places in char-pinyin.json. */
let syllableIdsOf: Map<number, number[]> | undefined;
let charsOf: Map<string, string> | undefined;
let shapes: Record<string, string> | undefined;

/**
 * The data tables (server/data/char-shapes.json, char-pinyin.json, known-words.json, ~0.9 MB) are read on
 * first use and kept out of the bundles: this rule needs the lexicon, which arrives seconds after start-up,
 * and every start-up would otherwise parse them. Found beside the bundles (dist/ → server/data/, also in
 * the .vsix) or beside the compiled sources (out/server/data/).
 */
function readDataTable<T = Record<string, string>>(name: string): T {
  const candidates = [path.join(__dirname, '..', 'server', 'data', name), path.join(__dirname, '..', '..', '..', 'data', name)];
  for (const file of candidates) {
    if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
  }
  throw new Error(`找不到数据文件 ${name}（应在 ${candidates.join(' 或 ')}）`);
}

function charShapes(): Record<string, string> {
  return (shapes ??= readDataTable<Record<string, string>>('char-shapes.json'));
}

let pinyinTables: { syllablesOf: Map<string, string[]>; syllableIdsOf: Map<number, number[]>; charsOf: Map<string, string> } | undefined;

function pinyinIndex(): { syllablesOf: Map<string, string[]>; syllableIdsOf: Map<number, number[]>; charsOf: Map<string, string> } {
  if (pinyinTables) return pinyinTables;
  if (!syllablesOf || !syllableIdsOf || !charsOf) {
    syllablesOf = new Map();
    syllableIdsOf = new Map();
    charsOf = new Map();
    let id = 0;
    for (const [syllable, chars] of Object.entries(readDataTable('char-pinyin.json'))) {
      charsOf.set(syllable, chars);
      for (const char of chars) {
        const list = syllablesOf.get(char);
        if (list) list.push(syllable);
        else syllablesOf.set(char, [syllable]);
        if (char.length !== 1) continue;
        const ids = syllableIdsOf.get(char.charCodeAt(0));
        if (ids) ids.push(id);
        else syllableIdsOf.set(char.charCodeAt(0), [id]);
      }
      id++;
    }
  }
  return (pinyinTables = { syllablesOf, syllableIdsOf, charsOf });
}

export interface Candidate {
  char: string;
  kind: 'sound' | 'near' | 'shape' | 'any';
}

/**
 * A set of ordered pairs of UTF-16 code units, as an open-addressing hash table of 32-bit keys: it is
 * asked hundreds of thousands of times per 100 K characters, and a Set of numbers above 2^30 would box
 * every key it is asked about. Most answers are no: a one-bit-per-key filter of 128 KB (which stays in
 * the processor's cache, unlike the table) gives most of them without touching the table.
 */
class PairSet {
  private table: Int32Array;
  /** 32 minus log2 of the table size: a slot is the top bits of the multiplicative hash. */
  private shift: number;
  private count = 0;
  private readonly filter = new Int32Array(1 << 15);
  /** The key 0 (the pair of two NUL characters) marks an empty slot; whether that pair is in the set is kept here. */
  private hasZero = false;

  /** `expected`: about how many pairs will be added (the table then need not grow on the way). */
  constructor(expected = 0) {
    let bits = 10;
    while (1 << bits < expected * 2) bits++;
    this.table = new Int32Array(1 << bits);
    this.shift = 32 - bits;
  }

  add(first: number, second: number): void {
    const key = (first << 16) | second;
    if (key === 0) {
      this.hasZero = true;
      return;
    }
    const bit = Math.imul(key, 0x85ebca6b) >>> 12;
    this.filter[bit >>> 5] |= 1 << (bit & 31);
    if (this.insert(key)) this.count++;
    if (this.count * 2 > this.table.length) {
      const old = this.table;
      this.table = new Int32Array(old.length * 2);
      this.shift--;
      for (const k of old) if (k !== 0) this.insert(k);
    }
  }

  has(first: number, second: number): boolean {
    const key = (first << 16) | second;
    if (key === 0) return this.hasZero;
    const bit = Math.imul(key, 0x85ebca6b) >>> 12;
    if ((this.filter[bit >>> 5] & (1 << (bit & 31))) === 0) return false;
    const table = this.table;
    const mask = table.length - 1;
    for (let slot = Math.imul(key, 0x9e3779b1) >>> this.shift; ; slot = (slot + 1) & mask) {
      const k = table[slot];
      if (k === key) return true;
      if (k === 0) return false;
    }
  }

  /** Puts `key` into the table; false if it was there already. */
  private insert(key: number): boolean {
    const table = this.table;
    const mask = table.length - 1;
    for (let slot = Math.imul(key, 0x9e3779b1) >>> this.shift; ; slot = (slot + 1) & mask) {
      const k = table[slot];
      if (k === key) return false;
      if (k === 0) {
        table[slot] = key;
        return true;
      }
    }
  }
}

/**
 * Adjacent character pairs found in the lexicon's usable words (frequency ≥ minNewWord).
 * A replacement can only form a word with a neighbour if the pair occurs in some word: this prunes most
 * candidates before any word is looked up. Built once per lexicon.
 */
function bigramsOf(lexicon: Lexicon): PairSet | undefined {
  return wordIndexes(lexicon)?.bigrams;
}

/** A character's candidates, with their first UTF-16 units side by side (what the filters read). */
interface CandidateList {
  candidates: Candidate[];
  codes: Uint16Array;
}

/**
 * The candidates of the character whose UTF-16 code is `code` (BMP). They depend only on the character
 * and the lexicon: computed once per character (kept in the lexicon's LexiconTables).
 */
function cachedCandidates(code: number, lexicon: Lexicon, tables: LexiconTables): CandidateList {
  const byChar = tables.candidates;
  let list = byChar.get(code);
  if (!list) {
    const candidates = candidatesFor(String.fromCharCode(code), lexicon);
    byChar.set(code, (list = { candidates, codes: Uint16Array.from(candidates, (c) => c.char.charCodeAt(0)) }));
  }
  return list;
}

/**
 * Frequent words of three or four characters by their pattern with one character left open
 * (“委?会” → 员): which characters complete a long, frequent word around a position. `around` holds
 * the two characters on either side of each inner open position (委, 会): a position whose neighbours
 * are not such a pair completes no word, and most positions are ruled out without building a pattern.
 */
interface WildIndex {
  completions: Map<string, string>;
  around: PairSet;
}

function wildIndex(lexicon: Lexicon): WildIndex | undefined {
  return wordIndexes(lexicon)?.wild;
}

/**
 * What suggestReplacements reads for every position, per lexicon: looked up once per line rather than
 * once per position and table.
 */
interface LexiconTables {
  bigrams: PairSet | undefined;
  wild: WildIndex | undefined;
  /** Candidates by character code (see cachedCandidates). */
  candidates: Map<number, CandidateList>;
}

const tablesCache = new WeakMap<Lexicon, LexiconTables>();

function tablesFor(lexicon: Lexicon): LexiconTables {
  let tables = tablesCache.get(lexicon);
  if (!tables) tablesCache.set(lexicon, (tables = { bigrams: bigramsOf(lexicon), wild: wildIndex(lexicon), candidates: new Map() }));
  return tables;
}

/**
 * Frequent two-character words by the syllables of their characters (“dan wei” → 单位), keyed by
 * syllablePair of the syllables' ids.
 */
function syllablePair(x: number, y: number): number {
  return x * 65536 + y;
}

const NO_IDS: number[] = [];
const NO_WORDS: string[] = [];

function pairIndex(lexicon: Lexicon): Map<number, string[]> | undefined {
  return wordIndexes(lexicon)?.pairs;
}

/**
 * The three indexes above, built in one pass over the lexicon's words (a first check needs all three,
 * and each pass over jieba's 342 K words costs ~5 ms in a fresh process). Built once per lexicon; null
 * when the lexicon cannot list its words.
 */
interface WordIndexes {
  bigrams: PairSet;
  wild: WildIndex;
  pairs: Map<number, string[]>;
}

const wordIndexCache = new WeakMap<Lexicon, WordIndexes | null>();

function wordIndexes(lexicon: Lexicon): WordIndexes | undefined {
  let indexes = wordIndexCache.get(lexicon);
  if (indexes === undefined) {
    // About one distinct pair per four words of jieba's dictionary (74 K for 342 K): sized to grow at most once.
    const bigrams = new PairSet(lexicon.size / 4);
    const completions = new Map<string, string>();
    const around = new PairSet();
    const pairs = new Map<number, string[]>();
    const { syllableIdsOf } = pinyinIndex();
    const { maxWord, minNewWord, minWildWord, minPairWord } = PARAMS;
    const listed = wordsWhere(lexicon, 2, Math.max(2, maxWord), Math.min(minNewWord, minWildWord, minPairWord), (word, frequency) => {
      const length = word.length;
      if (frequency >= minNewWord && length <= maxWord) {
        for (let i = 0; i + 1 < length; i++) bigrams.add(word.charCodeAt(i), word.charCodeAt(i + 1));
      }
      if (frequency >= minWildWord && length >= 3 && length <= maxWord) {
        // Inner positions only: an open first or last character matches too many coinages (示范型).
        for (let j = PARAMS.wildEdges ? 0 : 1; j < (PARAMS.wildEdges ? length : length - 1); j++) {
          const key = word.slice(0, j) + '?' + word.slice(j + 1);
          completions.set(key, (completions.get(key) ?? '') + word[j]);
          if (j > 0 && j + 1 < length) around.add(word.charCodeAt(j - 1), word.charCodeAt(j + 1));
        }
      }
      if (frequency >= minPairWord && length === 2) {
        for (const x of syllableIdsOf.get(word.charCodeAt(0)) ?? NO_IDS) {
          for (const y of syllableIdsOf.get(word.charCodeAt(1)) ?? NO_IDS) {
            const key = syllablePair(x, y);
            const list = pairs.get(key);
            if (list) list.push(word);
            else pairs.set(key, [word]);
          }
        }
      }
    });
    indexes = listed ? { bigrams, wild: { completions, around }, pairs } : null;
    wordIndexCache.set(lexicon, indexes);
  }
  return indexes ?? undefined;
}

/**
 * Syllables a speaker of a southern accent or a hurried typist confuses with `syllable`: zh/z, ch/c,
 * sh/s, l/n, f/hu at the start; ing/in, eng/en, ang/an at the end.
 */
export function nearSyllables(syllable: string): string[] {
  const starts: [string, string][] = [['zh', 'z'], ['ch', 'c'], ['sh', 's'], ['l', 'n'], ['n', 'l'], ['f', 'h'], ['h', 'f']];
  const ends: [string, string][] = [['ing', 'in'], ['eng', 'en'], ['ang', 'an']];
  const out = new Set<string>();
  const initial = (s: string): string[] => {
    const list: string[] = [];
    for (const [a, b] of starts) {
      if (a.length === 1 && (s.startsWith(a + 'h') || (a === 'h' && !s.startsWith('hu')) || (a === 'f' && !s.startsWith('fu')))) continue;
      if (s.startsWith(a)) list.push(b + s.slice(a.length));
    }
    if (/^[zcs][^h]/.test(s)) list.push(s[0] + 'h' + s.slice(1));
    return list;
  };
  const final = (s: string): string[] => {
    const list: string[] = [];
    for (const [a, b] of ends) {
      if (s.endsWith(a)) list.push(s.slice(0, -a.length) + b);
      else if (s.endsWith(b)) list.push(s + 'g');
    }
    return list;
  };
  for (const x of initial(syllable)) out.add(x);
  for (const x of final(syllable)) out.add(x);
  out.delete(syllable);
  return [...out];
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
  if (PARAMS.nearCost < Infinity) {
    for (const syllable of syllablesOf.get(char) ?? []) for (const near of nearSyllables(syllable)) for (const c of charsOf.get(near) ?? '') add(c, 'near');
  }
  return out;
}

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
class ScoringWindow {
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
const scoringWindow = new ScoringWindow();

const COST: Record<Candidate['kind'], () => number> = {
  sound: () => PARAMS.soundCost,
  near: () => PARAMS.nearCost,
  shape: () => PARAMS.shapeCost,
  any: () => PARAMS.wildCost,
};

export interface Suggestion {
  kind: Candidate['kind'];
  char: string;
  gain: number;
  /** The dictionary word the replacement forms (for the message). */
  word: string;
  /** Where that word starts in the text: the original characters there are what looks wrong. */
  wordStart: number;
}

/** The character positions worth questioning (1 in the array): single-character tokens, unknown words, rare words. */
function suspectPositions(text: string, tokens: readonly Token[], lexicon: Lexicon): Uint8Array {
  const positions = new Uint8Array(text.length);
  for (const token of tokens) {
    if (!isHanCode(text.charCodeAt(token.start))) continue;
    const len = token.end - token.start;
    if (len === 1 || lexicon.frequency(token.text) < PARAMS.trustedWord) {
      for (let i = token.start; i < token.end; i++) if (isHanCode(text.charCodeAt(i))) positions[i] = 1;
    }
  }
  return positions;
}

/**
 * Words that end the name of an organisation: a string followed by one of them is a name (弘润石化,
 * 中芯国际), and names are not checked. (Place and facility suffixes — 村, 镇, 路, 线 — cost more
 * typos than they saved.)
 */
const NAME_SUFFIX = /(?:有限公司|股份|公司|集团|石化|生物|信息|科技|人寿|银行|证券|国际|控股|医药|电子)/y;

let modernWords: { words: CompactLexicon; pairs: PairSet } | undefined;

/**
 * Whether the character at `i` is part of a word that jieba's 2013 dictionary lacks but a modern
 * dictionary has (电竞, 抗疫, 央企, 大数据): such a word is not a typo. The list (~26k words, ~0.4 MB in
 * memory) is generated by scripts/wrongchar-data/gen-known-words.mjs from CC-CEDICT.
 */
export function inKnownWord(text: string, i: number): boolean {
  if (!PARAMS.knownModern) return false;
  if (!modernWords) {
    const list = readDataTable<{ modern: string }>('known-words.json').modern.split(' ');
    let pairCount = 0;
    for (const word of list) pairCount += Math.max(0, word.length - 1);
    const pairs = new PairSet(pairCount);
    for (const word of list) for (let j = 0; j + 1 < word.length; j++) pairs.add(word.charCodeAt(j), word.charCodeAt(j + 1));
    modernWords = { words: new CompactLexicon(buildLexiconData(list.map((w) => [w, 1] as const))), pairs };
  }
  const { words, pairs } = modernWords;
  // Every two neighbouring characters of a listed word are a pair of `pairs`: a window that reaches over
  // two neighbours that are not (the nearest such place before `i`, the nearest from `i` on) is no listed word.
  const from = Math.max(0, i - 3);
  let brokenBefore = -1;
  let brokenAfter = text.length;
  for (let j = from; j < i + 3 && j + 1 < text.length; j++) {
    if (pairs.has(text.charCodeAt(j), text.charCodeAt(j + 1))) continue;
    if (j < i) brokenBefore = j;
    else {
      brokenAfter = j;
      break;
    }
  }
  for (let len = 2; len <= 4; len++) {
    for (let s = Math.max(0, i - len + 1); s <= i && s + len <= text.length; s++) {
      // The window's pairs are (s, s + 1) … (s + len - 2, s + len - 1).
      if (s <= brokenBefore || s + len - 2 >= brokenAfter) continue;
      if (words.hasAt(text, s, s + len)) return true;
    }
  }
  return false;
}

let phraseBook: { text: string; pairs: PairSet } | undefined;

/**
 * The project's own phrase book: the standard terms (server/data/standard-terms.json) and the snippets
 * (snippets/*.json: stock phrases of reports, 持之以恒纠治“四风”, 更实举措). Words that this curated 公文
 * language uses are not typos, however rare they are in jieba's general dictionary. Read on first use.
 */
function ownPhrases(): { text: string; pairs: PairSet } {
  if (phraseBook === undefined) {
    const parts: string[] = [];
    for (const term of STANDARD_TERMS) parts.push(term.term, ...(term.aliases ?? []), term.full, term.usage);
    // Beside the bundles (dist/ → snippets/, also in the .vsix) or the compiled sources (out/server/src/engine/rules/).
    const dir = [path.join(__dirname, '..', 'snippets'), path.join(__dirname, '..', '..', '..', '..', '..', 'snippets')].find((d) => fs.existsSync(d));
    for (const file of dir ? fs.readdirSync(dir).filter((f) => f.endsWith('.json')) : []) {
      try {
        const snippets = JSON.parse(fs.readFileSync(path.join(dir!, file), 'utf8')) as Record<string, { body?: string | string[]; description?: string }>;
        for (const snippet of Object.values(snippets)) {
          parts.push(...(Array.isArray(snippet.body) ? snippet.body : [snippet.body ?? '']), snippet.description ?? '');
        }
      } catch {
        // A snippet file that does not parse only means fewer known phrases.
      }
    }
    const text = parts.join('\n');
    // Every two neighbouring characters of the book: a string with two neighbours that are not such a pair is not in it.
    const pairs = new PairSet();
    for (let j = 0; j + 1 < text.length; j++) pairs.add(text.charCodeAt(j), text.charCodeAt(j + 1));
    phraseBook = { text, pairs };
  }
  return phraseBook;
}

/** Whether the token occurs, with at most two neighbouring characters, in the project's phrase book. */
export function inOwnPhrases(text: string, token: { start: number; end: number }): boolean {
  const book = ownPhrases();
  const length = token.end - token.start;
  for (let len = Math.max(2, length); len <= Math.max(4, length); len++) {
    // Every window covers the whole token, so `i` too.
    for (let s = Math.max(0, token.end - len); s <= token.start && s + len <= text.length; s++) {
      let pairsInBook = true;
      for (let j = s; j + 1 < s + len && pairsInBook; j++) pairsInBook = book.pairs.has(text.charCodeAt(j), text.charCodeAt(j + 1));
      if (pairsInBook && book.text.includes(text.slice(s, s + len))) return true;
    }
  }
  return false;
}

/**
 * Signs in the text around position `i` (inside `token`) that the characters there are deliberate:
 * parallel structures (助餐助洁, 先行先试, 知责担责) and names of organisations (…石化, …国际).
 */
export function deliberate(text: string, i: number, token: { start: number; end: number }): boolean {
  return inAlternation(text, i) || nameFollows(text, token.end);
}

/** An ABAC or ABCB pattern of four Chinese characters around position `i`: 先行先试, 知责担责. */
function inAlternation(text: string, i: number): boolean {
  if (!PARAMS.alternation) return false;
  for (let s = Math.max(0, i - 3); s <= i && s + 4 <= text.length; s++) {
    const c0 = text.charCodeAt(s);
    const c1 = text.charCodeAt(s + 1);
    const c2 = text.charCodeAt(s + 2);
    const c3 = text.charCodeAt(s + 3);
    if ((c0 === c2 || c1 === c3) && isHanCode(c0) && isHanCode(c1) && isHanCode(c2) && isHanCode(c3)) return true;
  }
  return false;
}

/** Whether the end of an organisation's name follows position `end`: what precedes it is a name. */
function nameFollows(text: string, end: number): boolean {
  if (!PARAMS.nameContext) return false;
  NAME_SUFFIX.lastIndex = end;
  return NAME_SUFFIX.test(text);
}

/** Where the characters around [start, end) start: up to `context` Chinese characters before it, within the run of Chinese text. */
function windowStart(text: string, start: number): number {
  let a = start;
  while (a > 0 && start - a < PARAMS.context && isHanCode(text.charCodeAt(a - 1))) a--;
  return a;
}

/** Where the characters around [start, end) end: up to `context` Chinese characters after it, within the run of Chinese text. */
function windowEnd(text: string, end: number): number {
  let b = end;
  while (b < text.length && b - end < PARAMS.context && isHanCode(text.charCodeAt(b))) b++;
  return b;
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
export function suggestReplacements(text: string, i: number, lexicon: Lexicon, token?: { start: number; end: number }, tables = tablesFor(lexicon)): Suggestion[] {
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
function replacementsAt(text: string, i: number, lexicon: Lexicon, token: { start: number; end: number } | undefined, tables: LexiconTables): Suggestion[] | undefined {
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
  if (bigrams && !(wild && PARAMS.wildCost < Infinity && PARAMS.wildEdges) && PARAMS.context !== 0) {
    if (!(wild && PARAMS.wildCost < Infinity && before >= 0 && after >= 0 && wild.around.has(before, after))) {
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
  if (wild && PARAMS.wildCost < Infinity && longSpans) {
    let known: Set<string> | undefined;
    const surrounded = k > 0 && k + 1 < n && wild.around.has(text.charCodeAt(i - 1), text.charCodeAt(i + 1));
    for (let len = 3; len <= PARAMS.maxWord; len++) {
      for (let s = Math.max(0, k - len + 1); s <= k && s + len <= n; s++) {
        // The pattern's open position is inside it (the index has open edges only with wildEdges on).
        if (s < k && k < s + len - 1 ? !surrounded : !PARAMS.wildEdges) continue;
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
    const gain = scoring.scoreReplaced(k, char) - scoring.bestScore() - COST[candidate.kind]();
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
export function suggestPairs(text: string, i: number, lexicon: Lexicon): PairSuggestion[] {
  return pairsAt(text, i, lexicon) ?? [];
}

/** suggestPairs, with undefined for none. */
function pairsAt(text: string, i: number, lexicon: Lexicon): PairSuggestion[] | undefined {
  const index = pairIndex(lexicon);
  if (!index || !isHanCode(text.charCodeAt(i)) || !isHanCode(text.charCodeAt(i + 1))) return undefined;
  if (frequencyAt(lexicon, text, i, i + 2) >= PARAMS.trustedWord) return undefined;
  const { syllableIdsOf } = pinyinIndex();
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

/**
 * Severity and the document-level evidence it needs. A change to any character (not one that sounds
 * or looks alike) is weaker evidence by construction: in a long document it always needs the
 * suggested word to be used elsewhere.
 */
function severityFor(gain: number, word: string, weak = false): Pick<LineFinding, 'severity' | 'corroboration'> {
  if (gain >= PARAMS.warningThreshold && !weak) return { severity: 'warning' };
  // Uncorroborated in a long document: a hint (dots under the text, not in the Problems list). On published
  // government reports these were all names and coinages (减污 → 奸污); as information they filled the list.
  if (gain >= PARAMS.corroboratedThreshold) return { severity: 'warning', corroboration: { word, otherwise: 'hint', times: PARAMS.corroboratingUses } };
  return { severity: 'information' };
}

const OPENERS: Record<string, string> = { '“': '”', '‘': '’', '《': '》', '〈': '〉', '「': '」', '『': '』' };
const OPENER = /[“‘《〈「『]/g;
const OPENER_ANYWHERE = /[“‘《〈「『]/;
const NOTHING_QUOTED = new Uint8Array(0);

/**
 * Marks the characters inside quotation marks and title marks: slogans (“稳内拓外”), coined names and
 * titles are deliberate wordplay more often than typos.
 */
export function quotedRanges(text: string): Uint8Array {
  const inside = new Uint8Array(text.length);
  OPENER.lastIndex = 0;
  for (let match = OPENER.exec(text); match; match = OPENER.exec(text)) {
    const i = match.index;
    const j = text.indexOf(OPENERS[text[i]], i + 1);
    if (j < 0 || j - i > 60) continue;
    inside.fill(1, i + 1, j);
    OPENER.lastIndex = j + 1;
  }
  return inside;
}

// The findings are made outside the check's loops: a closure there (the fixes' `map`) would make the
// loops allocate a context object for every token.

/** The finding for the character at `i`, with its replacements (best first). */
function replacementFinding(text: string, i: number, suggestions: Suggestion[]): LineFinding & { gain: number } {
  const best = suggestions[0];
  const list = suggestions.slice(0, PARAMS.suggestions);
  return {
    start: i,
    end: i + 1,
    gain: best.gain,
    ...severityFor(best.gain, best.word, best.kind === 'any'),
    // The original characters of the suspected word: if they recur in the document, they are a
    // name or a coinage, not a typo (the linter drops the finding then).
    key: text.slice(best.wordStart, best.wordStart + best.word.length),
    message: `疑似错别字：“${text[i]}”可能应为“${best.char}”（${best.word}）${list.length > 1 ? `，也可能是${list.slice(1).map((s) => `“${s.char}”`).join('、')}` : ''}`,
    fixes: list.map((s) => ({ title: `改为“${s.char}”（${s.word}）`, edits: [{ start: i, end: i + 1, newText: s.char }], safe: false })),
  };
}

/** The finding for the two characters at `i` and `i + 1`, with the words they may stand for (best first). */
function pairFinding(text: string, i: number, suggestions: PairSuggestion[]): LineFinding & { gain: number } {
  const best = suggestions[0];
  const shown = suggestions.slice(0, PARAMS.suggestions);
  const original = text.slice(i, i + 2);
  return {
    start: i,
    end: i + 2,
    gain: best.gain,
    // Two changed characters are weak evidence under a word-frequency model: never a warning; in a
    // long document that does not use the suggested word, only a hint (医养 → 一样, 引育 → 银鱼).
    severity: 'information',
    corroboration: { word: best.word, otherwise: 'hint', times: PARAMS.corroboratingUses },
    key: original,
    message: `疑似错别字：“${original}”可能应为“${best.word}”${shown.length > 1 ? `，也可能是${shown.slice(1).map((s) => `“${s.word}”`).join('、')}` : ''}`,
    fixes: shown.map((s) => ({ title: `改为“${s.word}”`, edits: [{ start: i, end: i + 2, newText: s.word }], safe: false })),
  };
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
    // Most lines quote nothing: an empty array then answers undefined (not quoted) everywhere.
    const quoted = text.search(OPENER_ANYWHERE) >= 0 ? quotedRanges(text) : NOTHING_QUOTED;
    const positions = suspectPositions(text, tokens, lexicon);
    const tables = tablesFor(lexicon);
    const found: (LineFinding & { gain: number })[] = [];
    for (const token of tokens) {
      // One finding per token at most: the position whose best replacement gains most (贯切 → 贯彻).
      let bestAt = -1;
      let bestList: Suggestion[] | undefined;
      // `deliberate`, with the name test (which depends on the token only) done once per token.
      let named: boolean | undefined;
      for (let i = token.start; i < token.end; i++) {
        if (!positions[i] || quoted[i] || inAlternation(text, i) || (named ??= nameFollows(text, token.end)) || inKnownWord(text, i)) continue;
        const list = replacementsAt(text, i, lexicon, token, tables);
        if (list && (bestAt < 0 || list[0].gain > bestList![0].gain)) {
          bestAt = i;
          bestList = list;
        }
      }
      // Searched only for a token about to be flagged: the phrase book is a long string.
      if (bestAt < 0 || !bestList || inOwnPhrases(text, token)) continue;
      found.push(replacementFinding(text, bestAt, bestList));
    }
    // Two neighbouring characters that are both suspect and together sound like a frequent word.
    for (let t = 0; t < tokens.length; t++) {
      const token = tokens[t];
      // The pair must consist of whole tokens: one two-character token or two single-character ones.
      let i = -1;
      if (token.end - token.start === 2) i = token.start;
      else if (token.end - token.start === 1 && tokens[t + 1]?.start === token.end && tokens[t + 1].end === token.end + 1) i = token.start;
      if (i < 0 || !positions[i] || !positions[i + 1] || quoted[i] || quoted[i + 1]) continue;
      // `deliberate` at i and at i + 1, with the name test (the same for both) done once.
      if (inAlternation(text, i) || inAlternation(text, i + 1) || nameFollows(text, i + 2) || inKnownWord(text, i) || inKnownWord(text, i + 1)) continue;
      const list = pairsAt(text, i, lexicon);
      if (!list || inOwnPhrases(text, { start: i, end: i + 2 })) continue;
      found.push(pairFinding(text, i, list));
    }
    // Overlapping findings: the one with the larger gain wins.
    if (found.length === 0) return [];
    found.sort((x, y) => y.gain - x.gain);
    const taken = new Uint8Array(text.length);
    const findings: LineFinding[] = [];
    for (const { gain: _gain, ...f } of found) {
      if (taken.subarray(f.start, f.end).some((x) => x)) continue;
      taken.fill(1, f.start, f.end);
      findings.push(f);
    }
    return findings.sort((x, y) => x.start - y.start);
  },
};
