// nodejieba compiled to WebAssembly (server/wasm/, built by scripts/build-wasm.mjs from the same C++ and
// dictionaries as the native addon, with the same patches): the segmenter where the native addon cannot
// load (another platform, the universal package, the browser). `instantiateWasmJieba` needs no disk: the
// host passes the .wasm and the dictionaries as bytes, written into the module's in-memory file system.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type * as EmnapiRuntime from '@emnapi/runtime';
import type { Jieba, JiebaLoad } from './jieba';

/** The five files nodejieba's load() takes, by its option names. */
export type JiebaFileName = 'dict' | 'hmmDict' | 'userDict' | 'idfDict' | 'stopWordDict';
export type JiebaDictionaries = Record<JiebaFileName, Uint8Array>;

/** The binding the WebAssembly build exports: nodejieba's native one (lib/nodejieba.cpp). */
interface WasmBinding {
  load(dict: string, hmm: string, user: string, idf: string, stopWords: string, share: boolean): boolean;
  cut(text: string, hmm: boolean): string[];
  cutLengths(text: string, hmm: boolean): Uint32Array;
  insertWord(word: string): boolean;
}

/** What the emscripten glue (server/wasm/nodejieba.js) adds to the module object it is given. */
interface EmscriptenModule {
  wasmBinary: Uint8Array;
  print(text: string): void;
  printErr(text: string): void;
  FS?: { mkdir(dir: string): void; writeFile(file: string, data: Uint8Array): void };
  emnapiInit?(options: { context: unknown }): WasmBinding;
}

/** The glue's module factory (emscripten -sMODULARIZE). */
export type NodejiebaFactory = (module: EmscriptenModule) => unknown;

const FILE_NAMES: Record<JiebaFileName, string> = {
  dict: 'jieba.dict.utf8',
  hmmDict: 'hmm_model.utf8',
  userDict: 'user.dict.utf8',
  idfDict: 'idf.utf8',
  stopWordDict: 'stop_words.utf8',
};

/**
 * Lone surrogates as U+FFFD, which is what V8 hands the native addon (and what its lengths count);
 * emnapi's UTF-8 encoder would pair a lone high surrogate with the next character instead.
 */
const toWellFormed: (text: string) => string =
  typeof (String.prototype as { toWellFormed?: unknown }).toWellFormed === 'function'
    ? (text) => (text as string & { toWellFormed(): string }).toWellFormed()
    : (text) => text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');

/**
 * Instantiates the module synchronously (the build compiles synchronously: Node.js and web workers allow
 * it), loads the dictionaries from bytes and inserts the user words. Throws on failure.
 */
export function instantiateWasmJieba(factory: NodejiebaFactory, wasmBinary: Uint8Array, dictionaries: JiebaDictionaries, userWords: readonly string[] = []): Jieba {
  // The C++ side logs to stderr only; nothing may reach stdout (the language server talks LSP there).
  const module: EmscriptenModule = { wasmBinary, print: (text) => console.error(text), printErr: (text) => console.error(text) };
  factory(module);
  if (!module.FS || !module.emnapiInit) throw new Error('WebAssembly 模块未能同步初始化');
  module.FS.mkdir('/dict');
  const paths = {} as Record<JiebaFileName, string>;
  for (const name of Object.keys(FILE_NAMES) as JiebaFileName[]) {
    paths[name] = `/dict/${FILE_NAMES[name]}`;
    module.FS.writeFile(paths[name], dictionaries[name]);
  }
  // Required on first use, not at start: scripts/build.mjs bundles it apart (a check of a text file never needs it).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { getDefaultContext } = require('@emnapi/runtime') as typeof EmnapiRuntime;
  const binding = module.emnapiInit({ context: getDefaultContext() });
  if (!binding.load(paths.dict, paths.hmmDict, paths.userDict, paths.idfDict, paths.stopWordDict, true)) throw new Error('词典加载失败');
  for (const word of userWords) binding.insertWord(word);
  binding.cut('公文写作', true);
  return {
    wordLengths: (text) => binding.cutLengths(toWellFormed(text), true),
    cut: (text) => binding.cut(toWellFormed(text), true),
    nativeLengths: true,
    engine: 'wasm',
  };
}

/** The directory of nodejieba.js and nodejieba.wasm below the package root. */
export function wasmDirectory(packageRoot: string): string {
  return path.join(packageRoot, 'server', 'wasm');
}

/** Loads the WebAssembly build in Node.js with the dictionaries at `files` (already checked). Never throws. */
export function loadWasmJieba(packageRoot: string, files: Record<JiebaFileName, string>, userWords: readonly string[], started = Date.now()): JiebaLoad {
  const dir = wasmDirectory(packageRoot);
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const factory = require(path.join(dir, 'nodejieba.js')) as NodejiebaFactory;
    const wasm = fs.readFileSync(path.join(dir, 'nodejieba.wasm'));
    const dictionaries = {} as JiebaDictionaries;
    for (const name of Object.keys(files) as JiebaFileName[]) dictionaries[name] = fs.readFileSync(files[name]);
    const jieba = instantiateWasmJieba(factory, wasm, dictionaries, userWords);
    return { ok: true, jieba, milliseconds: Date.now() - started };
  } catch (error) {
    return { ok: false, error: `WebAssembly 分词组件（${dir}）初始化失败：${(error as Error).message}` };
  }
}
