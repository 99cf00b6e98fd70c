import type { CharVariants, EngineData } from '../data';
import { buildLexiconData, CompactLexicon, type Lexicon } from '../lexicon';
import { PairSet } from '../pairSet';
import { STANDARD_TERMS } from '../terms';
import type { LexiconTables } from './indexes';
import type { PrebuiltLexiconIndexes } from './prebuilt';

export interface PinyinIndex {
  /** The syllables of a character. */
  syllablesOf: Map<string, string[]>;
  /** The same by UTF-16 code (BMP characters only), as numbers: the syllables' places in char-pinyin.json. */
  syllableIdsOf: Map<number, number[]>;
  /** The characters of a syllable. */
  charsOf: Map<string, string>;
}

/** More candidates per character (server/data/char-variants.json, see EngineData.charVariants). */
export interface Variants {
  /** The other readings of polyphones, space-separated syllables. */
  poly: Readonly<Record<string, string>>;
  /** The characters that have a reading, other than their main one, by that syllable. */
  polyBySyllable: Map<string, string>;
  /** Characters containing the character as their larger part, or contained in it that way. */
  parts: Readonly<Record<string, string>>;
  /** Characters that share the character's larger part, a component few characters have. */
  shares: Readonly<Record<string, string>>;
}

/** A word list with the pairs of neighbouring characters in it (a string with two neighbours that are no such pair is not in it). */
export interface WordList {
  words: CompactLexicon;
  pairs: PairSet;
}

/** A text with the pairs of neighbouring characters in it. */
export interface PhraseBook {
  text: string;
  pairs: PairSet;
}

/**
 * The wrong-character rule's tables, made from the engine's data (EngineData) once per data object and
 * shared by every linter that is given it.
 */
export interface WrongCharTables {
  pinyin: PinyinIndex;
  /** Look-alike characters by character. */
  shapes: Readonly<Record<string, string>>;
  /** More candidates, when the optional table could be read (else only the others are used). */
  variants?: Variants;
  /** Words that jieba's 2013 dictionary lacks but a modern dictionary has (电竞, 抗疫, 央企, 大数据). */
  knownWords: WordList;
  /**
   * The project's own phrase book, one part per line: the standard terms (server/data/standard-terms.json)
   * and the snippets (stock phrases of reports).
   */
  phrases: PhraseBook;
  /** The indexes of each lexicon (see tablesFor). */
  byLexicon: WeakMap<Lexicon, LexiconTables>;
  /** The indexes of jieba's dictionary from the prebuilt file, when there is one (tablesFor uses them for that lexicon). */
  prebuiltIndexes?: PrebuiltLexiconIndexes;
}

const cache = new WeakMap<EngineData, WrongCharTables | null>();

/** The tables, or undefined when a table the rule needs is not available (the host has said why). */
export function wrongCharTables(data: EngineData): WrongCharTables | undefined {
  let tables = cache.get(data);
  if (tables === undefined) {
    const pinyin = data.pinyin();
    const shapes = data.shapes();
    // The prebuilt file spares reading the word list and the snippets and building their tables.
    const prebuilt = data.wrongCharPrebuilt?.();
    const variants = data.charVariants?.();
    const more = variants ? { variants: variantIndex(variants) } : {};
    if (prebuilt) {
      tables = pinyin && shapes ? { pinyin: pinyinIndex(pinyin), shapes, ...more, knownWords: prebuilt.knownWords, phrases: prebuilt.phrases, byLexicon: new WeakMap(), prebuiltIndexes: prebuilt.lexicon } : null;
    } else {
      const known = data.knownWords();
      const snippets = data.snippets();
      tables = pinyin && shapes && known && snippets ? { pinyin: pinyinIndex(pinyin), shapes, ...more, knownWords: wordList(known), phrases: phraseBook(snippets), byLexicon: new WeakMap() } : null;
    }
    cache.set(data, tables);
  }
  return tables ?? undefined;
}

/** Characters by syllable and the reverse. */
function pinyinIndex(table: Readonly<Record<string, string>>): PinyinIndex {
  const syllablesOf = new Map<string, string[]>();
  const syllableIdsOf = new Map<number, number[]>();
  const charsOf = new Map<string, string>();
  let id = 0;
  for (const [syllable, chars] of Object.entries(table)) {
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
  return { syllablesOf, syllableIdsOf, charsOf };
}

function variantIndex(table: CharVariants): Variants {
  const polyBySyllable = new Map<string, string>();
  for (const [char, syllables] of Object.entries(table.poly)) {
    for (const syllable of syllables.split(' ')) polyBySyllable.set(syllable, (polyBySyllable.get(syllable) ?? '') + char);
  }
  return { ...table, polyBySyllable };
}

export function wordList(list: readonly string[]): WordList {
  let pairCount = 0;
  for (const word of list) pairCount += Math.max(0, word.length - 1);
  const pairs = new PairSet(pairCount);
  for (const word of list) for (let j = 0; j + 1 < word.length; j++) pairs.add(word.charCodeAt(j), word.charCodeAt(j + 1));
  return { words: new CompactLexicon(buildLexiconData(list.map((w) => [w, 1] as const))), pairs };
}

export function phraseBook(snippets: Readonly<Record<string, Record<string, { body?: string | string[]; description?: string }>>>): PhraseBook {
  const parts: string[] = [];
  for (const term of STANDARD_TERMS) parts.push(term.term, ...(term.aliases ?? []), term.full, term.usage);
  for (const file of Object.values(snippets)) {
    for (const snippet of Object.values(file)) {
      parts.push(...(Array.isArray(snippet.body) ? snippet.body : [snippet.body ?? '']), snippet.description ?? '');
    }
  }
  // Also without quotation marks: writers drop them (纠治“四风” written 纠治四风).
  const quoted = parts.join('\n');
  const text = quoted + '\n' + quoted.replace(/[“”‘’「」『』]/g, '');
  const pairs = new PairSet();
  for (let j = 0; j + 1 < text.length; j++) pairs.add(text.charCodeAt(j), text.charCodeAt(j + 1));
  return { text, pairs };
}
