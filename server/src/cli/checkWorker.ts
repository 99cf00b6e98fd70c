// A worker thread of `gongwen check --jobs N`: checks the files it is sent, one at a time, with its
// own segmenter, and posts back the result and whatever the check wrote to stderr.
import { parentPort, workerData } from 'node:worker_threads';
import type { WorkspaceTexts } from '../engine';
import { workspaceTextsOf } from '../host/workspaceFiles';
import { CheckMessages, checkFile, FileOutcome, makeSegmenterReporter } from './check';
import type { WorkerMessage, WorkerOutcome, WorkerRequest, WorkerSetup } from './workers';

const port = parentPort!;
const { configPath, fix, prebuilt, files, data } = workerData as WorkerSetup;
let messages: WorkerMessage[] = [];
// Configuration problems and the segmentation warning are printed once per run; the main thread
// drops repeats of those that several workers report.
const sink: CheckMessages = {
  error: (text) => messages.push({ text, once: false }),
  once: (text) => messages.push({ text, once: true }),
};
const segmenters = makeSegmenterReporter(sink.once, prebuilt, data);
const reported = new Set<string>();
// The run's files as one workspace, read when the first file comes.
let workspace: WorkspaceTexts | undefined;

port.on('message', async ({ index, file }: WorkerRequest) => {
  messages = [];
  let outcome: FileOutcome;
  try {
    workspace ??= workspaceTextsOf(files);
    outcome = await checkFile(file, configPath, fix, segmenters, reported, sink, undefined, workspace);
  } catch (error) {
    sink.error(`gongwen：${(error as Error).message}`);
    outcome = { ioError: true };
  }
  port.postMessage({ index, result: outcome.result, ioError: outcome.ioError, messages } satisfies WorkerOutcome);
});
