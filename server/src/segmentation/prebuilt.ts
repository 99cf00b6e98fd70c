// The prebuilt dictionaries (written by `node scripts/build.mjs`, read at start with no parsing): nodejieba's
// main and user dictionaries and HMM model as a trie in typed arrays for the JavaScript segmenter
// (jsJieba.ts), and the word frequencies as lexicon data, in the section format of engine/sectionFile.ts.
import { decodeSections, encodeSections, type Section, type SectionFileKind, type SectionKind } from '../engine/sectionFile';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LexiconData } from '../engine/lexicon';

/** Bumped whenever a file's layout or the way it is built changes: an older file is then rebuilt or ignored. */
export const PREBUILT_VERSION = 1;
const FILE_KIND: SectionFileKind = { magic: 0x4a57_4721 /* "!GWJ" */, version: PREBUILT_VERSION, name: '预编译词典', stale: '与当前的分词词典不符（词典已更新）' };

export const SEGMENTER_FILE = 'segmenter.bin';
export const LEXICON_FILE = 'lexicon.bin';

/** What the JavaScript segmenter needs (see jsJieba.ts for what each part means). */
export interface SegmenterTables {
  /** Trie nodes in breadth-first order, node 0 the root: the code point leading to the node, */
  runes: Int32Array;
  /** the range childStart[n]..childStart[n+1] of its children (sorted by code point), */
  childStart: Int32Array;
  /** and the weight of the word ending there (log of its share of the corpus), NaN for none. */
  weights: Float64Array;
  /** The root's child for each BMP code point, -1 for none. */
  rootChildren: Int32Array;
  /** [minimum weight, median weight] of the main dictionary: unknown characters and user words. */
  weightStats: Float64Array;
  /** Single-character words of the user dictionary (the HMM leaves them alone). */
  userSingles: Int32Array;
  /** HMM: start probabilities (4), transitions (4 × 4). */
  hmmStart: Float64Array;
  hmmTrans: Float64Array;
  /** HMM emissions: sorted code points, and 4 log probabilities per code point (B, E, M, S; -3.14e100 for none). */
  emitRunes: Int32Array;
  emitProbs: Float64Array;
}

const SEGMENTER_LAYOUT: [keyof SegmenterTables, SectionKind][] = [
  ['runes', 'i32'],
  ['childStart', 'i32'],
  ['weights', 'f64'],
  ['rootChildren', 'i32'],
  ['weightStats', 'f64'],
  ['userSingles', 'i32'],
  ['hmmStart', 'f64'],
  ['hmmTrans', 'f64'],
  ['emitRunes', 'i32'],
  ['emitProbs', 'f64'],
];

/** Lexicon data as stored: the words as UTF-16 code units, and the prebuilt hash slots. */
interface LexiconSections {
  units: Uint16Array;
  offsets: Uint32Array;
  frequencies: Uint32Array;
  total: Float64Array;
  hashSlots: Int32Array;
}
const LEXICON_LAYOUT: [keyof LexiconSections, SectionKind][] = [
  ['units', 'u16'],
  ['offsets', 'u32'],
  ['frequencies', 'u32'],
  ['total', 'f64'],
  ['hashSlots', 'i32'],
];

/** Reads a whole file into an ArrayBuffer of its own (shared: a SharedArrayBuffer), 8-byte aligned. */
export function readBuffer(file: string, shared = false): ArrayBufferLike {
  const fd = fs.openSync(file, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    const buffer = shared ? new SharedArrayBuffer(size) : new ArrayBuffer(size);
    const bytes = new Uint8Array(buffer);
    let read = 0;
    while (read < size) {
      const n = fs.readSync(fd, bytes, read, size - read, read);
      if (n === 0) break;
      read += n;
    }
    if (read !== size) throw new Error('读取不完整');
    return buffer;
  } finally {
    fs.closeSync(fd);
  }
}

/** The bytes of both prebuilt files, read once and shared by threads (`gongwen check --jobs N`). */
export interface PrebuiltBuffers {
  segmenter?: ArrayBufferLike;
  lexicon?: ArrayBufferLike;
}

