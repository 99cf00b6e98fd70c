import { decodeSections, encodeSections, type Section, type SectionFileKind, type SectionKind } from '../sectionFile';
import { buildLexiconData, CompactLexicon, lexiconHashSlots, type Lexicon, type LexiconData } from '../lexicon';
import { PairSet, type PairSetParts } from '../pairSet';
import { STANDARD_TERMS } from '../terms';
import type { PhraseBook, WordList } from './data';
import type { WildIndex } from './indexes';
import { PARAMS } from './params';

/**
 * The wrong-character rule's tables as a prebuilt file (server/data/jieba/wrongchar.bin, written by
 * `npm run build`): the known-words list, the phrase book, the indexes of jieba's words (pair filters, the
 * completions of an open position, two-character words by syllables) and the language model's word list,
 * as typed arrays that are used where they lie in the file's bytes — no JSON to parse, no word list to
 * hash, no index to build at start. The engine reads no file: the host hands over the bytes and a
 * fingerprint of the sources; a file made from other sources (or by another version) is refused with the
 * reason, and the host then builds the tables from the JSON data as before. Same answers either way (tested).
 */

/** Bumped whenever the layout or the way a table is built changes: an older file is then refused. */
export const WRONGCHAR_PREBUILT_VERSION = 1;
export const WRONGCHAR_FILE = 'wrongchar.bin';
const FILE_KIND: SectionFileKind = { magic: 0x4357_4721 /* "!GWC" */, version: WRONGCHAR_PREBUILT_VERSION, name: '错别字预编译表', stale: '与当前的数据文件不符（数据已更新）' };

/** A map from short strings to strings, on a compact lexicon of its keys (a key's "frequency" is its value's number plus one). */
export class StringTable {
  private readonly keys: CompactLexicon;
  constructor(
    keys: LexiconData,
    private readonly values: string,
    private readonly valueOffsets: Uint32Array,
  ) {
    this.keys = new CompactLexicon(keys);
  }

  get(key: string): string | undefined {
    const n = this.keys.frequency(key);
    return n === 0 ? undefined : this.values.slice(this.valueOffsets[n - 1], this.valueOffsets[n]);
  }
}

/** Two-character words by a number (a syllable pair), from sorted keys: the lists are made on first request and kept. */
export class WordListsByKey {
  private readonly made = new Map<number, string[]>();
  constructor(
    private readonly keys: Uint32Array,
    private readonly starts: Uint32Array,
    private readonly units: Uint16Array,
  ) {}

  get(key: number): string[] | undefined {
    const made = this.made.get(key);
    if (made) return made;
    let lo = 0;
    let hi = this.keys.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const k = this.keys[mid];
      if (k < key) lo = mid + 1;
      else if (k > key) hi = mid - 1;
      else {
        const list: string[] = [];
        for (let w = this.starts[mid]; w < this.starts[mid + 1]; w++) list.push(String.fromCharCode(this.units[2 * w], this.units[2 * w + 1]));
        this.made.set(key, list);
        return list;
      }
    }
    return undefined;
  }
}

/** The language model's words by id and the reverse, without a string per word or a map of them. */
export class ModelWordList {
  private readonly lexicon: CompactLexicon;
  /** The id of the empty word (the sentence boundary), -1 if none. */
  private readonly emptyId: number;
  constructor(
    private readonly data: LexiconData,
    /** id → the word's place in the sorted list (-1: the empty word). */
    private readonly byId: Int32Array,
    readonly maxWordLength: number,
  ) {
    this.lexicon = new CompactLexicon(data);
    let empty = -1;
    for (let id = 0; id < byId.length; id++) if (byId[id] < 0) empty = id;
    this.emptyId = empty;
  }

  get size(): number {
    return this.byId.length;
  }

  /** The id of `word`, or -1 (the last id when the model lists a word twice, as a Map of the list would give). */
  id(word: string): number {
    if (word === '') return this.emptyId;
    return this.lexicon.frequency(word) - 1;
  }

  word(id: number): string {
    const at = this.byId[id];
    return at === undefined || at < 0 ? '' : this.data.words.slice(this.data.offsets[at], this.data.offsets[at + 1]);
  }

  idAt(text: string, start: number, end: number, at: number, code: number): number {
    if (start === end) return this.emptyId;
    const replaced = at >= start && at < end;
    return this.lexicon.frequencyAt(text, start, end, replaced ? at : start, replaced ? String.fromCharCode(code) : '') - 1;
  }
}

/** The lexicon indexes of indexes.ts, for the lexicon of this size and total (jieba's, as built). */
export interface PrebuiltLexiconIndexes {
  size: number;
  total: number;
  bigrams: PairSet;
  wild: WildIndex;
  pairs: WordListsByKey;
}

