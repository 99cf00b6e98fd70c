// The segmentation worker: loads nodejieba off the server's main thread (~1 s, ~115 MB) and cuts
// batches of lines on request, so typing is never blocked by the dictionary.
import { parentPort, workerData } from 'node:worker_threads';
import { loadJieba } from './jieba';
import { loadLexiconData } from './lexicon';
import { FromWorker, ToWorker, WorkerOptions } from './protocol';

const port = parentPort!;
const options = workerData as WorkerOptions;
const send = (message: FromWorker) => port.postMessage(message);

// The word frequencies (~0.1 s) are parsed first, here, and handed over as compact buffers, so that
// the server's main thread never parses the dictionary. First, because the memory the parse used is
// then reused by the dictionary that nodejieba loads next (parsed afterwards, it stayed resident:
// ~30 MB more), and the server lints once with segmentation and frequencies instead of twice.
const lexicon = loadLexiconData();
if (lexicon.ok) {
  const { data } = lexicon;
  port.postMessage({ type: 'lexicon', data, milliseconds: lexicon.milliseconds } satisfies FromWorker, [data.offsets.buffer as ArrayBuffer, data.frequencies.buffer as ArrayBuffer]);
} else send({ type: 'lexicon-failed', error: lexicon.error });

const loaded = loadJieba(options.userWords);
if (!loaded.ok) {
  send({ type: 'failed', error: loaded.error });
} else {
  send({ type: 'ready', milliseconds: loaded.milliseconds });
  port.on('message', (message: ToWorker) => {
    if (message.type === 'cut') {
      send({ type: 'cut', id: message.id, words: message.texts.map((t) => loaded.jieba.cut(t, true)) });
    }
  });
}
