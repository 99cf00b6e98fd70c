// Cold start of a one-page report (issue 18 item 3), after `npm run build`:
//   node benchmarks/coldstart.mjs [--runs N] [--file FILE] [--json]
// 1. `gongwen check FILE` as a user runs it: wall time and peak RSS of the process (GNU time's %M when
//    /usr/bin/time exists, else wall time only).
// 2. The language server: spawn → initialize → didOpen FILE; time to the first publishDiagnostics and to
//    the first one with a segmentation-backed finding (suspect-char, which also needs the frequencies),
//    and the word count (gongwen/statistics) being ready; with the server's code cache as a second start
//    has it, and the first diagnostics without it.
// Prints the load average beside the figures: on a shared machine they are only as good as it is quiet.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './generate.mjs';
import { BenchClient } from './lsp.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const RUNS = Number(option('--runs', 7));
const FILE = path.resolve(option('--file', path.join(ROOT, 'examples', 'work-report.txt')));
const SEGMENTED_RULE = 'suspect-char';
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const results = [];
const record = (measure, samples, unit, target) => results.push({ measure, median: median(samples), min: Math.min(...samples), max: Math.max(...samples), runs: samples.length, unit, target });

const loadBefore = os.loadavg();
const time = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
const wall = [];
const rss = [];
const cpu = [];
for (let run = 0; run < RUNS; run++) {
  const command = [path.join(ROOT, 'bin', 'gongwen.js'), 'check', FILE];
  const started = performance.now();
  const r = time ? spawnSync(time, ['-f', 'GONGWEN_MAXRSS %M %U %S', process.execPath, ...command], { encoding: 'utf8' }) : spawnSync(process.execPath, command, { encoding: 'utf8' });
  wall.push(performance.now() - started);
  if (r.status !== 0 && r.status !== 1) throw new Error(`gongwen check failed (${r.status}): ${r.stderr}`);
  const m = /GONGWEN_MAXRSS (\d+) ([\d.]+) ([\d.]+)/.exec(r.stderr ?? '');
  if (m) {
    rss.push(Number(m[1]) / 1024);
    cpu.push((Number(m[2]) + Number(m[3])) * 1000);
  }
}
record('gongwen check: wall', wall, 'ms', 300);
if (rss.length) record('gongwen check: peak RSS', rss, 'MB', 120);
// CPU time (user + system) says less about load on a shared machine than the wall time does.
if (cpu.length) record('gongwen check: CPU time', cpu, 'ms');

const first = [];
const segmented = [];
const words = [];
const uncached = [];
const text = fs.readFileSync(FILE, 'utf8');
// The server keeps a V8 code cache (server/src/host/codeCache.ts): a fresh folder, written by a first start
// that is not counted; the starts without it (the first after an install or update) are counted apart.
const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-bench-cache-'));
const cached = { ...process.env, GONGWEN_CACHE_DIR: cacheDir };
{
  const client = new BenchClient(cached);
  await client.initialize();
  await client.open('file:///bench/warm.txt', text);
  await client.waitFor((p) => p.uri === 'file:///bench/warm.txt');
  await new Promise((resolve) => setTimeout(resolve, 500));
  await client.shutdown();
}
for (let run = 0; run < RUNS; run++) {
  const client = new BenchClient({ ...process.env, GONGWEN_CODE_CACHE: 'off' });
  try {
    const started = client.spawnedAt;
    await client.initialize();
    await client.open('file:///bench/coldstart.txt', text);
    uncached.push((await client.waitFor((p) => p.uri === 'file:///bench/coldstart.txt')).at - started);
  } finally {
    await client.shutdown();
  }
}
for (let run = 0; run < RUNS; run++) {
  const client = new BenchClient(cached);
  try {
    const started = client.spawnedAt;
    await client.initialize();
    const uri = 'file:///bench/coldstart.txt';
    await client.open(uri, text);
    first.push((await client.waitFor((p) => p.uri === uri)).at - started);
    segmented.push((await client.waitFor((p) => p.uri === uri && p.codes.includes(SEGMENTED_RULE), 30_000)).at - started);
    words.push((await client.waitForWords(uri)).at - started);
  } finally {
    await client.shutdown();
  }
}
fs.rmSync(cacheDir, { recursive: true, force: true });
record('server: start → first diagnostics', first, 'ms', 150);
record('server: start → first diagnostics, no code cache (first start after an install)', uncached, 'ms');
record(`server: start → segmentation-backed diagnostics (${SEGMENTED_RULE})`, segmented, 'ms', 500);
record('server: start → word count ready', words, 'ms');

const info = { file: path.relative(ROOT, FILE), chars: text.length, node: process.version, nproc: os.availableParallelism?.() ?? os.cpus().length, loadavg: [loadBefore, os.loadavg()].map((l) => l.map((x) => +x.toFixed(2))) };
if (args.includes('--json')) console.log(JSON.stringify({ info, results }, null, 2));
else {
  console.log(`cold start — ${info.file} (${info.chars} chars), ${info.nproc} cores, Node ${info.node}, load average before ${info.loadavg[0].join(' ')}, after ${info.loadavg[1].join(' ')}`);
  console.log('| Measure | Median | Min | Max | Runs | Target |');
  console.log('|---|---:|---:|---:|---:|---|');
  for (const r of results) {
    const verdict = r.target === undefined ? '' : `≤ ${r.target} ${r.unit} ${r.median <= r.target ? 'ok' : '**missed**'}`;
    console.log(`| ${r.measure} | ${r.median.toFixed(0)} ${r.unit} | ${r.min.toFixed(0)} | ${r.max.toFixed(0)} | ${r.runs} | ${verdict} |`);
  }
}
