import type { SnippetFile } from './completion';
import type { LanguageModel } from './lm/model';
import type { WrongCharPrebuilt } from './wrongchar/prebuilt';

/**
 * The data tables the engine needs that are large or shared, handed to it by the host: the engine never
 * reads a file itself. server/src/host/data.ts reads them from disk for the CLI, the server, the tests and
 * the tools; a browser worker would fetch the same files. Give them to the Linter through
 * `LintEnvironment.data`; rules read them through `LineContext.data`.
 *
 * Each table is a getter, so that the host may read it on first use (the rules that need these tables also
 * need the lexicon, which arrives seconds after start-up, and a start-up should not parse them). A getter
 * never throws: it gives undefined when the table cannot be had (the host reports why, in Chinese, once),
 * and the rules that need it then find nothing.
 *
 * Not here:
 * - The word frequencies (jieba's dictionary): they come with the segmenter, through `LintEnvironment.lexicon`
 *   (the `Lexicon` interface of lexicon.ts), as a getter while they load.
 * - Small rule-local word lists (server/data/misused-words.json, standard-terms.json, …) that rules import with
 *   `import data from '../../data/x.json'`: the bundler puts them into the bundles, so that is no disk access.
 */
export interface EngineData {
  /** Characters by pinyin syllable (server/data/char-pinyin.json): "zhi" → "之支只…". */
  pinyin(): Readonly<Record<string, string>> | undefined;
  /** Look-alike characters by character (server/data/char-shapes.json, generated glyph data). */
  shapes(): Readonly<Record<string, string>> | undefined;
  /** Words of a modern dictionary that jieba's lacks (server/data/known-words.json, from CC-CEDICT). */
  knownWords(): readonly string[] | undefined;
  /**
   * The completion snippets (snippets/*.json) by file name without extension ("opening", "terms", …): the
   * completion catalog and the wrong-character rule's phrase book read the same files.
   */
  snippets(): Readonly<Record<string, SnippetFile>> | undefined;
  /**
   * The word trigram language model (server/data/lm.bin from scripts/build-lm.mjs, CC BY-SA 3.0), made from
   * the file's bytes with `LanguageModel.fromBytes`. Optional: without it the wrong-character rule judges by
   * word frequencies alone.
   */
  languageModel?(): LanguageModel | undefined;
  /**
   * More candidates for the wrong-character rule (server/data/char-variants.json from
   * scripts/wrongchar-data/gen-variants.mjs): other readings of polyphones, characters that contain one
   * another, characters that share a rare component. Optional: without it the other candidates are used.
   */
  charVariants?(): CharVariants | undefined;
  /**
   * The wrong-character rule's tables from the prebuilt file (server/data/jieba/wrongchar.bin, see
   * wrongchar/prebuilt.ts). Optional: without it (missing, stale: the host has said so) the rule builds
   * them from the tables above, with the same results, only slower to start.
   */
  wrongCharPrebuilt?(): WrongCharPrebuilt | undefined;
}

/** The content of server/data/char-variants.json: strings of characters (syllables for `poly`) by character. */
export interface CharVariants {
  poly: Readonly<Record<string, string>>;
  parts: Readonly<Record<string, string>>;
  shares: Readonly<Record<string, string>>;
}
