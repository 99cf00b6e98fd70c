// `gongwen check --jobs N`: the main thread's side of the worker threads (checkWorker.ts is the other).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { readSharedDataBuffers, SharedDataBuffers } from '../host/data';
import { prebuiltDirectory } from '../segmentation/jieba';
import { PrebuiltBuffers, readSharedPrebuilt } from '../segmentation/prebuilt';
import type { CheckedFile } from './check';

/** What a worker is given when it starts. */
export interface WorkerSetup {
  configPath?: string;
  fix: boolean;
  /** The prebuilt dictionaries, read once by the main thread and shared (no copy per worker). */
  prebuilt: PrebuiltBuffers;
  /** All the files of the run: they are one workspace (evidence for the wrong-character rule). */
  files: string[];
  /** The wrong-character tables (wrongchar.bin) and the language model (lm.bin), shared the same way. */
  data: SharedDataBuffers;
}

/** Main thread → worker: check this file. */
export interface WorkerRequest {
  index: number;
  file: string;
}

/** A line the file's check wrote to stderr; `once` marks those a run prints only once (see CheckMessages). */
export interface WorkerMessage {
  text: string;
  once: boolean;
}

/** Worker → main thread: the outcome of one file. */
export interface WorkerOutcome {
  index: number;
  result?: CheckedFile;
  ioError: boolean;
  /** Everything the file's check wrote to stderr, in order. */
  messages: WorkerMessage[];
}

/**
 * Checks files in `jobs` worker threads, each with its own segmenter on the shared prebuilt tables.
 * Files are handed out one at a time, largest first, so that a long file neither waits at the end of
 * the queue nor holds up the others; outcomes keep the order of the command line.
 */
export async function checkInWorkers(files: string[], sizes: readonly number[], configPath: string | undefined, fix: boolean, jobs: number): Promise<WorkerOutcome[]> {
  const script = [path.join(__dirname, 'cli-worker.js'), path.join(__dirname, 'checkWorker.js')].find((f) => fs.existsSync(f));
  if (!script) throw new Error('找不到检查线程脚本 cli-worker.js（请先构建）');
  const outcomes = new Array<WorkerOutcome>(files.length);
  const order = files.map((_, i) => i).sort((a, b) => sizes[b] - sizes[a] || a - b);
  let next = 0;
  const prebuilt = readSharedPrebuilt(prebuiltDirectory());
  const data = readSharedDataBuffers();
  await Promise.all(
    Array.from({ length: jobs }, () =>
      new Promise<void>((resolve, reject) => {
        const worker = new Worker(script, { workerData: { configPath, fix, prebuilt, files, data } satisfies WorkerSetup });
        const feed = () => {
          if (next < order.length) {
            const index = order[next++];
            worker.postMessage({ index, file: files[index] } satisfies WorkerRequest);
          } else {
            void worker.terminate();
            resolve();
          }
        };
        worker.on('message', (outcome: WorkerOutcome) => {
          outcomes[outcome.index] = outcome;
          feed();
        });
        worker.on('error', reject);
        // A worker that dies leaves its file without an outcome: that is reported below.
        worker.on('exit', () => resolve());
        feed();
      }),
    ),
  );
  const missing = outcomes.findIndex((o) => !o);
  if (missing >= 0) throw new Error(`检查线程意外退出，${files[missing]} 未检查`);
  return outcomes;
}
