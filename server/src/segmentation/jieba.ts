import * as fs from 'node:fs';
import * as path from 'node:path';
import { lengthsOf } from '../engine/segmentation';
import { JsJieba } from './jsJieba';
import { loadSegmenterTables, PrebuiltBuffers, sourceFingerprint } from './prebuilt';
import { loadWasmJieba } from './wasmJieba';

/** The part of nodejieba that gongwen uses. */
interface NodeJieba {
  cut(text: string, hmm: boolean): string[];
  /** Added by patches/nodejieba+3.5.8.patch: `cut`'s word lengths in UTF-16 code units, without a string per word. */
  cutLengths?(text: string, hmm: boolean): Uint32Array;
  insertWord(word: string): boolean;
}

/** Loaded segmentation (HMM on for words the dictionary lacks). */
export interface Jieba {
  /** The word lengths of `text` in UTF-16 code units (see Segmenter.wordLengths). */
  wordLengths(text: string): Uint32Array;
  /** The words of `text` (for tests and tools; the engine uses `wordLengths`). */
  cut(text: string): string[];
  /** Whether `wordLengths` is the patched binary's native call (else it is computed from `cut`'s words). */
  readonly nativeLengths: boolean;
  /**
   * Which build segments: the JavaScript port on the prebuilt tables (the default), the native addon or
   * its WebAssembly build (same C++, same words).
   */
  readonly engine: 'js' | 'native' | 'wasm';
}

/** `notice`: why the prebuilt tables were not used (segmentation works, only slower to start). */
export type JiebaLoad = { ok: true; jieba: Jieba; milliseconds: number; notice?: string } | { ok: false; error: string };

/** The project root: where package.json and server/data live (dist/, out/… are below it). */
export function packageRoot(): string {
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    if (fs.existsSync(path.join(dir, 'server', 'data', 'jieba'))) return dir;
    dir = path.dirname(dir);
  }
  return path.resolve(__dirname, '..');
}

/** nodejieba aborts the whole process on a missing or empty dictionary, so every path is checked first. */
export function checkDictionary(file: string): string | undefined {
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) return `${file} 不是文件`;
    if (stat.size === 0) return `${file} 是空文件`;
    fs.accessSync(file, fs.constants.R_OK);
    return undefined;
  } catch {
    return `找不到词典文件 ${file}`;
  }
}

/**
 * Which segmenter GONGWEN_SEGMENTER asks for: `js`, `native`, `wasm`, or (unset) the JavaScript port with
 * the native addon, then WebAssembly, as fallbacks.
 */
export function segmenterChoice(): 'js' | 'native' | 'wasm' | 'auto' {
  const value = process.env.GONGWEN_SEGMENTER;
  return value === 'js' || value === 'native' || value === 'wasm' ? value : 'auto';
}

/** Where the prebuilt tables are (written by scripts/build.mjs; GONGWEN_PREBUILT_DIR: elsewhere, for tests and packagers). */
export function prebuiltDirectory(): string {
  return process.env.GONGWEN_PREBUILT_DIR || path.join(packageRoot(), 'server', 'data', 'jieba');
}

/** nodejieba's main dictionary, HMM model and user dictionary (what the prebuilt tables are made of). */
export function jiebaSources(module: { DEFAULT_DICT: string; DEFAULT_HMM_DICT: string; DEFAULT_USER_DICT: string }): string[] {
  return [module.DEFAULT_DICT, module.DEFAULT_HMM_DICT, module.DEFAULT_USER_DICT];
}

/**
 * The JavaScript segmenter on the prebuilt tables (`buffer`: the file's bytes, read by another thread),
 * or why not. Never throws.
 */
export function loadJsJieba(userWords: readonly string[] = [], buffer?: ArrayBufferLike): JiebaLoad {
  const started = Date.now();
  let fingerprint: number | undefined;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    fingerprint = sourceFingerprint(jiebaSources(require('nodejieba')));
  } catch {
    // Without nodejieba's files there is nothing to compare with: the tables are used as they are.
  }
  const tables = loadSegmenterTables(prebuiltDirectory(), fingerprint, buffer);
  if (!tables.ok) return { ok: false, error: tables.error };
  const jieba = new JsJieba(tables.value);
  for (const word of userWords) jieba.insertWord(word);
  return { ok: true, jieba, milliseconds: Date.now() - started };
}

