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
 * FNV-1a over the build key and the sources' bytes (the model: its size; it is 16 MB and changes only with
 * its build script). Reading ~0.4 MB at start is what a stale file would otherwise cost in wrong answers.
 * JSON is taken without the white space between its tokens: tsc copies the data files into out/ reformatted.
 */
export function wrongCharFingerprint(files: WrongCharSourceFiles): number {
  let h = 0x811c9dc5;
  const mix = (bytes: Uint8Array) => {
    for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193);
  };
  const mixJson = (bytes: Uint8Array) => {
    let inString = false;
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i];
      if (inString) {
        if (b === 0x5c) {
          h = Math.imul(h ^ b, 0x01000193);
          i++;
          if (i < bytes.length) h = Math.imul(h ^ bytes[i], 0x01000193);
          continue;
        }
        if (b === 0x22) inString = false;
      } else if (b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09) continue;
      else if (b === 0x22) inString = true;
      h = Math.imul(h ^ b, 0x01000193);
    }
  };
  mix(Buffer.from(wrongCharBuildKey()));
  mixJson(fs.readFileSync(files.pinyin));
  mixJson(fs.readFileSync(files.knownWords));
  for (const name of fs.readdirSync(files.snippetDir).filter((f) => f.endsWith('.json')).sort()) {
    mix(Buffer.from(name));
    mixJson(fs.readFileSync(path.join(files.snippetDir, name)));
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
