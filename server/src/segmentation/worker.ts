// The segmentation worker: loads the segmenter off the server's main thread (the prebuilt tables, or
// nodejieba when they are missing) and cuts batches of lines on request, so typing is never blocked by the
// dictionary. It also hands the main thread the word frequencies.
//
// Without the prebuilt frequencies, the same script started with `lexiconOnly` is a short-lived helper
// thread that parses them while nodejieba loads, and hands them over as compact buffers: the parse's
// temporary memory goes away with the helper (parsed in this thread, much of it stayed resident).
import { parentPort, Worker, workerData } from 'node:worker_threads';
import { loadJieba } from './jieba';
import { jiebaDictionaryPath, loadLexiconData } from './lexicon';
import { prebuiltDirectory } from './jieba';
import { loadLexiconTables, sourceFingerprint } from './prebuilt';
import { FromWorker, ToWorker, WorkerOptions } from './protocol';

const port = parentPort!;
const CRASH_AT = process.env.GONGWEN_TEST_SEGMENTATION_CRASH_AT ? { left: Number(process.env.GONGWEN_TEST_SEGMENTATION_CRASH_AT) } : undefined;
const options = workerData as WorkerOptions & { lexiconOnly?: boolean };
const send = (message: FromWorker, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

function lexiconMessage(): FromWorker {
  const lexicon = loadLexiconData();
  return lexicon.ok ? { type: 'lexicon', data: lexicon.data, milliseconds: lexicon.milliseconds } : { type: 'lexicon-failed', error: lexicon.error };
}

/** The prebuilt frequencies as a message, or undefined when they cannot be read. */
function prebuiltLexiconMessage(): FromWorker | undefined {
  const started = Date.now();
  const found = jiebaDictionaryPath();
  const loaded = 'error' in found ? undefined : loadLexiconTables(prebuiltDirectory(), sourceFingerprint(found.sources));
  return loaded?.ok ? { type: 'lexicon', data: loaded.value, milliseconds: Date.now() - started } : undefined;
}

function post(message: FromWorker): void {
  if (message.type !== 'lexicon') return port.postMessage(message);
  // The arrays may be views on one buffer (a prebuilt file): each buffer is transferred once.
  const { offsets, frequencies, hashSlots } = message.data;
  const buffers = new Set([offsets.buffer, frequencies.buffer, ...(hashSlots ? [hashSlots.buffer] : [])]);
  port.postMessage(message, [...buffers].filter((b): b is ArrayBuffer => b instanceof ArrayBuffer));
}

/** Starts the helper thread; its result is passed on once segmentation is ready (or has failed). */
function startLexiconHelper(): Promise<FromWorker> {
  return new Promise((resolve) => {
    let helper: Worker;
    try {
      helper = new Worker(__filename, { workerData: { userWords: [], lexiconOnly: true } });
    } catch {
      resolve(lexiconMessage());
      return;
    }
    helper.once('message', resolve);
    helper.once('error', (error) => resolve({ type: 'lexicon-failed', error: `词频词典线程出错：${error.message}` }));
    helper.once('exit', () => resolve({ type: 'lexicon-failed', error: '词频词典线程意外退出' }));
  });
}

if (options.lexiconOnly) {
  post(lexiconMessage());
} else {
  const prebuilt = options.skipLexicon ? undefined : prebuiltLexiconMessage();
  const lexicon = options.skipLexicon ? undefined : prebuilt ? Promise.resolve(prebuilt) : startLexiconHelper();
  const loaded = loadJieba(options.userWords);
  if (!loaded.ok) {
    send({ type: 'failed', error: loaded.error });
  } else {
    send({ type: 'ready', milliseconds: loaded.milliseconds, engine: loaded.jieba.engine });
    // The frequencies are passed on once the lines queued at 'ready' have been cut (or soon, if none
    // come): word counts and the segmentation rules first, then the server's pass of the frequency
    // rules (the first one, on the main thread, is the slower one).
    let cutsAnswered = false;
    let result: FromWorker | undefined;
    const passOn = () => {
      if (result && cutsAnswered) post(result);
      if (cutsAnswered) result = undefined;
    };
    void lexicon?.then((message) => {
      result = message;
      passOn();
    });
    setTimeout(() => {
      cutsAnswered = true;
      passOn();
    }, 200);
    port.on('message', (message: ToWorker) => {
      if (message.type === 'cut') {
        // Fault injection for the reliability tests: the worker dies on the Nth batch it is sent.
        if (CRASH_AT !== undefined && --CRASH_AT.left === 0) throw new Error('GONGWEN_TEST_SEGMENTATION_CRASH_AT');
        const lengths = message.texts.map((t) => loaded.jieba.wordLengths(t));
        send({ type: 'cut', id: message.id, lengths }, lengths.map((l) => l.buffer as ArrayBuffer));
        // After the messages already queued (a large document sends several batches at once).
        setImmediate(() => {
          cutsAnswered = true;
          passOn();
        });
      }
    });
  }
}
