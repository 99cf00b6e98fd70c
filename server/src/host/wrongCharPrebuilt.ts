// The wrong-character rule's prebuilt tables (engine/wrongchar/prebuilt.ts) on disk: where the file is, the
// fingerprint of the data files it was made from, and reading it (or taking its bytes from another thread).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { decodeWrongCharTables, WRONGCHAR_FILE, wrongCharBuildKey, type WrongCharPrebuilt } from '../engine/wrongchar/prebuilt';
import { readBuffer } from '../segmentation/prebuilt';

/** What the tables are made from, besides jieba's dictionary (whose size and total the engine compares itself). */
export interface WrongCharSourceFiles {
  pinyin: string;
  knownWords: string;
  snippetDir: string;
  model: string;
}

/**
 * FNV-1a over the build key and the sources' bytes, four at a time (the model: its size; it is 16 MB and
 * changes only with its build script). Reading and hashing ~0.4 MB at start (~2 ms) is what a stale file
 * would otherwise cost in wrong answers — an edited word list or PARAMS before `npm run eval`, which does
 * not rebuild the file. The host hashes the original data files, not tsc's reformatted copies in out/.
 */
export function wrongCharFingerprint(files: WrongCharSourceFiles): number {
  let h = 0x811c9dc5;
  const mix = (bytes: Uint8Array) => {
    const words = bytes.byteLength >> 2;
    const aligned = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
    const view = new Int32Array(aligned.buffer, aligned.byteOffset, words);
    for (let i = 0; i < words; i++) h = Math.imul(h ^ view[i], 0x01000193);
    for (let i = words << 2; i < bytes.byteLength; i++) h = Math.imul(h ^ bytes[i], 0x01000193);
    h = Math.imul(h ^ bytes.byteLength, 0x01000193);
  };
  mix(Buffer.from(wrongCharBuildKey()));
  mix(fs.readFileSync(files.pinyin));
  mix(fs.readFileSync(files.knownWords));
  for (const name of fs.readdirSync(files.snippetDir).filter((f) => f.endsWith('.json')).sort()) {
    mix(Buffer.from(name));
    mix(fs.readFileSync(path.join(files.snippetDir, name)));
  }
  mix(Buffer.from(String(fs.statSync(files.model).size)));
  return h >>> 0;
}

/** The notice's second half: what happens instead. */
export const WRONGCHAR_FALLBACK = '改由数据文件生成错别字表（启动较慢；运行 npm run build 可重新生成）';

/**
 * The tables from `file` (or from `buffer`, its bytes read by another thread). Throws an Error with a
 * Chinese message when the file is missing, unreadable, corrupt or made from other sources.
 */
export function readWrongCharPrebuilt(file: string, sources: WrongCharSourceFiles, buffer?: ArrayBufferLike): WrongCharPrebuilt {
  let bytes = buffer;
  if (!bytes) {
    try {
      bytes = readBuffer(file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new Error(code === 'ENOENT' ? `找不到错别字预编译表 ${file}` : `无法读取错别字预编译表 ${file}（${code ?? (error as Error).message}）`);
    }
  }
  let fingerprint: number;
  try {
    fingerprint = wrongCharFingerprint(sources);
  } catch (error) {
    throw new Error(`错别字预编译表 ${file} 不可用：无法读取其数据来源（${(error as NodeJS.ErrnoException).code ?? (error as Error).message}）`);
  }
  const tables = decodeWrongCharTables(bytes, fingerprint);
  if (typeof tables === 'string') throw new Error(`错别字预编译表 ${file} 不可用：${tables}`);
  return tables;
}

export { WRONGCHAR_FILE };
