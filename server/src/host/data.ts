import * as fs from 'node:fs';
import * as path from 'node:path';
import type { SnippetFile } from '../engine/completion';
import type { CharVariants, EngineData } from '../engine/data';
import { LanguageModel } from '../engine/lm/model';
import { prebuiltDirectory } from '../segmentation/jieba';
import { readWrongCharPrebuilt, WRONGCHAR_FALLBACK, WRONGCHAR_FILE } from './wrongCharPrebuilt';

/**
 * The engine's data tables (engine/data.ts) read from disk, each on first use and then kept. Found beside
 * the bundles (dist/ → server/data/ and snippets/, also in the .vsix) or beside the compiled sources
 * (out/server/src/host/ → out/server/data/ and the project's snippets/).
 */
const DATA_DIRS = [path.join(__dirname, '..', 'server', 'data'), path.join(__dirname, '..', '..', 'data')];
// lm.bin is no JSON module, so tsc does not copy it to out/: the compiled sources read the project's.
const MODEL_DIRS = [...DATA_DIRS, path.join(__dirname, '..', '..', '..', '..', 'server', 'data')];
// The data files as written (tsc's copies in out/ are reformatted): what wrongchar.bin's fingerprint is of.
const SOURCE_DIRS = [DATA_DIRS[0], path.join(__dirname, '..', '..', '..', '..', 'server', 'data'), DATA_DIRS[1]];
const SNIPPET_DIRS = [path.join(__dirname, '..', 'snippets'), path.join(__dirname, '..', '..', '..', '..', 'snippets')];

/** What a table is for, in the message when it is missing. */
const PURPOSE = '疑似错别字检查已跳过，其余检查照常进行';
const MODEL_PURPOSE = '疑似错别字检查不用上下文语言模型，其余检查照常进行';
const VARIANTS_PURPOSE = '疑似错别字检查只用读音与字形表中的候选字，其余检查照常进行';

export interface DiskDataOptions {
  /** Told once per table that cannot be read, in Chinese (default: nothing). */
  onError?(message: string): void;
  /** Folders to look in instead of the defaults (for tests). */
  dataDirs?: readonly string[];
  modelDirs?: readonly string[];
  snippetDirs?: readonly string[];
  /** Where wrongchar.bin is (default: beside the prebuilt dictionaries); false: build the tables from the JSON data. */
  prebuiltDir?: string | false;
  /** Files' bytes already read by another thread (`gongwen check --jobs N` shares them): no read, no copy. */
  buffers?: SharedDataBuffers;
}

/** The large binary data files' bytes, read once by the main thread and shared with the worker threads. */
export interface SharedDataBuffers {
  wrongChar?: ArrayBufferLike;
  model?: ArrayBufferLike;
}

/** A table read once: the value, or undefined after an error (reported once). */
function once<T>(read: () => T, onError: ((message: string) => void) | undefined, purpose = PURPOSE): () => T | undefined {
  let state: { value: T | undefined } | undefined;
  return () => {
    if (state) return state.value;
    try {
      state = { value: read() };
    } catch (error) {
      state = { value: undefined };
      onError?.(`${(error as Error).message}，${purpose}`);
    }
    return state.value;
  };
}

function readJson(dirs: readonly string[], name: string): unknown {
  const file = dirs.map((dir) => path.join(dir, name)).find((f) => fs.existsSync(f));
  if (!file) throw new Error(`找不到数据文件 ${name}（应在 ${dirs.join(' 或 ')}）`);
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`无法读取数据文件 ${file}（${(error as Error).message}）`);
  }
}

function findFile(dirs: readonly string[], name: string): string {
  const file = dirs.map((dir) => path.join(dir, name)).find((f) => fs.existsSync(f));
  if (!file) throw new Error(`找不到数据文件 ${name}（应在 ${dirs.join(' 或 ')}）`);
  return file;
}

function readBytes(dirs: readonly string[], name: string): Uint8Array {
  return fs.readFileSync(findFile(dirs, name));
}

/** Both binary files in SharedArrayBuffers, for worker threads; a file that cannot be read is left out (its reader reports why). */
export function readSharedDataBuffers(options: Pick<DiskDataOptions, 'prebuiltDir' | 'modelDirs' | 'dataDirs'> = {}): SharedDataBuffers {
  const read = (file: () => string) => {
    try {
      const bytes = fs.readFileSync(file());
      const shared = new SharedArrayBuffer(bytes.byteLength);
      new Uint8Array(shared).set(bytes);
      return shared;
    } catch {
      return undefined;
    }
  };
  const prebuiltDir = options.prebuiltDir ?? prebuiltDirectory();
  return {
    wrongChar: prebuiltDir === false ? undefined : read(() => path.join(prebuiltDir, WRONGCHAR_FILE)),
    model: read(() => findFile(options.modelDirs ?? options.dataDirs ?? MODEL_DIRS, 'lm.bin')),
  };
}

