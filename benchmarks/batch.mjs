// Batch scaling (issue 18 item 6), after `npm run build`:
//   node benchmarks/batch.mjs [--reports N] [--runs N] [--jobs 1,2]
// Writes N generated reports (default 200, 5–20 K characters each) to a temporary folder and runs
// `gongwen check --format json --jobs J` over all of them, alternating the job counts run by run; prints
// the median wall time, the cores the run got (CPU ÷ wall), the speed-up, whether the outputs agree,
// and the load average at each run (the machine may be shared: a figure is only as good as it is quiet).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateReport, random, ROOT } from './generate.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const COUNT = Number(option('--reports', 200));
const RUNS = Number(option('--runs', 3));
const JOBS = option('--jobs', '1,2').split(',').map(Number);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** CPU time (user + system, ms) of the finished child processes, from /proc (Linux); else undefined. */
function childrenCpuMs() {
  try {
    const stat = fs.readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return undefined;
  }
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-batch-'));
try {
  const rand = random(42);
  const files = [];
  let total = 0;
  for (let i = 0; i < COUNT; i++) {
    const file = path.join(dir, `report-${String(i + 1).padStart(3, '0')}.txt`);
    const text = generateReport(5_000 + Math.floor(rand() * 15_000), 1000 + i);
    total += text.length;
    fs.writeFileSync(file, text);
    files.push(file);
  }
  const by = new Map(JOBS.map((j) => [j, { wall: [], cores: [], load: [], output: undefined }]));
  for (let run = 0; run < RUNS; run++) {
    for (const jobs of JOBS) {
      const entry = by.get(jobs);
      entry.load.push(os.loadavg()[0]);
      const cpu = childrenCpuMs();
      const started = performance.now();
      const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'gongwen.js'), 'check', '--format', 'json', '--jobs', String(jobs), ...files], { maxBuffer: 1 << 30, encoding: 'utf8' });
      const wall = performance.now() - started;
      if (r.status !== 0 && r.status !== 1) throw new Error(`gongwen check failed (${r.status}): ${r.stderr}`);
      entry.wall.push(wall);
      if (cpu !== undefined) entry.cores.push((childrenCpuMs() - cpu) / wall);
      entry.output ??= r.stdout;
      if (entry.output !== r.stdout) throw new Error('outputs of the same job count differ');
    }
  }
  console.log(`batch — ${COUNT} reports, ${(total / 1e6).toFixed(2)} M characters, ${os.availableParallelism?.() ?? os.cpus().length} cores, Node ${process.version}`);
  console.log('| Jobs | Median wall | Min | Max | CPU ÷ wall | Load average (1 min) at each run |');
  console.log('|---:|---:|---:|---:|---:|---|');
  for (const [jobs, e] of by) {
    console.log(`| ${jobs} | ${median(e.wall).toFixed(0)} ms | ${Math.min(...e.wall).toFixed(0)} | ${Math.max(...e.wall).toFixed(0)} | ${e.cores.length ? median(e.cores).toFixed(2) : ''} | ${e.load.map((l) => l.toFixed(2)).join(' ')} |`);
  }
  const [one, ...others] = [...by.values()];
  for (const [i, e] of others.entries()) console.log(`speed-up ${JOBS[i + 1]} vs ${JOBS[0]} jobs: ${(median(one.wall) / median(e.wall)).toFixed(2)}×; same output: ${e.output === one.output ? 'yes' : 'NO'}`);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
