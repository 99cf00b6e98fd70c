#!/usr/bin/env node
// `node scripts/snapshot.mjs OUT_DIR [SHARED_DIR]`: writes what a refactoring must leave unchanged — the JSON
// of `gongwen check`, `outline` and `stats` for every example, every test fixture, the generated bench reports
// and (with SHARED_DIR, e.g. ../shared) the dev data: each gov report, and each ECSpell/SIGHAN set as one
// document of its source sentences — plus the output of `npm run eval` and `npm run fp`.
// Compare two snapshots with `diff -r BEFORE AFTER`. Needs a build (`npm run build`).
// The dev-data documents are written to a temporary folder only (never into the project).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [outDir, sharedArg] = process.argv.slice(2);
const sharedDir = sharedArg && path.resolve(sharedArg);
if (!outDir) {
  console.error('用法：node scripts/snapshot.mjs OUT_DIR [SHARED_DIR]');
  process.exit(2);
}
fs.mkdirSync(outDir, { recursive: true });
const cli = path.join(root, 'bin', 'gongwen.js');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-snapshot-'));

/** Runs the CLI; exit codes 0 and 1 (errors found) both give output. */
function run(args, options = {}) {
  try {
    return execFileSync(process.execPath, [cli, ...args], { encoding: 'utf8', maxBuffer: 1 << 30, ...options });
  } catch (error) {
    if (error.status === 1 || (error.status === 2 && error.stdout)) return error.stdout + (error.stderr ? `\n[stderr]\n${error.stderr}` : '');
    throw error;
  }
}

function textFiles(dir) {
  const found = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...textFiles(file));
    else if (/\.(txt|md|gw)$/.test(entry.name) && !/\.fixed\.(txt|md)$/.test(entry.name) && entry.name !== 'README.md') found.push(file);
  }
  return found.sort();
}

const inputs = [...textFiles(path.join(root, 'examples')), ...textFiles(path.join(root, 'test', 'fixtures'))];
// The bench's generated reports (10 K and 100 K; 1 M only takes longer and says the same).
const generate = path.join(root, 'benchmarks', 'generate.mjs');
if (fs.existsSync(generate)) {
  const { generateReport } = await import(generate);
  if (typeof generateReport === 'function') {
    for (const size of [10_000, 100_000]) {
      const file = path.join(work, `generated-${size}.txt`);
      fs.writeFileSync(file, generateReport(size));
      inputs.push(file);
    }
  }
}
if (sharedDir) {
  const data = path.join(sharedDir, 'data');
  inputs.push(...textFiles(path.join(data, 'gov-reports')).filter((f) => !f.endsWith('SOURCE.md')));
  for (const [name, column] of [['ecspell/odw.train', 1], ['ecspell/law.train', 1], ['ecspell/med.train', 1], ['sighan15/train.tsv', 0]]) {
    const file = path.join(data, name);
    if (!fs.existsSync(file)) continue;
    const sentences = fs.readFileSync(file, 'utf8').split(/\r?\n/).filter(Boolean).map((l) => l.split('\t')[column]);
    const doc = path.join(work, name.replace('/', '-') + '.txt');
    fs.writeFileSync(doc, sentences.join('\n') + '\n');
    inputs.push(doc);
  }
}

const overusedOn = path.join(work, 'overused-on.json');
fs.writeFileSync(overusedOn, JSON.stringify({ rules: { 'overused-word': 'information' } }));
const label = (file) => path.relative(file.startsWith(work) ? work : sharedDir && file.startsWith(sharedDir) ? sharedDir : root, file).replace(/[\\/]/g, '__');

const copies = [];
for (const file of inputs) {
  // Relative paths in the output would differ between checkouts: check a copy under a fixed name.
  const copy = path.join(work, 'in', label(file));
  fs.mkdirSync(path.dirname(copy), { recursive: true });
  fs.copyFileSync(file, copy);
  copies.push(copy);
}
const byName = (file) => path.join(outDir, path.basename(file));
const names = copies.map((copy) => path.basename(copy));
const inDir = { cwd: path.join(work, 'in') };
fs.writeFileSync(path.join(outDir, '_check.json'), run(['check', '--format', 'json', '--jobs', '1', ...names], inDir));
fs.writeFileSync(path.join(outDir, '_check-overused.json'), run(['check', '--format', 'json', '--jobs', '1', '--config', overusedOn, ...names], inDir));
for (const name of names) {
  fs.writeFileSync(byName(name) + '.outline.json', run(['outline', '--format', 'json', name], inDir));
  fs.writeFileSync(byName(name) + '.stats.json', run(['stats', '--format', 'json', name], inDir));
}
if (sharedDir) {
  const tools = path.join(root, 'out', 'server', 'src', 'tools');
  const data = path.join(sharedDir, 'data');
  const node = (args) => execFileSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 30, cwd: root });
  for (const set of ['ecspell/odw.train', 'ecspell/law.train', 'ecspell/med.train']) {
    fs.writeFileSync(path.join(outDir, `_eval-${set.replace('/', '-')}.txt`), node([path.join(tools, 'eval.js'), path.join(data, set)]));
  }
  fs.writeFileSync(path.join(outDir, '_fp.txt'), node([path.join(tools, 'fp.js'), path.join(data, 'gov-reports')]));
}
fs.rmSync(work, { recursive: true, force: true });
console.log(`${inputs.length} 个文件的检查、大纲与统计结果已写入 ${outDir}`);
