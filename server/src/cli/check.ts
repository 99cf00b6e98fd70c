// The check pipeline: one file (read, configure, lint, fix, write back) and a run over many files, in
// this thread or in worker threads (workers.ts).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as v8 from 'node:v8';
import * as path from 'node:path';
import { ALL_RULES, DocumentKind, Finding, fixAll, Linter, ResolvedConfig, WorkspaceTexts } from '../engine';
import { fileKeyFor, findConfig, loadConfigFile } from '../host/configFile';
import { diskEngineData, type SharedDataBuffers } from '../host/data';
import { workspaceId, workspaceTextsOf } from '../host/workspaceFiles';
import type { PrebuiltBuffers } from '../segmentation/prebuilt';
import { SyncSegmenter } from '../segmentation/syncSegmenter';
import { readTextFile, writeTextFileAtomic } from './files';
import { checkDocxCli, isDocx } from './docx';
import type { DocxFinding } from '../docx/check';
import { diagnosticJson } from './formats';
import { checkInWorkers } from './workers';

/**
 * Where a check's messages go. `error` concerns one file (it could not be read or written); `once` is a
 * message a run prints once however many files it concerns (a configuration problem, the segmentation
 * warning): worker threads mark those so that the main thread can drop the repeats.
 */
export interface CheckMessages {
  error(message: string): void;
  once(message: string): void;
}

export function documentKind(file: string): DocumentKind {
  return /\.(md|markdown)$/i.test(file) ? 'markdown' : 'plaintext';
}

/** Loads the configuration for a file; problems go to `report` once per config file. */
export function configFor(file: string, explicit: string | undefined, report: (s: string) => void, reported: Set<string>): ResolvedConfig | undefined {
  const configPath = explicit ?? findConfig(path.dirname(path.resolve(file)));
  if (!configPath) return undefined;
  const { config, problems } = loadConfigFile(configPath);
  if (problems.length && !reported.has(configPath)) {
    reported.add(configPath);
    for (const p of problems) report(`gongwen：配置文件 ${configPath}：${p}`);
  }
  return config;
}

/**
 * One segmenter per set of user words, and the data tables; the warning that segmentation is unavailable
 * is given once. `prebuilt`, `buffers`: the prebuilt dictionaries' and the binary data files' bytes, read
 * once for all worker threads.
 */
export function makeSegmenterReporter(report: (s: string) => void, prebuilt?: PrebuiltBuffers, buffers?: SharedDataBuffers) {
  const segmenters = new Map<string, SyncSegmenter>();
  let warned = false;
  const noticed = new Set<string>();
  return {
    /** The engine's data tables, read once per run; a table that cannot be read is reported once. */
    data: diskEngineData({ onError: (message) => report(`gongwen：提示：${message}。`), buffers }),
    get(config: ResolvedConfig | undefined): SyncSegmenter {
      const key = (config?.userWords ?? []).join('\n');
      let segmenter = segmenters.get(key);
      if (!segmenter) segmenters.set(key, (segmenter = new SyncSegmenter(config?.userWords ?? [], prebuilt)));
      return segmenter;
    },
    report(segmenter: SyncSegmenter) {
      for (const notice of segmenter.notices) {
        if (noticed.has(notice)) continue;
        noticed.add(notice);
        report(`gongwen：提示：${notice}。`);
      }
      if (segmenter.error && !warned) {
        warned = true;
        report(`gongwen：提示：${segmenter.error}。依赖分词的检查和词数统计已跳过，其余检查照常进行。`);
      }
    },
  };
}

export type Segmenters = ReturnType<typeof makeSegmenterReporter>;

export interface CheckedFile {
  file: string;
  text: string;
  findings: readonly Finding[];
  /** For a .docx: the findings located by paragraph (text is then the body's text). */
  docx?: DocxFinding[];
}

/** What one file's check gives: its result (unless it could not be read) and whether an I/O error happened. */
export interface FileOutcome {
  result?: CheckedFile;
  ioError: boolean;
}

/**
 * Checks (and with `fix`, fixes) one file; I/O errors go to `messages.error`. `workspace`: the texts of the
 * run's files, evidence for the wrong-character rule (a string the other files use is meant).
 */
export async function checkFile(
  file: string,
  configPath: string | undefined,
  fix: boolean,
  segmenters: Segmenters,
  reported: Set<string>,
  messages: CheckMessages,
  annotate?: string,
  workspace?: WorkspaceTexts,
): Promise<FileOutcome> {
  if (isDocx(file)) return checkDocxFile(file, configPath, fix, segmenters, reported, messages, annotate, workspace);
  let linter: Linter;
  let source;
  try {
    source = readTextFile(file);
    const config = configFor(file, configPath, (s) => messages.once(s), reported);
    const segmenter = segmenters.get(config);
    const applied = configPath ?? findConfig(path.dirname(path.resolve(file)));
    const fileKey = applied ? fileKeyFor(applied, file) : undefined;
    linter = new Linter({ config, segmenter, lexicon: () => segmenter.lexicon, data: segmenters.data, fileKey, workspace: workspace?.except(workspaceId(file)) });
  } catch (error) {
    messages.error(`gongwen：${(error as Error).message}`);
    return { ioError: true };
  }
  const kind = documentKind(file);
  let text = source.text;
  let findings = linter.lint(text, kind).findings;
  let ioError = false;
  if (fix) {
    // Fixing one thing can reveal another (a fixed marker changes the numbering): fixAll runs to a fixed point.
    const fixed = fixAll(linter, text, kind);
    const changed = fixed.text !== text;
    text = fixed.text;
    findings = fixed.findings;
    if (changed) {
      try {
        await writeTextFileAtomic(file, source, text);
      } catch (error) {
        messages.error(`gongwen：${(error as Error).message}`);
        ioError = true;
        text = source.text;
        findings = linter.lint(text, kind).findings;
      }
    }
  }
  segmenters.report(segmenters.get(undefined));
  return { result: { file, text, findings }, ioError };
}

