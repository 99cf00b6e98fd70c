import * as fs from 'node:fs';
import { isHanCode } from '../engine/chars';
import { LexiconData } from '../engine/lexicon';
import { checkDictionary, jiebaSources, prebuiltDirectory } from './jieba';
import { loadLexiconTables, sourceFingerprint } from './prebuilt';

/** Words longer than this are left out of the lexicon: the rules look at short windows only. */
export const MAX_LEXICON_WORD = 4;
/** The words the lexicon keeps (as a pattern: for tests and other tools). */
export const HAN_WORD = new RegExp(`^[\\u3400-\\u4dbf\\u4e00-\\u9fff]{1,${MAX_LEXICON_WORD}}$`);

/** `notice`: why the prebuilt frequencies were not used (the dictionary was parsed instead). */
export type LexiconLoad = { ok: true; data: LexiconData; milliseconds: number; notice?: string } | { ok: false; error: string };

/** The path of nodejieba's main dictionary (`word freq tag` lines), or an error. Never throws. */
export function jiebaDictionaryPath(): { path: string; sources: string[] } | { error: string } {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const module = require('nodejieba') as { DEFAULT_DICT: string; DEFAULT_HMM_DICT: string; DEFAULT_USER_DICT: string };
    const file: unknown = module.DEFAULT_DICT;
    if (typeof file !== 'string') return { error: '分词组件未提供词典路径' };
    return { path: file, sources: jiebaSources(module) };
  } catch (error) {
    return { error: `无法加载分词组件 nodejieba：${(error as Error).message}` };
  }
}

/**
 * Reads a frequency dictionary into compact lexicon data: Chinese words of up to four characters
 * (sizes in docs/notes/perf.md). Without `file`: nodejieba's dictionary, from the prebuilt file when there is
 * one (`buffer`: its bytes, read by another thread). The path is checked first. Never throws.
 */
export function loadLexiconData(file?: string, buffer?: ArrayBufferLike): LexiconLoad {
  const started = Date.now();
  let notice: string | undefined;
  if (file === undefined) {
    const found = jiebaDictionaryPath();
    if ('error' in found) return { ok: false, error: found.error };
    const prebuilt = loadLexiconTables(prebuiltDirectory(), sourceFingerprint(found.sources), buffer);
    if (prebuilt.ok) return { ok: true, data: prebuilt.value, milliseconds: Date.now() - started };
    notice = `${prebuilt.error}，改为解析词频词典（启动较慢；运行 npm run build 可重新生成）`;
    file = found.path;
  }
  const problem = checkDictionary(file);
  if (problem) return { ok: false, error: `词频词典不可用：${problem}` };
  try {
    const data = parseHanLexicon(fs.readFileSync(file));
    if (data.frequencies.length === 0) return { ok: false, error: `词频词典 ${file} 中没有可用的词` };
    return { ok: true, data, milliseconds: Date.now() - started, notice };
  } catch (error) {
    return { ok: false, error: `无法读取词频词典 ${file}：${(error as Error).message}` };
  }
}

/** A Han character of the lexicon (isHanCode: U+3400–U+4DBF, U+4E00–U+9FFF) mapped to 1…RANKS-1 (order kept), or 0. */
function hanRank(code: number): number {
  return isHanCode(code) ? code - 0x3400 + 1 : 0;
}
const RANKS = 0x9fff - 0x3400 + 2;

/**
 * Parses a jieba-format dictionary (UTF-8 `word frequency [tag]` lines) straight from its bytes into
 * lexicon data, keeping the words of 1–MAX_LEXICON_WORD Han characters (HAN_WORD). Gives exactly what
 * `buildLexiconData` gives for those words, but creates no string or object per word: the dictionary's
 * hundreds of thousands of lines used to cost a large JavaScript heap (resident memory that V8 then
 * kept); this needs typed arrays only (figures in docs/notes/perf.md).
 */
