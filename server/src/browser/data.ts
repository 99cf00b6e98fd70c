// The engine's data tables (engine/data.ts) in the web extension: fetched once when the server starts (before
// it answers initialize), then handed out synchronously like the disk tables of host/data.ts. The server
// bundle for the browser uses this module in place of host/data.ts (scripts/build.mjs), so the shared
// feature files that call sharedEngineData() get these tables.
import type { SnippetFile } from '../engine/completion';
import type { CharVariants, EngineData } from '../engine/data';
import type { ReadFile } from './files';

const PURPOSE = '疑似错别字检查已跳过，其余检查照常进行';

interface Tables {
  pinyin?: Record<string, string>;
  shapes?: Record<string, string>;
  knownWords?: string[];
  charVariants?: CharVariants;
  snippets?: Record<string, SnippetFile>;
}

const tables: Tables = {};
const errors: string[] = [];
const listeners = new Set<(message: string) => void>();

function report(message: string): void {
  errors.push(message);
  for (const listener of listeners) listener(message);
}

function stringRecord(value: unknown, name: string): Record<string, string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || Object.values(value).some((v) => typeof v !== 'string')) {
    throw new Error(`数据文件 ${name} 的格式不对`);
  }
  return value as Record<string, string>;
}

const decoder = new TextDecoder('utf-8');

async function readJson(read: ReadFile, file: string): Promise<unknown> {
  const bytes = await read(file);
  try {
    return JSON.parse(decoder.decode(bytes));
  } catch (error) {
    throw new Error(`无法读取数据文件 ${file}（${(error as Error).message}）`);
  }
}

/** Reads every table (a table that cannot be had is reported once and stays undefined). */
export async function loadBrowserEngineData(read: ReadFile, snippetNames: readonly string[]): Promise<void> {
  const load = async <K extends keyof Tables>(key: K, get: () => Promise<Tables[K]>, purpose = PURPOSE) => {
    try {
      tables[key] = await get();
    } catch (error) {
      report(`${(error as Error).message}，${purpose}`);
    }
  };
  await Promise.all([
    load('pinyin', async () => stringRecord(await readJson(read, 'server/data/char-pinyin.json'), 'char-pinyin.json')),
    load('shapes', async () => stringRecord(await readJson(read, 'server/data/char-shapes.json'), 'char-shapes.json')),
    load('knownWords', async () => {
      const modern = ((await readJson(read, 'server/data/known-words.json')) as { modern?: unknown } | null)?.modern;
      if (typeof modern !== 'string') throw new Error('数据文件 known-words.json 的格式不对');
      return modern.split(' ');
    }),
    load('charVariants', async () => {
      const table = (await readJson(read, 'server/data/char-variants.json')) as Record<string, unknown> | null;
      const record = (value: unknown) => stringRecord(value, 'char-variants.json');
      return { poly: record(table?.poly), parts: record(table?.parts), shares: record(table?.shares) };
    }, '疑似错别字检查只用读音与字形表中的候选字，其余检查照常进行'),
    load('snippets', async () => {
      const files: Record<string, SnippetFile> = {};
      // A snippet file that cannot be read or parsed is left out (it only means fewer phrases). Kept in the
      // order of their names, as host/data.ts does.
      const names = [...snippetNames].sort();
      const parsed = await Promise.all(names.map((name) => readJson(read, `snippets/${name}.json`).catch(() => undefined)));
      names.forEach((name, i) => {
        const value = parsed[i];
        if (typeof value === 'object' && value !== null && !Array.isArray(value)) files[name] = value as SnippetFile;
      });
      return files;
    }),
  ]);
}

const data: EngineData = {
  pinyin: () => tables.pinyin,
  shapes: () => tables.shapes,
  knownWords: () => tables.knownWords,
  charVariants: () => tables.charVariants,
  snippets: () => tables.snippets,
};

/** The tables loaded by loadBrowserEngineData (the same signature as host/data.ts). */
export function sharedEngineData(onError?: (message: string) => void): EngineData {
  if (onError && !listeners.has(onError)) {
    listeners.add(onError);
    for (const message of errors) onError(message);
  }
  return data;
}
