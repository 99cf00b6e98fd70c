// Cold start of the web extension's language server (dist/browser-server.js) in a real browser: Debian's
// chromium (playwright-core) loads a page from a static server on 127.0.0.1 that serves the project (or an
// unpacked extension), starts the server in a web worker as the web client does, and speaks LSP to it over
// postMessage. Printed per run and as medians: initialize answered (data tables fetched), first diagnostics
// after didOpen, and the diagnostics once the WebAssembly segmenter is loaded (suspected wrong characters).
//
//   node scripts/build.mjs && npm run bench:web -- [--runs N] [--root DIR] [--file REPORT]
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from '../test/e2e/lib/browser.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const option = (name, fallback) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : fallback);
const runs = Number(option('--runs', '5'));
const served = path.resolve(option('--root', ROOT));
const report = fs.readFileSync(path.resolve(option('--file', path.join(ROOT, 'examples', 'work-report.txt'))), 'utf8');

const TYPES = { '.js': 'text/javascript', '.json': 'application/json', '.wasm': 'application/wasm', '.html': 'text/html' };

/** The page's part: starts the worker, initializes, opens the report, resolves with the timings (ms). */
async function coldStart({ text }) {
  const t0 = performance.now();
  const worker = new Worker('/dist/browser-server.js');
  let id = 0;
  const waiting = new Map();
  const marks = {};
  let diagnosticsSeen = 0;
  let segmented = false;
  let resolveDone;
  const done = new Promise((resolve) => (resolveDone = resolve));
  const request = (method, params) => new Promise((resolve) => {
    waiting.set(++id, resolve);
    worker.postMessage({ jsonrpc: '2.0', id, method, params });
  });
  const notify = (method, params) => worker.postMessage({ jsonrpc: '2.0', method, params });
  worker.onmessage = ({ data }) => {
    if (data.id !== undefined && waiting.has(data.id) && !data.method) {
      waiting.get(data.id)(data.result);
      waiting.delete(data.id);
    } else if (data.method === 'window/logMessage') {
      if (/分词词典已加载/.test(data.params.message)) {
        marks.segmenterReady = performance.now() - t0;
        segmented = true;
      }
    } else if (data.method === 'textDocument/publishDiagnostics') {
      diagnosticsSeen++;
      const rules = data.params.diagnostics.map((d) => d.code);
      if (diagnosticsSeen === 1) {
        marks.firstDiagnostics = performance.now() - t0;
        marks.firstCount = rules.length;
      }
      if (segmented && rules.includes('suspect-char') && marks.segmentedDiagnostics === undefined) {
        marks.segmentedDiagnostics = performance.now() - t0;
        marks.segmentedCount = rules.length;
        resolveDone();
      }
    } else if (data.id !== undefined && data.method) {
      worker.postMessage({ jsonrpc: '2.0', id: data.id, result: null });
    }
  };
  const init = await request('initialize', {
    processId: null,
    rootUri: null,
    capabilities: {},
    initializationOptions: { workspaceTrusted: true, extensionUri: `${location.origin}/` },
  });
  marks.initialized = performance.now() - t0;
  marks.server = init.serverInfo.name;
  notify('initialized', {});
  notify('textDocument/didOpen', { textDocument: { uri: 'memfs:/report.txt', languageId: 'plaintext', version: 1, text } });
  await Promise.race([done, new Promise((resolve) => setTimeout(resolve, 60_000))]);
  worker.terminate();
  return marks;
}

const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://127.0.0.1');
  if (url.pathname === '/') {
    res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><meta charset="utf-8"><title>gongwen web worker</title>');
    return;
  }
  const file = path.join(served, decodeURIComponent(url.pathname));
  if (!file.startsWith(served + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
  fs.createReadStream(file).pipe(res);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}/`;

const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-webbench-'));
const context = await launchBrowser(profile);
const results = [];
try {
  for (let i = 0; i < runs; i++) {
    // A fresh page each run; the HTTP cache is bypassed so every run fetches everything again.
    const page = await context.newPage();
    await page.route('**/*', (route) => route.continue({ headers: { ...route.request().headers(), 'cache-control': 'no-cache' } }));
    await page.goto(origin);
    const marks = await page.evaluate(coldStart, { text: report });
    results.push(marks);
    console.log(`run ${i + 1}: ${JSON.stringify(marks)}`);
    await page.close();
  }
} finally {
  await context.close();
  server.close();
  fs.rmSync(profile, { recursive: true, force: true });
}

const median = (key) => {
  const values = results.map((r) => r[key]).filter((v) => typeof v === 'number').sort((a, b) => a - b);
  return values.length ? values[Math.floor(values.length / 2)] : NaN;
};
console.log(`\ngongwen web worker server, cold start — ${os.cpus().length} cores, chromium, ${report.length.toLocaleString()} characters, ${runs} runs (median ms)`);
console.log('| step | median ms |\n|---|---:|');
for (const [key, label] of [
  ['initialized', 'initialize answered (data tables fetched)'],
  ['firstDiagnostics', 'first diagnostics after didOpen'],
  ['segmenterReady', 'WebAssembly segmenter loaded'],
  ['segmentedDiagnostics', 'diagnostics with segmentation (suspect-char)'],
]) console.log(`| ${label} | ${median(key).toFixed(0)} |`);