function stringRecord(value: unknown, name: string): Record<string, string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || Object.values(value).some((v) => typeof v !== 'string')) {
    throw new Error(`数据文件 ${name} 的格式不对`);
  }
  return value as Record<string, string>;
}

function charVariants(value: unknown): CharVariants {
  const table = value as Partial<Record<keyof CharVariants, unknown>> | null;
  if (typeof table !== 'object' || table === null) throw new Error('数据文件 char-variants.json 的格式不对');
  return { poly: stringRecord(table.poly, 'char-variants.json'), parts: stringRecord(table.parts, 'char-variants.json'), shares: stringRecord(table.shares, 'char-variants.json') };
}

/** The snippet files by name; a file that does not parse is left out (it only means fewer phrases). */
function readSnippets(dirs: readonly string[]): Record<string, SnippetFile> {
  const dir = dirs.find((d) => fs.existsSync(d));
  if (!dir) throw new Error(`找不到短语文件夹 snippets（应在 ${dirs.join(' 或 ')}）`);
  const files: Record<string, SnippetFile> = {};
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    try {
      const parsed = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as unknown;
      if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) files[file.slice(0, -'.json'.length)] = parsed as SnippetFile;
    } catch {
      // Left out.
    }
  }
  return files;
}

/** The engine's data from disk. */
export function diskEngineData(options: DiskDataOptions = {}): EngineData {
  const dataDirs = options.dataDirs ?? DATA_DIRS;
  const snippetDirs = options.snippetDirs ?? SNIPPET_DIRS;
  const onError = options.onError;
  const modelDirs = options.modelDirs ?? options.dataDirs ?? MODEL_DIRS;
  const wrongCharPrebuilt = once(() => {
    const dir = options.prebuiltDir ?? prebuiltDirectory();
    if (dir === false) return undefined;
    const sourceDirs = options.dataDirs ?? SOURCE_DIRS;
    const sources = { pinyin: findFile(sourceDirs, 'char-pinyin.json'), knownWords: findFile(sourceDirs, 'known-words.json'), snippetDir: snippetDirs.find((d) => fs.existsSync(d)) ?? snippetDirs[0], model: findFile(modelDirs, 'lm.bin') };
    return readWrongCharPrebuilt(path.join(dir, WRONGCHAR_FILE), sources, options.buffers?.wrongChar);
  }, onError, WRONGCHAR_FALLBACK);
  return {
    pinyin: once(() => stringRecord(readJson(dataDirs, 'char-pinyin.json'), 'char-pinyin.json'), onError),
    shapes: once(() => stringRecord(readJson(dataDirs, 'char-shapes.json'), 'char-shapes.json'), onError),
    knownWords: once(() => {
      const modern = (readJson(dataDirs, 'known-words.json') as { modern?: unknown } | null)?.modern;
      if (typeof modern !== 'string') throw new Error('数据文件 known-words.json 的格式不对');
      return modern.split(' ');
    }, onError),
    snippets: once(() => readSnippets(snippetDirs), onError),
    languageModel: once(() => {
      const bytes = options.buffers?.model ? new Uint8Array(options.buffers.model) : readBytes(modelDirs, 'lm.bin');
      // The prebuilt word list of this model (same file size) spares decoding and mapping ~100 K words.
      const prebuilt = wrongCharPrebuilt();
      const model = LanguageModel.fromBytes(bytes, prebuilt && prebuilt.modelSize === bytes.byteLength ? prebuilt.modelWords : undefined);
      // Whoever loads the model looks words up next; the server loads it while the segmentation worker starts
      // (prepareRules), so its lookup tables are best built now too.
      model.prepare();
      return model;
    }, onError, MODEL_PURPOSE),
    charVariants: once(() => charVariants(readJson(dataDirs, 'char-variants.json')), onError, VARIANTS_PURPOSE),
    wrongCharPrebuilt,
  };
}

let shared: EngineData | undefined;
const sharedErrors: string[] = [];
const listeners = new Set<(message: string) => void>();

/**
 * The process's one copy of the data from disk (read once, whoever asks: the linters of every document,
 * completion). `onError` hears of the tables that cannot be read, including those that failed before.
 */
export function sharedEngineData(onError?: (message: string) => void): EngineData {
  if (onError && !listeners.has(onError)) {
    listeners.add(onError);
    for (const message of sharedErrors) onError(message);
  }
  return (shared ??= diskEngineData({
    onError: (message) => {
      sharedErrors.push(message);
      for (const listener of listeners) listener(message);
    },
  }));
}