/** What the file holds, ready to use. */
export interface WrongCharPrebuilt {
  knownWords: WordList;
  phrases: PhraseBook;
  lexicon: PrebuiltLexiconIndexes;
  /** The language model's words (for LanguageModel.fromBytes), of the model file of `modelSize` bytes. */
  modelWords: ModelWordList;
  modelSize: number;
}

/** The tables to write, as the JSON path built them. */
export interface WrongCharSources {
  knownWords: WordList;
  knownWordList: readonly string[];
  phrases: PhraseBook;
  lexicon: Lexicon;
  bigrams: PairSet;
  wild: { completions: Map<string, string>; around: PairSet };
  pairs: Map<number, string[]>;
  /** The model's words by id, and its file's size. */
  modelWords: readonly string[];
  modelSize: number;
}

const LAYOUT: [string, SectionKind][] = [
  ['knownUnits', 'u16'],
  ['knownOffsets', 'u32'],
  ['knownFrequencies', 'u32'],
  ['knownSlots', 'i32'],
  ['knownPairsTable', 'i32'],
  ['knownPairsFilter', 'i32'],
  ['knownPairsMeta', 'i32'],
  ['phraseUnits', 'u16'],
  ['phrasePairsTable', 'i32'],
  ['phrasePairsFilter', 'i32'],
  ['phrasePairsMeta', 'i32'],
  ['lexiconMeta', 'f64'],
  ['bigramsTable', 'i32'],
  ['bigramsFilter', 'i32'],
  ['bigramsMeta', 'i32'],
  ['aroundTable', 'i32'],
  ['aroundFilter', 'i32'],
  ['aroundMeta', 'i32'],
  ['completionKeyUnits', 'u16'],
  ['completionKeyOffsets', 'u32'],
  ['completionKeyValues', 'u32'],
  ['completionKeySlots', 'i32'],
  ['completionUnits', 'u16'],
  ['completionOffsets', 'u32'],
  ['pairKeys', 'u32'],
  ['pairStarts', 'u32'],
  ['pairUnits', 'u16'],
  ['modelUnits', 'u16'],
  ['modelOffsets', 'u32'],
  ['modelIds', 'u32'],
  ['modelSlots', 'i32'],
  ['modelById', 'i32'],
  ['modelMeta', 'f64'],
];

function unitsOf(text: string): Uint16Array {
  const units = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) units[i] = text.charCodeAt(i);
  // The decoder turns a lone surrogate into U+FFFD: such data would not come back as written.
  if (textOf(units) !== text) throw new Error('数据中有不成对的代理项（lone surrogate），无法写入错别字预编译表');
  return units;
}

/** One flat string (a string built by concatenation would be a rope, slow to read character by character). */
function textOf(units: Uint16Array): string {
  return UTF16.decode(units);
}
const UTF16 = new TextDecoder('utf-16le');

/** Lexicon data with its hash slots, as sections (units, offsets, frequencies, slots). */
function lexiconSections(data: LexiconData): Section[] {
  return [unitsOf(data.words), data.offsets, data.frequencies, lexiconHashSlots(data)];
}

function pairSections(set: PairSet): Section[] {
  const { table, filter, meta } = set.parts();
  return [table, filter, meta];
}

/** The file's bytes. */
export function encodeWrongCharTables(sources: WrongCharSources, fingerprint: number): Uint8Array {
  const known = buildLexiconData(sources.knownWordList.map((w) => [w, 1] as const));
  // The completions: keys → the place of their value in one string of values.
  const completionKeys = [...sources.wild.completions.keys()];
  const completionValues = completionKeys.map((k) => sources.wild.completions.get(k)!);
  const keyData = buildLexiconData(completionKeys.map((k, i) => [k, i + 1] as const));
  const valueOffsets = new Uint32Array(completionValues.length + 1);
  completionValues.forEach((v, i) => (valueOffsets[i + 1] = valueOffsets[i] + v.length));
  // Two-character words by syllable pair, keys sorted, lists in their order.
  const pairKeys = Uint32Array.from(sources.pairs.keys()).sort();
  const pairStarts = new Uint32Array(pairKeys.length + 1);
  const pairWords: string[] = [];
  pairKeys.forEach((key, i) => {
    for (const word of sources.pairs.get(key)!) {
      if (word.length !== 2) throw new Error(`双字词索引中的词不是两个字：${word}`);
      pairWords.push(word);
    }
    pairStarts[i + 1] = pairWords.length;
  });
  // The model's words, sorted, with id + 1 as "frequency" (a word listed twice keeps its last id).
  const modelData = buildLexiconData(sources.modelWords.map((w, id) => [w, id + 1] as const));
  const modelLexicon = new CompactLexicon(modelData);
  const byId = new Int32Array(sources.modelWords.length);
  let longest = 0;
  const placeOf = new Map<number, number>();
  for (let i = 0; i < modelData.frequencies.length; i++) placeOf.set(modelData.frequencies[i] - 1, i);
  sources.modelWords.forEach((w, id) => {
    if (w.length > longest) longest = w.length;
    byId[id] = w === '' ? -1 : placeOf.get(modelLexicon.frequency(w) - 1)!;
  });
  const sections: Section[] = [
    ...lexiconSections(known),
    ...pairSections(sources.knownWords.pairs),
    unitsOf(sources.phrases.text),
    ...pairSections(sources.phrases.pairs),
    Float64Array.of(sources.lexicon.size, sources.lexicon.total),
    ...pairSections(sources.bigrams),
    ...pairSections(sources.wild.around),
    ...lexiconSections(keyData),
    unitsOf(completionValues.join('')),
    valueOffsets,
    pairKeys,
    pairStarts,
    unitsOf(pairWords.join('')),
    ...lexiconSections(modelData),
    byId,
    Float64Array.of(longest, sources.modelSize),
  ];
  if (sections.length !== LAYOUT.length) throw new Error('错别字预编译表的结构与程序不符');
  return encodeSections(FILE_KIND, fingerprint, sections);
}

