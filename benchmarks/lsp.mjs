// A lean LSP client for the benchmarks: spawns the built server over stdio and timestamps every
// publishDiagnostics as it arrives.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { ROOT } from './generate.mjs';

const require = createRequire(import.meta.url);
const { createMessageConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-jsonrpc/node');

export const SERVER = path.join(ROOT, 'dist', 'server.js');

export const now = () => Number(process.hrtime.bigint()) / 1e6;

export class BenchClient {
  constructor(env = process.env) {
    this.spawnedAt = now();
    // BENCH_NODE_ARGS=--cpu-prof profiles the server under the benchmark.
    const nodeArgs = process.env.BENCH_NODE_ARGS ? process.env.BENCH_NODE_ARGS.split(' ') : [];
    this.process = spawn(process.execPath, [...nodeArgs, SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env });
    this.stderr = '';
    this.process.stderr.on('data', (chunk) => (this.stderr += chunk));
    this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout), new StreamMessageWriter(this.process.stdin));
    /** Every publish: { uri, version, at, count }. */
    this.publishes = [];
    this.waiters = [];
    this.connection.onNotification('textDocument/publishDiagnostics', (params) => {
      const record = { uri: params.uri, version: params.version, at: now(), count: params.diagnostics.length, codes: params.diagnostics.map((d) => d.code) };
      this.publishes.push(record);
      this.waiters = this.waiters.filter((w) => {
        if (!w.predicate(record)) return true;
        clearTimeout(w.timer);
        w.resolve(record);
        return false;
      });
    });
    this.connection.onNotification('window/showMessage', () => {});
    this.connection.onNotification('window/logMessage', () => {});
    this.connection.onRequest('window/showMessageRequest', () => null);
    this.connection.onRequest('workspace/configuration', (params) => params.items.map(() => null));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.listen();
  }

  async initialize(initializationOptions = {}) {
    const result = await this.connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {}, initializationOptions });
    await this.connection.sendNotification('initialized', {});
    this.capabilities = result.capabilities;
    return result;
  }

  open(uri, text, version = 1) {
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'gongwen', version, text } });
  }

  change(uri, version, changes) {
    return this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
  }

  request(method, params) {
    return this.connection.sendRequest(method, params);
  }

  /** The first publish (already received or future) matching `predicate`. */
  waitFor(predicate, timeoutMs = 60_000) {
    const existing = this.publishes.find(predicate);
    if (existing) return Promise.resolve(existing);
    return new Promise((resolve, reject) => {
      const waiter = { predicate, resolve };
      waiter.timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`no matching publishDiagnostics within ${timeoutMs} ms; stderr: ${this.stderr.slice(-2000)}`));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  /** Resolves once no diagnostics have arrived for `quietMs`. */
  async settle(quietMs = 300, maxMs = 30_000) {
    const start = now();
    for (;;) {
      const last = this.publishes.length ? this.publishes[this.publishes.length - 1].at : 0;
      if (now() - Math.max(last, start) >= quietMs || now() - start > maxMs) return;
      await sleep(20);
    }
  }

  /** Polls the statistics request until word counts are available (segmentation loaded and done). */
  async waitForWords(uri, timeoutMs = 120_000) {
    const start = now();
    for (;;) {
      const stats = await this.request('gongwen/statistics', { uri });
      if (stats && stats.words !== null && !stats.pending) return { at: now(), stats };
      if (now() - start > timeoutMs) throw new Error(`segmentation not ready after ${timeoutMs} ms; stderr: ${this.stderr.slice(-2000)}`);
      await sleep(50);
    }
  }

  /** Resident memory of the server process (its worker threads included), in MB. */
  rss() {
    const status = fs.readFileSync(`/proc/${this.process.pid}/status`, 'utf8');
    const kb = (name) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
    return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
  }

  async shutdown() {
    const exited = new Promise((resolve) => this.process.once('exit', resolve));
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), sleep(5000)]);
      await this.connection.sendNotification('exit');
    } catch {
      // fall through to kill
    }
    const timer = setTimeout(() => this.process.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
    this.connection.dispose();
  }
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
