// Writes the wrong-character rule's prebuilt tables (server/data/jieba/wrongchar.bin, see
// engine/wrongchar/prebuilt.ts) from the JSON data, jieba's word frequencies and the language model: run by
// scripts/build.mjs after the prebuilt dictionaries, and usable alone:
// `node out/server/src/host/buildWrongChar.js [OUT_DIR]`.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CompactLexicon, type Lexicon } from '../engine/lexicon';
import { wrongCharTables } from '../engine/wrongchar/data';
import { wordIndexes } from '../engine/wrongchar/indexes';
import { encodeWrongCharTables, WRONGCHAR_FILE } from '../engine/wrongchar/prebuilt';
import { prebuiltDirectory } from '../segmentation/jieba';
import { loadLexiconData } from '../segmentation/lexicon';
import { diskEngineData, type DiskDataOptions } from './data';
import { wrongCharFingerprint } from './wrongCharPrebuilt';

/** The file's bytes for `lexicon` and the data found with `options` (the tables built as the JSON path builds them). */
export function buildWrongCharFile(lexicon: Lexicon, options: DiskDataOptions, sources: Parameters<typeof wrongCharFingerprint>[0]): Uint8Array {
  const errors: string[] = [];
  const data = diskEngineData({ ...options, prebuiltDir: false, onError: (message) => errors.push(message) });
  const tables = wrongCharTables(data);
  const model = data.languageModel?.();
  if (!tables || !model || errors.length) throw new Error(`无法生成错别字预编译表：${errors.join('；') || '数据不全'}`);
  const indexes = wordIndexes(lexicon, tables);
  if (!indexes) throw new Error('无法生成错别字预编译表：词频词典不能列出其词');
  const modelWords = Array.from({ length: model.size }, (_, id) => model.word(id));
  return encodeWrongCharTables(
    {
      knownWords: tables.knownWords,
      knownWordList: data.knownWords()!,
      phrases: tables.phrases,
      lexicon,
      bigrams: indexes.bigrams,
      wild: indexes.wild,
      pairs: indexes.pairs,
      modelWords,
      modelSize: fs.statSync(sources.model).size,
    },
    wrongCharFingerprint(sources),
  );
}

/** Writes wrongchar.bin into `dir` (atomically). */
export function writeWrongCharPrebuilt(dir: string): void {
  const loaded = loadLexiconData();
  if (!loaded.ok) throw new Error(loaded.error);
  const root = path.join(__dirname, '..', '..', '..', '..');
  const sources = {
    pinyin: path.join(root, 'server', 'data', 'char-pinyin.json'),
    knownWords: path.join(root, 'server', 'data', 'known-words.json'),
    snippetDir: path.join(root, 'snippets'),
    model: path.join(root, 'server', 'data', 'lm.bin'),
  };
  const options = { dataDirs: [path.join(root, 'server', 'data')], snippetDirs: [sources.snippetDir] };
  const bytes = buildWrongCharFile(new CompactLexicon(loaded.data), options, sources);
  fs.mkdirSync(dir, { recursive: true });
  const temporary = path.join(dir, `${WRONGCHAR_FILE}.${process.pid}.tmp`);
  fs.writeFileSync(temporary, bytes);
  fs.renameSync(temporary, path.join(dir, WRONGCHAR_FILE));
}

if (require.main === module) {
  writeWrongCharPrebuilt(path.resolve(process.argv[2] ?? prebuiltDirectory()));
}