/**
 * The tables on `buffer` (the whole file, 8-byte aligned: an ArrayBuffer or a SharedArrayBuffer shared by
 * threads), or a Chinese description of why the file cannot be used.
 */
export function decodeWrongCharTables(buffer: ArrayBufferLike, fingerprint: number): WrongCharPrebuilt | string {
  const s = decodeSections(buffer, FILE_KIND, LAYOUT, fingerprint);
  if (typeof s === 'string') return s;
  try {
    const lexiconData = (prefix: string, values: string): LexiconData => {
      const offsets = s[`${prefix}Offsets`] as Uint32Array;
      const units = s[`${prefix}Units`] as Uint16Array;
      const frequencies = s[values] as Uint32Array;
      const slots = s[`${prefix}Slots`] as Int32Array;
      if (offsets.length !== frequencies.length + 1 || offsets[frequencies.length] !== units.length || slots.length < frequencies.length * 2.5) throw new Error('词表数据不一致');
      let total = 0;
      for (let i = 0; i < frequencies.length; i++) total += frequencies[i];
      return { words: textOf(units), offsets, frequencies, total, hashSlots: slots };
    };
    const pairs = (prefix: string) => PairSet.fromParts({ table: s[`${prefix}Table`], filter: s[`${prefix}Filter`], meta: s[`${prefix}Meta`] } as PairSetParts);
    const lexiconMeta = s.lexiconMeta as Float64Array;
    const modelMeta = s.modelMeta as Float64Array;
    const completionOffsets = s.completionOffsets as Uint32Array;
    const completionUnits = s.completionUnits as Uint16Array;
    const pairStarts = s.pairStarts as Uint32Array;
    const pairUnits = s.pairUnits as Uint16Array;
    if (lexiconMeta.length !== 2 || modelMeta.length !== 2 || completionOffsets[completionOffsets.length - 1] !== completionUnits.length) throw new Error('数据不一致');
    if (pairStarts.length !== s.pairKeys.length + 1 || 2 * pairStarts[pairStarts.length - 1] !== pairUnits.length) throw new Error('数据不一致');
    const completionKeys = lexiconData('completionKey', 'completionKeyValues');
    if (completionOffsets.length !== completionKeys.frequencies.length + 1) throw new Error('数据不一致');
    const model = lexiconData('model', 'modelIds');
    const byId = s.modelById as Int32Array;
    for (let id = 0; id < byId.length; id++) if (byId[id] >= model.frequencies.length) throw new Error('数据不一致');
    return {
      knownWords: { words: new CompactLexicon(lexiconData('known', 'knownFrequencies')), pairs: pairs('knownPairs') },
      phrases: { text: textOf(s.phraseUnits as Uint16Array), pairs: pairs('phrasePairs') },
      lexicon: {
        size: lexiconMeta[0],
        total: lexiconMeta[1],
        bigrams: pairs('bigrams'),
        wild: { completions: new StringTable(completionKeys, textOf(completionUnits), completionOffsets), around: pairs('around') },
        pairs: new WordListsByKey(s.pairKeys as Uint32Array, pairStarts, pairUnits),
      },
      modelWords: new ModelWordList(model, byId, modelMeta[0]),
      modelSize: modelMeta[1],
    };
  } catch (error) {
    return `数据不一致（${(error as Error).message}）`;
  }
}

/**
 * What the tables depend on besides the source files the host fingerprints: the tuning (PARAMS decides
 * which words go into the indexes), the standard terms (bundled, part of the phrase book) and the version.
 */
export function wrongCharBuildKey(): string {
  return JSON.stringify([WRONGCHAR_PREBUILT_VERSION, PARAMS, STANDARD_TERMS]);
}
