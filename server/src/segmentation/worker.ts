// The segmentation worker: loads nodejieba off the server's main thread (1.5 s, ~250 MB) and cuts
// batches of lines on request, so typing is never blocked by the dictionary.
import { parentPort, workerData } from 'node:worker_threads';
import { loadJieba } from './jieba';
import { loadLexiconData } from './lexicon';
import { FromWorker, ToWorker, WorkerOptions } from './protocol';

const port = parentPort!;
const options = workerData as WorkerOptions;
const loaded = loadJieba(options.userWords);
const send = (message: FromWorker) => port.postMessage(message);

if (!loaded.ok) {
  send({ type: 'failed', error: loaded.error });
} else {
  send({ type: 'ready', milliseconds: loaded.milliseconds });
  // The word frequencies (~0.7 s) are parsed here, after segmentation is ready, and handed over as
  // compact buffers so that the server's main thread never parses the dictionary.
  setImmediate(() => {
    const lexicon = loadLexiconData();
    if (lexicon.ok) {
      const { data } = lexicon;
      port.postMessage({ type: 'lexicon', data, milliseconds: lexicon.milliseconds } satisfies FromWorker, [data.offsets.buffer as ArrayBuffer, data.frequencies.buffer as ArrayBuffer]);
    } else send({ type: 'lexicon-failed', error: lexicon.error });
  });
  port.on('message', (message: ToWorker) => {
    if (message.type === 'cut') {
      send({ type: 'cut', id: message.id, words: message.texts.map((t) => loaded.jieba.cut(t, true)) });
    }
  });
}