/** Both files of `dir` in SharedArrayBuffers; a file that cannot be read is left out (its reader reports why). */
export function readSharedPrebuilt(dir: string): PrebuiltBuffers {
  const read = (name: string) => {
    try {
      return readBuffer(path.join(dir, name), true);
    } catch {
      return undefined;
    }
  };
  return { segmenter: read(SEGMENTER_FILE), lexicon: read(LEXICON_FILE) };
}

export type Prebuilt<T> = { ok: true; value: T } | { ok: false; error: string };

function load(dir: string, name: string, layout: [string, SectionKind][], fingerprint: number | undefined, given?: ArrayBufferLike): Prebuilt<Record<string, Section>> {
  const file = path.join(dir, name);
  let buffer = given;
  if (!buffer) {
    try {
      buffer = readBuffer(file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      return { ok: false, error: code === 'ENOENT' ? `找不到预编译词典 ${file}` : `无法读取预编译词典 ${file}（${code ?? (error as Error).message}）` };
    }
  }
  const sections = decodeSections(buffer, FILE_KIND, layout, fingerprint);
  return typeof sections === 'string' ? { ok: false, error: `预编译词典 ${file} 不可用：${sections}` } : { ok: true, value: sections };
}

/** The segmenter's tables from `dir` (or from `buffer`, the file's bytes read by another thread). Never throws. */
export function loadSegmenterTables(dir: string, fingerprint?: number, buffer?: ArrayBufferLike): Prebuilt<SegmenterTables> {
  const loaded = load(dir, SEGMENTER_FILE, SEGMENTER_LAYOUT, fingerprint, buffer);
  if (!loaded.ok) return loaded;
  const t = loaded.value as unknown as SegmenterTables;
  const nodes = t.runes.length;
  if (nodes === 0 || t.childStart.length !== nodes + 1 || t.weights.length !== nodes || t.rootChildren.length !== 0x10000 || t.weightStats.length !== 2 || t.hmmStart.length !== 4 || t.hmmTrans.length !== 16 || t.emitProbs.length !== 4 * t.emitRunes.length || t.childStart[nodes] !== nodes) {
    return { ok: false, error: `预编译词典 ${path.join(dir, SEGMENTER_FILE)} 不可用：数据不一致` };
  }
  return { ok: true, value: t };
}

/** The word frequencies from `dir` (or from `buffer`). Never throws. */
export function loadLexiconTables(dir: string, fingerprint?: number, buffer?: ArrayBufferLike): Prebuilt<LexiconData> {
  const loaded = load(dir, LEXICON_FILE, LEXICON_LAYOUT, fingerprint, buffer);
  if (!loaded.ok) return loaded;
  const s = loaded.value as unknown as LexiconSections;
  const count = s.frequencies.length;
  if (count === 0 || s.offsets.length !== count + 1 || s.offsets[count] !== s.units.length || s.total.length !== 1) {
    return { ok: false, error: `预编译词典 ${path.join(dir, LEXICON_FILE)} 不可用：数据不一致` };
  }
  const words = Buffer.from(s.units.buffer, s.units.byteOffset, s.units.byteLength).toString('utf16le');
  return { ok: true, value: { words, offsets: s.offsets, frequencies: s.frequencies, total: s.total[0], hashSlots: s.hashSlots } };
}

export function encodeSegmenterTables(tables: SegmenterTables, fingerprint: number): Uint8Array {
  return encodeSections(FILE_KIND, fingerprint, SEGMENTER_LAYOUT.map(([name]) => tables[name]));
}

export function encodeLexiconTables(data: LexiconData & { hashSlots: Int32Array }, fingerprint: number): Uint8Array {
  const units = new Uint16Array(data.words.length);
  for (let i = 0; i < units.length; i++) units[i] = data.words.charCodeAt(i);
  return encodeSections(FILE_KIND, fingerprint, [units, data.offsets, data.frequencies, new Float64Array([data.total]), data.hashSlots]);
}

/**
 * A cheap fingerprint of the dictionary files a prebuilt file was made from (their sizes; modification
 * times do not survive packaging): a file made from other dictionaries (nodejieba updated) is not used.
 */
export function sourceFingerprint(files: readonly string[]): number | undefined {
  let h = 0x811c9dc5;
  try {
    for (const file of files) {
      const stat = fs.statSync(file);
      h = Math.imul(h ^ (stat.size % 0x1_0000_0000), 0x01000193);
    }
  } catch {
    return undefined;
  }
  return h >>> 0;
}