export function parseHanLexicon(bytes: Uint8Array): LexiconData {
  const W = MAX_LEXICON_WORD;
  let lines = 1;
  for (let i = bytes.indexOf(10); i >= 0; i = bytes.indexOf(10, i + 1)) lines++;
  // Per kept word: its characters' ranks (0 pads a shorter word, so that a prefix sorts first, as in
  // UTF-16 code unit order) and its frequency.
  const ranks = new Uint16Array(lines * W);
  const frequencies = new Float64Array(lines);
  let count = 0;
  let start = 0;
  const end = bytes.length;
  while (start < end) {
    let lineEnd = bytes.indexOf(10, start);
    if (lineEnd < 0) lineEnd = end;
    // The word: up to the first space or tab; then the frequency's digits right after it.
    let i = start;
    let chars = 0;
    let ok = true;
    while (i < lineEnd && bytes[i] !== 32 && bytes[i] !== 9) {
      // Every Han character of the kept ranges is a 3-byte UTF-8 sequence.
      const b0 = bytes[i];
      const b1 = bytes[i + 1];
      const b2 = bytes[i + 2];
      const rank = (b0 & 0xf0) === 0xe0 && i + 2 < lineEnd && (b1 & 0xc0) === 0x80 && (b2 & 0xc0) === 0x80 ? hanRank(((b0 & 0x0f) << 12) | ((b1 & 0x3f) << 6) | (b2 & 0x3f)) : 0;
      if (rank === 0 || chars === W) {
        ok = false;
        break;
      }
      ranks[count * W + chars++] = rank;
      i += 3;
    }
    let digits = 0;
    if (ok && chars > 0 && i < lineEnd) {
      let f = 0;
      for (let k = i + 1; k < lineEnd; k++) {
        const c = bytes[k];
        if (c < 48 || c > 57) break;
        f = f * 10 + (c - 48);
        digits++;
      }
      if (digits > 0) frequencies[count++] = Math.max(0, Math.min(0xffffffff, Math.round(f)));
    }
    if (digits === 0) ranks.fill(0, count * W, count * W + W);
    start = lineEnd + 1;
  }

  // Radix sort (least significant character first; each pass a stable counting sort).
  let order = new Uint32Array(count);
  let next = new Uint32Array(count);
  for (let k = 0; k < count; k++) order[k] = k;
  const buckets = new Uint32Array(RANKS + 1);
  for (let c = W - 1; c >= 0; c--) {
    buckets.fill(0);
    for (let k = 0; k < count; k++) buckets[ranks[order[k] * W + c] + 1]++;
    for (let r = 1; r <= RANKS; r++) buckets[r] += buckets[r - 1];
    for (let k = 0; k < count; k++) next[buckets[ranks[order[k] * W + c]]++] = order[k];
    [order, next] = [next, order];
  }

  // Sorted and without repeats (a repeated word keeps its highest frequency).
  const units = new Uint16Array(count * W);
  const offsets = new Uint32Array(count + 1);
  const kept = new Uint32Array(count);
  let size = 0;
  let pos = 0;
  let total = 0;
  for (let k = 0; k < count; k++) {
    const e = order[k] * W;
    if (size > 0) {
      const p = order[k - 1] * W;
      let same = true;
      for (let c = 0; c < W && same; c++) same = ranks[p + c] === ranks[e + c];
      if (same) {
        const f = frequencies[order[k]];
        if (f > kept[size - 1]) {
          total += f - kept[size - 1];
          kept[size - 1] = f;
        }
        continue;
      }
    }
    offsets[size] = pos;
    for (let c = 0; c < W && ranks[e + c] !== 0; c++) units[pos++] = ranks[e + c] + 0x3400 - 1;
    kept[size] = frequencies[order[k]];
    total += kept[size];
    size++;
  }
  offsets[size] = pos;
  // TextDecoder rather than Buffer: the web extension's server parses the dictionary too (no Buffer there).
  const words = new TextDecoder('utf-16le').decode(units.subarray(0, pos));
  return { words, offsets: offsets.slice(0, size + 1), frequencies: kept.slice(0, size), total };
}