/**
 * Bytes of text that justify one more worker thread: below about this much text, a second thread adds
 * more start-up work (its own tables, its own warm-up) than it takes over. How it was measured:
 * docs/notes/perf.md, "`check --jobs` default by amount of text".
 */
export const BYTES_PER_THREAD = 900_000;

/**
 * How many worker threads `check` uses by default: by the amount of text, one per BYTES_PER_THREAD,
 * at most one per core, and threads only when a default-on rule needs segmentation (without it a file
 * costs a few milliseconds, less than a thread's start-up).
 */
export function defaultJobs(sizes: readonly number[], cores = availableCores()): number {
  if (!ALL_RULES.some((r) => r.needsSegmentation && r.enabledByDefault !== false)) return 1;
  const bytes = sizes.reduce((a, b) => a + b, 0);
  return Math.max(1, Math.min(cores, sizes.length, Math.floor(bytes / BYTES_PER_THREAD)));
}

function availableCores(): number {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
}

/**
 * Up to this much text in a run, V8's young generation is kept at its first size (1 MB semi-spaces; bin/gongwen.js
 * sets that before the bundle loads): the tables built at start survive every scavenge, and growing the space to
 * 16 MB for them only raised a one-page check's peak RSS by ~7 MB. A longer run gets V8's default growth back, so
 * that its speed is V8's usual (alternated runs of the distinct 1 M gave 0–7 % in favour of the larger young
 * generation, within the machine's noise: docs/notes/perf.md, "Cold start, fourth round").
 */
export const SMALL_RUN_BYTES = 1_000_000;

/** V8 reads the growth factor whenever it would grow the young generation, so this takes effect at run time. */
export function youngGenerationFor(sizes: readonly number[]): 'small' | 'default' {
  if (sizes.reduce((a, b) => a + b, 0) <= SMALL_RUN_BYTES) return 'small';
  v8.setFlagsFromString('--semi-space-growth-factor=2'); // V8's default
  return 'default';
}

/** File sizes in bytes (0 for a file that cannot be read: its check reports the error). */
export function fileSizes(files: readonly string[]): number[] {
  return files.map((file) => {
    try {
      return fs.statSync(file).size;
    } catch {
      return 0;
    }
  });
}

/**
 * Checks the files in `jobs` threads; messages go to `err` in the order of the files, as a single thread
 * would give them, and results keep the order of the command line.
 */
export async function checkFiles(
  files: string[],
  sizes: readonly number[],
  configPath: string | undefined,
  fix: boolean,
  jobs: number,
  err: (s: string) => void,
  annotate?: string,
): Promise<{ results: CheckedFile[]; ioError: boolean }> {
  const results: CheckedFile[] = [];
  let ioError = false;
  if (jobs > 1) {
    const printed = new Set<string>();
    for (const outcome of await checkInWorkers(files, sizes, configPath, fix, jobs)) {
      for (const message of outcome.messages) {
        if (message.once && printed.has(message.text)) continue;
        printed.add(message.text);
        err(message.text);
      }
      if (outcome.ioError) ioError = true;
      if (outcome.result) results.push(outcome.result);
    }
  } else {
    const reported = new Set<string>();
    const segmenters = makeSegmenterReporter(err);
    const messages: CheckMessages = { error: err, once: err };
    // The files of one run are one workspace (a worker thread reads them for itself).
    const workspace = files.length > 1 ? workspaceTextsOf(files) : undefined;
    for (const file of files) {
      const outcome = await checkFile(file, configPath, fix, segmenters, reported, messages, annotate, workspace);
      if (outcome.ioError) ioError = true;
      if (outcome.result) results.push(outcome.result);
    }
  }
  return { results, ioError };
}

/** A .docx: read, checked part by part (text rules and format rules), optionally annotated into a copy. */
function checkDocxFile(
  file: string,
  configPath: string | undefined,
  fix: boolean,
  segmenters: Segmenters,
  reported: Set<string>,
  messages: CheckMessages,
  annotate: string | undefined,
  workspace: WorkspaceTexts | undefined,
): FileOutcome {
  try {
    const config = configFor(file, configPath, (s) => messages.once(s), reported);
    const segmenter = segmenters.get(config);
    const linter = new Linter({ config, segmenter, lexicon: () => segmenter.lexicon, data: segmenters.data, workspace: workspace?.except(workspaceId(file)) });
    const result = checkDocxCli(file, linter, { fix, config, err: (s) => messages.once(s), annotate }, diagnosticJson);
    segmenters.report(segmenter);
    if (result.annotated) messages.error(`gongwen：已写出 ${annotate}：批注 ${result.annotated.comments} 条${fix ? `，修订 ${result.annotated.fixes} 处` : ''}（原文件未改动）`);
    return { result, ioError: false };
  } catch (error) {
    messages.error(`gongwen：${(error as Error).message}`);
    return { ioError: true };
  }
}