/**
 * Loads nodejieba with its own main dictionary and HMM model and our small idf/stop-word stand-ins.
 * User words are inserted at run time (never through a user dictionary path). When the native addon
 * cannot load (no binary for this platform: the universal package), its WebAssembly build segments with
 * the same dictionaries; GONGWEN_SEGMENTER=native|wasm forces one (tests, benchmarks). Never throws.
 */
export function loadJieba(userWords: readonly string[] = [], prebuilt?: PrebuiltBuffers): JiebaLoad {
  const started = Date.now();
  const choice = segmenterChoice();
  let notice: string | undefined;
  // The prebuilt tables are made from nodejieba's default dictionaries: not for GONGWEN_JIEBA_DICT_DIR.
  if ((choice === 'auto' || choice === 'js') && !process.env.GONGWEN_JIEBA_DICT_DIR) {
    const js = loadJsJieba(userWords, prebuilt?.segmenter);
    if (js.ok || choice === 'js') return js;
    notice = `${js.error}，改由 nodejieba 读取词典（启动较慢；运行 npm run build 可重新生成）`;
  }
  const loaded = loadNativeJieba(userWords, choice, started);
  return loaded.ok && notice ? { ...loaded, notice } : loaded;
}

function loadNativeJieba(userWords: readonly string[], choice: ReturnType<typeof segmenterChoice>, started: number): JiebaLoad {
  let module: NodeJieba & { load(options: Record<string, string | boolean>): unknown; DEFAULT_DICT: string; DEFAULT_HMM_DICT: string; DEFAULT_USER_DICT: string };
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    module = require('nodejieba');
  } catch (error) {
    return { ok: false, error: `无法加载分词组件 nodejieba：${(error as Error).message}` };
  }
  const data = path.join(packageRoot(), 'server', 'data', 'jieba');
  // GONGWEN_JIEBA_DICT_DIR replaces every dictionary path by files of that directory (jieba.dict.utf8,
  // hmm_model.utf8, user.dict.utf8, idf.utf8, stop_words.utf8): for tests of the failure path, and for
  // packagers who ship the dictionaries elsewhere. The paths are checked below like any other.
  const override = process.env.GONGWEN_JIEBA_DICT_DIR;
  const file = (name: string, fallback: string) => (override ? path.join(override, name) : fallback);
  const dictionaries = {
    dict: file('jieba.dict.utf8', module.DEFAULT_DICT),
    hmmDict: file('hmm_model.utf8', module.DEFAULT_HMM_DICT),
    userDict: file('user.dict.utf8', module.DEFAULT_USER_DICT),
    idfDict: file('idf.utf8', path.join(data, 'idf.utf8')),
    stopWordDict: file('stop_words.utf8', path.join(data, 'stop_words.utf8')),
  };
  for (const file of Object.values(dictionaries)) {
    const problem = checkDictionary(file);
    if (problem) return { ok: false, error: `分词词典不可用：${problem}` };
  }
  if (choice === 'wasm') return loadWasmJieba(packageRoot(), dictionaries, userWords, started);
  try {
    // The patched nodejieba shares one dictionary between the threads of a process (its load is the
    // largest cost of a thread's start): a thread that inserts user words, which change a dictionary,
    // loads one of its own.
    module.load({ ...dictionaries, shared: userWords.length === 0 });
    for (const word of userWords) module.insertWord(word);
    // Warm up: the first cut builds internal tables.
    module.cut('公文写作', true);
  } catch (error) {
    const nativeError = `分词组件初始化失败：${(error as Error).message}`;
    if (choice === 'native') return { ok: false, error: nativeError };
    const wasm = loadWasmJieba(packageRoot(), dictionaries, userWords, started);
    return wasm.ok ? wasm : { ok: false, error: `${nativeError}；${wasm.error}` };
  }
  const nodejieba = module;
  const nativeLengths = typeof nodejieba.cutLengths === 'function';
  const jieba: Jieba = {
    wordLengths: nativeLengths ? (text) => nodejieba.cutLengths!(text, true) : (text) => lengthsOf(nodejieba.cut(text, true)),
    cut: (text) => nodejieba.cut(text, true),
    nativeLengths,
    engine: 'native',
  };
  return { ok: true, jieba, milliseconds: Date.now() - started };
}
