// A worker thread of `gongwen check --jobs N`: checks the files it is sent, one at a time, with its
// own segmenter, and posts back the result and whatever the check wrote to stderr.
import { parentPort, workerData } from 'node:worker_threads';
import { CheckedFile, checkFile, makeSegmenterReporter, WorkerOutcome } from './main';

const port = parentPort!;
const { configPath, fix } = workerData as { configPath?: string; fix: boolean };
let messages: string[] = [];
let onceMessages: string[] = [];
const err = (s: string) => messages.push(s);
// Configuration problems and the segmentation warning are printed once per run; the main thread
// drops repeats of those that several workers report.
const segmenters = makeSegmenterReporter((s) => {
  err(s);
  onceMessages.push(s);
});
const reported = new Set<string>();
const configErr = (s: string) => {
  err(s);
  if (s.startsWith('gongwen：配置文件')) onceMessages.push(s);
};

port.on('message', async ({ index, file }: { index: number; file: string }) => {
  messages = [];
  onceMessages = [];
  let result: CheckedFile | undefined;
  let ioError = false;
  try {
    result = await checkFile(file, configPath, fix, segmenters, reported, configErr);
    if (!result) ioError = true;
  } catch (error) {
    ioError = true;
    result = (error as { result?: CheckedFile }).result;
    if (!result) messages.push(`gongwen：${(error as Error).message}`);
  }
  port.postMessage({ index, result, ioError, messages, onceMessages } satisfies WorkerOutcome);
});
