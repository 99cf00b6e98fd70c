import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { CompactLexicon, Lexicon } from '../engine/lexicon';
import { Segmenter } from '../engine/segmentation';
import { FromWorker, ToWorker, WorkerOptions } from './protocol';

/** How the server log names the segmenter that loaded. */
const ENGINE_NAMES = { js: 'JavaScript', native: 'nodejieba', wasm: 'WebAssembly' } as const;

export type SegmenterState = 'idle' | 'loading' | 'ready' | 'failed';

const BATCH_CHARS = 200_000;
const MAX_CACHED_LINES = 200_000;
/**
 * And at most this many characters of lines: the cache keeps every version of a line typed (~1 KB of word
 * lengths per long line), so without a bound by size a long session would grow it to ~200 MB. Well above the
 * largest document (the 1 M-character report's lines are never evicted before the re-lint reads them).
 */
const MAX_CACHED_CHARS = 6_000_000;
/** Lines longer than this are not segmented (a 5 MB single line would stall the worker). */
const MAX_LINE_CHARS = 100_000;
/** A worker that dies after it was ready is started again this many times per session, then given up. */
const MAX_RESTARTS = 3;

/**
 * Segmentation from a worker thread. `wordLengths` answers from a cache or returns undefined and queues the
 * text; `onUpdate` fires when queued texts have been segmented, so the caller can re-lint.
 */
export class WorkerSegmenter implements Segmenter {
  state: SegmenterState = 'idle';
  error?: string;
  /** The dictionary's word frequencies, once the worker has built them and they were adopted (see `adoptWhen`). */
  lexicon?: Lexicon;
  private worker?: Worker;
  /** Recently used lines first out: a Map keeps insertion order, and a hit re-inserts. */
  private readonly cache = new Map<string, Uint32Array>();
  /** Characters of the lines in `cache`. */
  private cachedChars = 0;
  private readonly queued = new Set<string>();
  private readonly inFlight = new Set<string>();
  private nextId = 1;
  private pending = new Map<number, string[]>();
  private flushScheduled = false;
  private restarts = 0;
  /** The frequencies came from a worker (adopted or waiting for a pause): a restarted worker need not build them. */
  private lexiconArrived = false;

  constructor(
    private readonly workerScript: string,
    private readonly options: WorkerOptions,
    private readonly onUpdate: () => void,
    private readonly onStateChange: (state: SegmenterState, detail?: string) => void = () => {},
    /**
     * When to start using the frequencies once they arrive. The first lint with them checks every line
     * again with the frequency rules (on the main thread): the server
     * waits for a pause in typing.
     */
    private readonly adoptWhen: (adopt: () => void) => void = (adopt) => adopt(),
  ) {}

  /** Starts loading the dictionary in the background. */
  start(): void {
    if (this.state !== 'idle') return;
    this.state = 'loading';
    let worker: Worker;
    try {
      worker = this.worker = new Worker(path.resolve(this.workerScript), { workerData: { ...this.options, skipLexicon: this.lexiconArrived } satisfies WorkerOptions });
    } catch (error) {
      this.fail(`无法启动分词线程：${(error as Error).message}`);
      return;
    }
    // Events of a worker that was disposed or replaced are not this segmenter's business any more.
    worker.on('message', (message: FromWorker) => {
      if (worker === this.worker) this.receive(message);
    });
    worker.on('error', (error) => {
      if (worker === this.worker) this.crashed(`分词线程出错：${error.message}`);
    });
    worker.on('exit', (code) => {
      if (worker === this.worker && this.state !== 'failed' && code !== 0) this.crashed(`分词线程意外退出（代码 ${code}）`);
    });
    worker.unref();
  }

  wordLengths(text: string): Uint32Array | undefined {
    const cached = this.cache.get(text);
    if (cached) {
      this.cache.delete(text);
      this.cache.set(text, cached);
      return cached;
    }
    if (this.state === 'failed' || text.length > MAX_LINE_CHARS) return undefined;
    if (!this.inFlight.has(text) && !this.queued.has(text)) {
      this.queued.add(text);
      this.scheduleFlush();
    }
    return undefined;
  }

  dispose(): void {
    const worker = this.worker;
    this.worker = undefined;
    void worker?.terminate();
  }

  private scheduleFlush(): void {
    if (this.flushScheduled || this.state !== 'ready') return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      this.flush();
    });
  }

  private flush(): void {
    if (!this.worker || this.state !== 'ready') return;
    let batch: string[] = [];
    let size = 0;
    const send = () => {
      const id = this.nextId++;
      this.pending.set(id, batch);
      this.worker!.postMessage({ type: 'cut', id, texts: batch } satisfies ToWorker);
      batch = [];
      size = 0;
    };
    for (const text of this.queued) {
      this.inFlight.add(text);
      batch.push(text);
      size += text.length;
      if (size >= BATCH_CHARS) send();
    }
    this.queued.clear();
    if (batch.length) send();
  }

  private receive(message: FromWorker): void {
    if (message.type === 'ready') {
      this.state = 'ready';
      this.onStateChange('ready', `${ENGINE_NAMES[message.engine]}，${message.milliseconds} ms`);
      this.scheduleFlush();
      if (this.queued.size) this.flush();
    } else if (message.type === 'failed') {
      this.fail(message.error);
    } else if (message.type === 'lexicon') {
      this.lexiconArrived = true;
      const lexicon = new CompactLexicon(message.data);
      this.adoptWhen(() => {
        if (this.state === 'failed' || this.lexicon) return;
        this.lexicon = lexicon;
        this.onUpdate();
      });
    } else if (message.type === 'lexicon-failed') {
      this.onStateChange(this.state, message.error);
    } else {
      const texts = this.pending.get(message.id) ?? [];
      this.pending.delete(message.id);
      texts.forEach((text, i) => {
        this.inFlight.delete(text);
        if (!this.cache.has(text)) this.cachedChars += text.length;
        this.cache.set(text, message.lengths[i]);
      });
      if (this.cache.size > MAX_CACHED_LINES || this.cachedChars > MAX_CACHED_CHARS) {
        // Least recently used first, down to 80 % of both bounds.
        for (const key of this.cache.keys()) {
          if (this.cache.size <= MAX_CACHED_LINES * 0.8 && this.cachedChars <= MAX_CACHED_CHARS * 0.8) break;
          this.cache.delete(key);
          this.cachedChars -= key.length;
        }
      }
      if (this.pending.size === 0) this.onUpdate();
    }
  }

  /**
   * The worker died. Once it had loaded the dictionary, a new one is started (the texts it was cutting are
   * queued again, the cache and the frequencies stay); a worker that never got ready, or one that keeps
   * dying, means segmentation is off for the session.
   */
  private crashed(error: string): void {
    if (this.state !== 'ready' || this.restarts >= MAX_RESTARTS) {
      this.fail(error);
      return;
    }
    this.restarts++;
    const old = this.worker;
    this.worker = undefined;
    void old?.terminate();
    for (const text of this.inFlight) this.queued.add(text);
    this.inFlight.clear();
    this.pending.clear();
    this.state = 'idle';
    this.onStateChange('loading', `${error}，正在重新启动（第 ${this.restarts} 次）`);
    this.start();
  }

  private fail(error: string): void {
    if (this.state === 'failed') return;
    this.state = 'failed';
    this.error = error;
    this.queued.clear();
    this.inFlight.clear();
    this.onStateChange('failed', error);
    void this.worker?.terminate();
  }
}
