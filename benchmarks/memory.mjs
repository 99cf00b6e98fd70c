// Server memory (issue 18 item 5), after `npm run build`:
//   node benchmarks/memory.mjs [--chars N] [--edits N] [--repeated] [--gc] [--trace] [--json]
// Spawns the language server, opens a generated report of N characters (default 1 M; distinct text, no
// line repeated, as issue 18 asks — `--repeated` for the old report of recombined sample sentences), waits until
// segmentation and the word frequencies are in and the server is quiet, and reads its RSS from /proc
// (Linux); then types N one-character edits (default 20,000: insertions and deletions at varying lines,
// waiting for the diagnostics every 50 edits, as a fast typist would see them) and reads RSS again, after
// a quiet moment. `--gc` starts the server with --expose-gc and has it collect its main thread's garbage
// (a signal, benchmarks/gcOnSignal.cjs) before each reading: the RSS it keeps rather than what V8 has not
// collected yet. Prints the load average beside the figures.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateDistinctReport, generateReport } from './generate.mjs';
import { BenchClient, now } from './lsp.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const CHARS = Number(option('--chars', 1_000_000));
const EDITS = Number(option('--edits', 20_000));
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const GC = args.includes('--gc');
if (GC) process.env.BENCH_NODE_ARGS = [process.env.BENCH_NODE_ARGS ?? '', '--expose-gc', '-r', path.join(path.dirname(fileURLToPath(import.meta.url)), 'gcOnSignal.cjs')].join(' ').trim();

/** With --gc: a full collection in the server first (and a moment for the allocator to give pages back). */
async function collected(pid) {
  if (!GC) return;
  process.kill(pid, 'SIGUSR2');
  await sleep(500);
}

/** VmRSS and VmHWM (peak) of a process, in MB. */
function memory(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN) / 1024;
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
}

const loadBefore = os.loadavg();
const REPEATED = args.includes('--repeated');
const text = (REPEATED ? generateReport : generateDistinctReport)(CHARS, 7);
const lines = text.split('\n');
const client = new BenchClient();
const rows = [];
try {
  await client.initialize();
  const uri = 'file:///bench/memory.txt';
  const opened = now();
  await client.open(uri, text);
  await client.waitFor((p) => p.uri === uri);
  await client.waitForWords(uri, 300_000);
  await client.settle(2000, 120_000);
  const loadedAfter = now() - opened;
  await collected(client.process.pid);
  const before = memory(client.process.pid);
  if (args.includes('--trace')) console.error(`open: RSS ${before.rss.toFixed(0)} MB`);
  rows.push({ measure: `RSS, ${lines.length} lines / ${text.length} chars open, segmented, settled`, value: before.rss, unit: 'MB', target: 200 });
  rows.push({ measure: 'peak RSS so far (VmHWM)', value: before.peak, unit: 'MB' });
  rows.push({ measure: 'open → segmented and quiet', value: loadedAfter, unit: 'ms' });

  // Edits: alternately insert “的” and delete it again, on lines spread over the document.
  let version = 1;
  const started = now();
  const prose = lines.map((l, i) => (l.length > 20 ? i : -1)).filter((i) => i >= 0);
  for (let k = 0; k < EDITS; k++) {
    const line = prose[Math.floor(k / 2) % prose.length];
    version++;
    const change = k % 2 === 0 ? { range: { start: { line, character: 5 }, end: { line, character: 5 } }, text: '的' } : { range: { start: { line, character: 5 }, end: { line, character: 6 } }, text: '' };
    const published = k % 50 === 49 ? client.waitFor((p) => p.uri === uri && p.version === version, 120_000) : undefined;
    await client.change(uri, version, [change]);
    if (published) await published;
    if (k % 1000 === 999 && args.includes('--trace')) console.error(`after ${k + 1} edits: RSS ${memory(client.process.pid).rss.toFixed(0)} MB`);
  }
  const editing = now() - started;
  await client.settle(2000, 120_000);
  await sleep(1000);
  await collected(client.process.pid);
  const after = memory(client.process.pid);
  rows.push({ measure: `RSS after ${EDITS} edits, settled`, value: after.rss, unit: 'MB', target: 200 });
  rows.push({ measure: 'peak RSS (VmHWM) over the session', value: after.peak, unit: 'MB' });
  rows.push({ measure: 'RSS growth over the edits', value: after.rss - before.rss, unit: 'MB' });
  rows.push({ measure: `${EDITS} edits sent and answered`, value: editing, unit: 'ms' });
} finally {
  await client.shutdown();
}
const info = { text: REPEATED ? 'repeated' : 'distinct', gc: GC, chars: text.length, edits: EDITS, node: process.version, nproc: os.availableParallelism?.() ?? os.cpus().length, loadavg: [loadBefore, os.loadavg()].map((l) => l.map((x) => +x.toFixed(2))) };
if (args.includes('--json')) console.log(JSON.stringify({ info, rows }, null, 2));
else {
  console.log(`server memory — ${info.chars} chars (${info.text})${GC ? ', after a full GC' : ''}, ${info.edits} edits, Node ${info.node}, load average before ${info.loadavg[0].join(' ')}, after ${info.loadavg[1].join(' ')}`);
  console.log('| Measure | Value | Target |');
  console.log('|---|---:|---|');
  for (const r of rows) console.log(`| ${r.measure} | ${r.value.toFixed(r.unit === 'MB' ? 1 : 0)} ${r.unit} | ${r.target === undefined ? '' : `≤ ${r.target} ${r.unit} ${r.value <= r.target ? 'ok' : '**missed**'}`} |`);
}
