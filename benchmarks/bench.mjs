// gongwen benchmarks: `npm run bench` (after a build). Prints a table; `--json` prints machine-readable
// figures instead. Uses the built files (out/ for the engine, dist/ for the server and the CLI) and
// reports generated from the project's own sample material (nothing generated is checked in).
//
//   node benchmarks/bench.mjs [--json] [--only engine,wasm,editor,symbols,cold,memory,batch] [--quick]
//                             [--corpus DIR[,DIR…]] [--sets repeated,distinct,corpus]
//
// The engine section checks three sets of texts: `repeated` (generateReport: the sample material's
// sentences again and again), `distinct` (generateDistinctReport: no line repeated) and, with --corpus,
// documents built from a folder of real text (corpus.mjs; e.g. --corpus ../shared/data/gov-reports,
// ../shared/data/ecspell). The other sections use the distinct reports.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { corpusDocument, loadCorpus } from './corpus.mjs';
import { DistinctReportGenerator, generateDistinctReport, generateReport, ROOT, random } from './generate.mjs';
import { BenchClient, now, sleep } from './lsp.mjs';

const require = createRequire(import.meta.url);
const { values: args } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    only: { type: 'string' },
    quick: { type: 'boolean', default: false },
    reports: { type: 'string', default: '200' },
    corpus: { type: 'string' },
    sets: { type: 'string' },
  },
});
const SECTIONS = new Set((args.only ?? 'engine,wasm,editor,symbols,cold,memory,batch').split(','));
const QUICK = args.quick;
const log = (s) => process.stderr.write(s + '\n');

for (const file of ['out/server/src/engine/index.js', 'dist/server.js', 'dist/cli.js']) {
  if (!fs.existsSync(path.join(ROOT, file))) {
    log(`bench: ${file} is missing — run \`npm run build\` first.`);
    process.exit(2);
  }
}
const engine = require(path.join(ROOT, 'out/server/src/engine/index.js'));
const { SyncSegmenter } = require(path.join(ROOT, 'out/server/src/segmentation/syncSegmenter.js'));
const { diskEngineData } = require(path.join(ROOT, 'out/server/src/host/data.js'));

const SIZES = [
  { label: '10K', chars: 10_000 },
  { label: '100K', chars: 100_000 },
  { label: '1M', chars: 1_000_000 },
];
// The text sets: `repeated` (sentences of the sample material over and over: what per-line caches make of
// it), `distinct` (no line repeated; the targets apply to it) and, with --corpus, real text.
const textSets = new Map([
  ['repeated', new Map(SIZES.map((s) => [s.label, generateReport(s.chars, 1)]))],
  ['distinct', new Map(SIZES.map((s) => [s.label, generateDistinctReport(s.chars, 1)]))],
]);
const textNotes = new Map();
if (args.corpus) {
  const corpus = loadCorpus(args.corpus.split(','));
  log(`corpus: ${corpus.lines.length.toLocaleString('en-US')} distinct lines, ${corpus.chars.toLocaleString('en-US')} characters from ${corpus.files} files`);
  const documents = new Map();
  for (const { label, chars } of SIZES) {
    const { text, note } = corpusDocument(corpus, chars);
    documents.set(label, text);
    if (note) textNotes.set(`${label} corpus`, note);
  }
  textSets.set('corpus', documents);
}
if (args.sets) for (const set of [...textSets.keys()]) if (!args.sets.split(',').includes(set)) textSets.delete(set);
// The server, editor, wasm and cold-start sections use the distinct reports.
const texts = new Map(SIZES.map((s) => [s.label, generateDistinctReport(s.chars, 1)]));
const results = [];

function summarize(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1], runs: sorted.length };
}

/** Records one figure. `target` is the upper bound the issue sets (same unit), if any. */
function record(section, measure, size, samples, { unit = 'ms', target, note } = {}) {
  const s = Array.isArray(samples) ? summarize(samples) : { median: samples, min: samples, max: samples, runs: 1 };
  const row = { section, measure, size, unit, ...s, target, ok: target === undefined ? undefined : s.median <= target, note };
  results.push(row);
  log(`  ${measure} ${size}: ${fmt(s.median)} ${unit}${target !== undefined ? ` (target ≤ ${target})` : ''}`);
  return row;
}

function time(fn, runs, warmup = 1) {
  for (let i = 0; i < warmup; i++) fn();
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const start = now();
    fn();
    samples.push(now() - start);
  }
  return samples;
}

const fmt = (n) => (n === undefined || Number.isNaN(n) ? '–' : n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));

// ---------------------------------------------------------------------------------------------------
/**
 * The text as autocorrect-node can lint it. Its parser stops at a call limit on long texts (from ~300 K
 * characters: `lintFor` then returns an error and no findings within ~50 ms, which is no reference). Such
 * a text is linted in pieces of whole lines, as large as it accepts (the fewer calls, the faster it is).
 */
function autocorrectPieces(autocorrect, text) {
  if (!autocorrect.lintFor(text, 'report.txt').error) return { pieces: [text], note: undefined };
  for (let max = 200_000; max >= 1_000; max >>= 1) {
    const pieces = [];
    for (let start = 0; start < text.length; ) {
      let end = Math.min(text.length, start + max);
      const newline = text.lastIndexOf('\n', end - 1);
      if (end < text.length && newline >= start) end = newline + 1;
      pieces.push(text.slice(start, end));
      start = end;
    }
    if (pieces.every((piece) => !autocorrect.lintFor(piece, 'report.txt').error)) {
      return { pieces, note: `whole text fails (parser call limit); ${pieces.length} pieces of ≤ ${max / 1000} K chars` };
    }
  }
  throw new Error('autocorrect-node cannot lint the text even in pieces of 1,000 characters');
}

/** A SyncSegmenter on the native addon or on its WebAssembly build (GONGWEN_SEGMENTER), loaded. */
function segmenterOn(engineName) {
  const before = process.env.GONGWEN_SEGMENTER;
  process.env.GONGWEN_SEGMENTER = engineName;
  try {
    const segmenter = new SyncSegmenter();
    const started = performance.now();
    if (!segmenter.cut('预热分词词典')) throw new Error(segmenter.error);
    return { segmenter, loadMs: performance.now() - started };
  } finally {
    if (before === undefined) delete process.env.GONGWEN_SEGMENTER;
    else process.env.GONGWEN_SEGMENTER = before;
  }
}

// Native addon vs its WebAssembly build (server/wasm/; the universal package's segmenter): dictionary
// load, segmentation, and the full check, side by side.
function benchWasm() {
  log('wasm: native nodejieba vs its WebAssembly build…');
  const loads = { native: [], wasm: [] };
  const code = `const { loadJieba } = require(${JSON.stringify(path.join(ROOT, 'out/server/src/segmentation/jieba.js'))}); const l = loadJieba(); if (!l.ok) throw new Error(l.error); process.stdout.write(String(l.milliseconds));`;
  for (let i = 0; i < (QUICK ? 1 : 3); i++) {
    for (const name of ['native', 'wasm']) {
      loads[name].push(Number(execFileSync(process.execPath, ['-e', code], { env: { ...process.env, GONGWEN_SEGMENTER: name }, encoding: 'utf8' })));
    }
  }
  for (const name of ['native', 'wasm']) record('wasm', `${name}: dictionary load in a fresh process`, '', loads[name]);
  const on = { native: segmenterOn('native'), wasm: segmenterOn('wasm') };
  for (const { label } of SIZES) {
    if (label === '100K') continue;
    const text = texts.get(label);
    const lines = text.split('\n');
    const runs = QUICK ? 2 : label === '1M' ? 5 : 31;
    const seg = {};
    const full = {};
    for (const name of ['native', 'wasm']) {
      const { segmenter } = on[name];
      seg[name] = record('wasm', `${name}: jieba word lengths of every line`, label, time(() => lines.forEach((l) => segmenter.wordLengths(l)), runs, QUICK ? 0 : 2));
      const environment = { segmenter, lexicon: () => segmenter.lexicon };
      let findings = 0;
      full[name] = record('wasm', `${name}: full check`, label, time(() => (findings = new engine.Linter(environment).lint(text).findings.length), runs, QUICK ? 1 : 3), { note: `${findings} findings` });
    }
    record('wasm', 'segmentation: wasm ÷ native', label, seg.wasm.median / seg.native.median, { unit: '×' });
    record('wasm', 'full check: wasm ÷ native', label, full.wasm.median / full.native.median, { unit: '×', target: label === '1M' ? 1.5 : undefined });
  }
  const universal = path.join(ROOT, `${JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).name}-${JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version}.vsix`);
  const wasmKiB = ['nodejieba.js', 'nodejieba.wasm'].map((f) => fs.statSync(path.join(ROOT, 'server', 'wasm', f)).size / 1024);
  results.push({ section: 'wasm', measure: 'server/wasm/ (glue + .wasm)', size: '', unit: 'KiB', median: wasmKiB[0] + wasmKiB[1], note: `${wasmKiB[0].toFixed(0)} + ${wasmKiB[1].toFixed(0)} KiB` });
  if (fs.existsSync(universal)) results.push({ section: 'wasm', measure: 'universal .vsix', size: '', unit: 'MB', median: fs.statSync(universal).size / 2 ** 20, note: 'npm run package -- --universal' });
}

/** The start of the first body paragraph (≥ 150 characters, no heading marker) from offset `from` on. */
function bodyParagraphNear(text, from) {
  let start = text.indexOf('\n', from) + 1;
  for (;;) {
    const end = text.indexOf('\n', start);
    const line = text.slice(start, end < 0 ? text.length : end);
    if (line.length >= 150 && !/^[一二三四五六七八九十（\d#]/.test(line)) return start;
    if (end < 0) return text.indexOf('\n', text.length >> 1) + 1;
    start = end + 1;
  }
}

// (1) Full check through the engine, and (6) autocorrect-node on the same text, for every text set: the
// repeated reports show what the per-line caches give, the distinct (and corpus) ones what text not seen
// before costs; the targets apply to the distinct text.
function benchEngine() {
  log('engine: full check (all default rules, segmentation and word frequencies loaded, as in the CLI)…');
  const segmenter = new SyncSegmenter();
  segmenter.cut('预热分词词典');
  // What the CLI and the server pass: without the lexicon and the data tables suspect-char would not run.
  const environment = { segmenter, lexicon: () => segmenter.lexicon, data: diskEngineData() };
  // The same without the wrong-character rule (its share of the check; h7-lm's area).
  const withoutSuspect = { ...environment, rules: engine.ALL_RULES.filter((r) => r.id !== 'suspect-char') };
  const segmentationRules = engine.ALL_RULES.filter((r) => r.needsSegmentation).length;
  let autocorrect;
  try {
    autocorrect = require('autocorrect-node');
  } catch {
    log('  autocorrect-node is not installed: reference figures skipped');
  }
  for (const [set, texts] of textSets) {
    log(`engine: ${set} text…`);
    for (const { label } of SIZES) {
      const text = texts.get(label);
      const size = `${label} ${set}`;
      const runs = QUICK ? 3 : label === '1M' ? 5 : label === '100K' ? 15 : 51;
      const warmup = QUICK ? 1 : label === '1M' ? 1 : label === '100K' ? 3 : 20;
      let findings = 0;
      // Steady state, as in the server: the first checks of a process run while the JIT is still compiling
      // (20–50 ms at 10 K); a fresh process's first check is measured below (`gongwen check`, start to exit).
      // A new Linter each time: nothing of the previous check is reused.
      const ours = time(() => {
        findings = new engine.Linter(environment).lint(text).findings.length;
      }, runs, warmup);
      const row = record('engine', 'full check', size, ours, { target: label === '10K' && set !== 'repeated' ? 10 : undefined, note: `${findings} findings${textNotes.get(size) ? `; ${textNotes.get(size)}` : ''}` });
      let ref;
      if (autocorrect) {
        const { pieces, note } = autocorrectPieces(autocorrect, text);
        const theirs = time(() => pieces.forEach((piece) => autocorrect.lintFor(piece, 'report.txt')), runs, warmup);
        ref = record('reference', 'autocorrect-node lintFor', size, theirs, { note });
        record('reference', 'ours ÷ autocorrect', size, row.median / ref.median, { unit: '×', target: label === '1M' && set !== 'repeated' ? 1 : undefined });
      }
      if (set === 'repeated') continue;
      const noSuspect = record('engine', 'full check without suspect-char', size, time(() => new engine.Linter(withoutSuspect).lint(text), runs, warmup));
      if (ref) record('reference', 'without suspect-char ÷ autocorrect', size, noSuspect.median / ref.median, { unit: '×' });
      // What segmentation alone costs on this text (jieba, HMM on), whether or not a rule needs it.
      const lines = text.split('\n');
      record('engine', 'jieba word lengths of every line', size, time(() => lines.forEach((l) => segmenter.wordLengths(l)), QUICK ? 2 : label === '1M' ? 3 : 7));
      // The rules that need no word segmentation (autocorrect segments no words either): not a target, a
      // measure of what segmentation and proofreading add.
      const withoutWords = record('engine', 'check without segmentation (no proofreading)', size, time(() => new engine.Linter({}).lint(text), runs, warmup));
      if (ref) record('reference', 'without segmentation ÷ autocorrect', size, withoutWords.median / ref.median, { unit: '×' });
      // The engine's share of the editor path: re-lint after a one-character edit in the middle — typed
      // into a body paragraph (what typing mostly is), and, as a row of its own, into the line that
      // follows the middle of the text, which in the generated reports is a heading (11.山湾区…, （2）不断…):
      // the row measured that case alone until issue 18's second round.
      if (label !== '10K') {
        const linter = new engine.Linter(environment);
        linter.lint(text);
        const relint = (at, measure) => {
          const edited = [text.slice(0, at) + '的' + text.slice(at), text];
          let k = 0;
          record('engine', measure, size, time(() => linter.lint(edited[k++ & 1]), QUICK ? 5 : 21));
        };
        relint(bodyParagraphNear(text, text.length >> 1) + 40, 're-lint after a one-character edit');
        relint(text.indexOf('\n', text.length >> 1) + 3, 're-lint after a one-character edit in a heading line');
      }
    }
  }
  // What a one-off check costs a user: a fresh process loads the dictionaries and checks one report.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-bench-'));
  try {
    const file = path.join(dir, 'report.txt');
    fs.writeFileSync(file, texts.get('10K'));
    const cli = path.join(ROOT, 'bin', 'gongwen.js');
    const wall = [];
    for (let i = 0; i < (QUICK ? 2 : 5); i++) {
      const start = now();
      spawnSync(process.execPath, [cli, 'check', file], { stdio: 'ignore' });
      wall.push(now() - start);
    }
    record('engine', 'gongwen check of one report, process start to exit', '10K', wall);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  results.push({ section: 'info', measure: 'rules', size: '', unit: '', median: engine.ALL_RULES.length, note: `${segmentationRules} need segmentation` });
}

// ---------------------------------------------------------------------------------------------------
// (2) Editor path, (3) documentSymbol/completion and (5) memory through the real server.

/** The client's copy of the document, so that edit positions stay right. */
class Doc {
  constructor(client, uri, text) {
    this.client = client;
    this.uri = uri;
    this.lines = text.split('\n');
    this.version = 1;
  }
  /** Sends one change and resolves with the ms from sending it to the publish for its version. */
  async edit(startLine, startChar, endLine, endChar, newText) {
    const version = ++this.version;
    const before = this.lines.slice(0, startLine);
    const head = this.lines[startLine].slice(0, startChar);
    const tail = this.lines[endLine].slice(endChar);
    const inserted = (head + newText + tail).split('\n');
    this.lines = [...before, ...inserted, ...this.lines.slice(endLine + 1)];
    const sent = now();
    const published = this.client.waitFor((p) => p.uri === this.uri && p.version === version);
    await this.client.change(this.uri, version, [{ range: { start: { line: startLine, character: startChar }, end: { line: endLine, character: endChar } }, text: newText }]);
    const first = await published;
    // Wait for quiet: a second publish for the same version is the one with segmentation-based results.
    await this.client.settle(150);
    const all = this.client.publishes.filter((p) => p.uri === this.uri && p.version === version);
    return { first: first.at - sent, last: all[all.length - 1].at - sent, publishes: all.length };
  }
  /** A long prose line near the middle. */
  middleParagraph() {
    for (let i = this.lines.length >> 1; i < this.lines.length; i++) {
      if (this.lines[i].length > 150 && !/^[一二三四五六七八九十（\d]/.test(this.lines[i])) return i;
    }
    throw new Error('no paragraph');
  }
  /** A whole level-2 section near the middle: [heading line, first line after it). */
  middleSection() {
    const level12 = /^([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)/;
    let start = this.lines.length >> 1;
    while (!/^（[一二三四五六七八九十]+）/.test(this.lines[start])) start++;
    let end = start + 1;
    while (end < this.lines.length && !level12.test(this.lines[end])) end++;
    return [start, end];
  }
}

/** Types a character into a paragraph near the middle and deletes it again, `runs` edits in all. */
async function oneCharacterEdits(doc, runs) {
  const first = [];
  const last = [];
  for (let i = 0; i < runs; i++) {
    const line = doc.middleParagraph() + (i % 10);
    const at = Math.min(40, doc.lines[line].length);
    const r = i % 2 === 0 ? await doc.edit(line, at, line, at, '的') : await doc.edit(line, at, line, at + 1, '');
    first.push(r.first);
    last.push(r.last);
  }
  const published = doc.client.publishes.filter((p) => p.uri === doc.uri);
  return { first, last, count: published[published.length - 1].count };
}

async function openAndSettle(client, uri, text) {
  const opened = now();
  await client.open(uri, text);
  const first = await client.waitFor((p) => p.uri === uri && p.version === 1);
  const words = await client.waitForWords(uri);
  await client.settle(300);
  return { firstDiagnostics: first.at - opened, segmented: words.at - opened };
}

async function benchServer() {
  const client = new BenchClient();
  try {
    await client.initialize();
    const uri1m = 'file:///bench/report-1m.gw';
    const uri100k = 'file:///bench/report-100k.gw';
    log('server: opening the 1M report…');
    const open = await openAndSettle(client, uri1m, texts.get('1M'));
    record('server', 'open 1M: first diagnostics', '1M', open.firstDiagnostics);
    record('server', 'open 1M: segmentation done', '1M', open.segmented);
    const doc = new Doc(client, uri1m, texts.get('1M'));

    if (SECTIONS.has('memory')) {
      const { rss, peak } = client.rss();
      record('memory', 'server RSS, 1M report open (segmentation loaded)', '1M', rss, { unit: 'MB', target: 350, note: `peak ${peak.toFixed(0)} MB` });
    }

    if (SECTIONS.has('editor')) {
      log('server: editor path on the 1M report…');
      const { first: oneChar, last: oneCharSeg, count } = await oneCharacterEdits(doc, QUICK ? 6 : 30);
      record('editor', 'one-character edit → diagnostics', '1M', oneChar, { target: 20, note: `${count} diagnostics shown (default limit)` });
      record('editor', 'one-character edit → last publish (segmentation)', '1M', oneCharSeg);

      const paste = [];
      const pasteSeg = [];
      const generator = new DistinctReportGenerator(777);
      for (let i = 0; i < (QUICK ? 3 : 12); i++) {
        const line = doc.middleParagraph() + i;
        let paragraph = '';
        while (paragraph.length < 2000) paragraph += generator.paragraph(2000 - paragraph.length);
        const r = await doc.edit(line, 0, line, 0, paragraph.slice(0, 2000) + '\n');
        paste.push(r.first);
        pasteSeg.push(r.last);
        await doc.edit(line, 0, line + 1, 0, '');
      }
      record('editor', 'paste of a 2,000-character paragraph → diagnostics', '1M', paste, { target: 50 });
      record('editor', 'paste → last publish (segmentation)', '1M', pasteSeg);

      const cut = [];
      for (let i = 0; i < (QUICK ? 3 : 12); i++) {
        const [start, end] = doc.middleSection();
        const removed = doc.lines.slice(start, end).join('\n') + '\n';
        const r = await doc.edit(start, 0, end, 0, '');
        cut.push(r.first);
        await doc.edit(start, 0, start, 0, removed);
      }
      record('editor', 'deletion of a whole section → diagnostics', '1M', cut, { note: `${doc.middleSection()[1] - doc.middleSection()[0]} lines` });
    }

    if (SECTIONS.has('editor')) {
      // The same keystrokes with every finding sent (gongwen.maxNumberOfProblems: 0).
      log('server: editor path on the 1M report, no diagnostics limit…');
      const unlimited = new BenchClient();
      try {
        await unlimited.initialize({ settings: { maxNumberOfProblems: 0 } });
        await openAndSettle(unlimited, uri1m, texts.get('1M'));
        const { first, count } = await oneCharacterEdits(new Doc(unlimited, uri1m, texts.get('1M')), QUICK ? 6 : 30);
        record('editor', 'one-character edit → diagnostics, no limit', '1M', first, { note: `all ${count} diagnostics` });
      } finally {
        await unlimited.shutdown();
      }
    }

    if (SECTIONS.has('symbols')) {
      log('server: documentSymbol / completion…');
      await openAndSettle(client, uri100k, texts.get('100K'));
      const docs = { '100K': new Doc(client, uri100k, texts.get('100K')), '1M': doc };
      const completion = client.capabilities.completionProvider;
      for (const [label, d] of Object.entries(docs)) {
        const symbols = [];
        const afterEdit = [];
        for (let i = 0; i < (QUICK ? 3 : 15); i++) {
          let start = now();
          await client.request('textDocument/documentSymbol', { textDocument: { uri: d.uri } });
          symbols.push(now() - start);
          // After an edit, as editors ask: the request then includes re-analysing the new version.
          const line = d.middleParagraph();
          const version = ++d.version;
          const change = i % 2 === 0 ? { range: { start: { line, character: 5 }, end: { line, character: 5 } }, text: '的' } : { range: { start: { line, character: 5 }, end: { line, character: 6 } }, text: '' };
          d.lines[line] = i % 2 === 0 ? d.lines[line].slice(0, 5) + '的' + d.lines[line].slice(5) : d.lines[line].slice(0, 5) + d.lines[line].slice(6);
          start = now();
          await client.change(d.uri, version, [change]);
          await client.request('textDocument/documentSymbol', { textDocument: { uri: d.uri } });
          afterEdit.push(now() - start);
          await client.settle(100);
        }
        record('symbols', 'documentSymbol', label, symbols, { target: label === '1M' ? 20 : undefined });
        record('symbols', 'documentSymbol right after an edit', label, afterEdit, { target: label === '1M' ? 20 : undefined });
        if (completion) {
          const samples = [];
          for (let i = 0; i < (QUICK ? 3 : 15); i++) {
            const line = d.middleParagraph() + 1;
            const start = now();
            await client.request('textDocument/completion', { textDocument: { uri: d.uri }, position: { line, character: 0 } });
            samples.push(now() - start);
          }
          record('symbols', 'completion (start of a line)', label, samples, { target: label === '1M' ? 10 : undefined });
        }
      }
      if (!completion) results.push({ section: 'symbols', measure: 'completion', size: '', unit: '', note: 'no completion provider in this build' });
    }
  } finally {
    await client.shutdown();
  }
}

// ---------------------------------------------------------------------------------------------------
// (4) Cold start, and typing while the dictionary loads.
async function benchColdStart() {
  log('server: cold start with the 10K report…');
  const first = [];
  const segmented = [];
  const whileLoading = [];
  for (let run = 0; run < (QUICK ? 2 : 5); run++) {
    const client = new BenchClient();
    try {
      const started = client.spawnedAt;
      await client.initialize();
      const uri = 'file:///bench/cold.gw';
      await client.open(uri, texts.get('10K'));
      const published = await client.waitFor((p) => p.uri === uri && p.version === 1);
      first.push(published.at - started);
      // Type while the dictionary loads (it starts loading after the first diagnostics).
      const doc = new Doc(client, uri, texts.get('10K'));
      let loaded;
      const words = client.waitForWords(uri).then((r) => (loaded = r));
      for (let i = 0; i < 40 && !loaded; i++) {
        const line = doc.middleParagraph();
        const version = ++doc.version;
        const text = i % 2 === 0 ? '的' : '';
        const change = { range: { start: { line, character: 3 }, end: { line, character: i % 2 === 0 ? 3 : 4 } }, text };
        doc.lines[line] = doc.lines[line].slice(0, 3) + text + doc.lines[line].slice(i % 2 === 0 ? 3 : 4);
        const sent = now();
        await client.change(uri, version, [change]);
        const p = await client.waitFor((x) => x.uri === uri && x.version === version);
        if (!loaded) whileLoading.push(p.at - sent);
        await sleep(25);
      }
      const r = await words;
      segmented.push(r.at - started);
    } finally {
      await client.shutdown();
    }
  }
  record('cold', 'process start → first diagnostics', '10K', first, { target: 300 });
  record('cold', 'process start → segmentation-backed results (word count)', '10K', segmented, { target: 2000 });
  if (whileLoading.length) record('cold', 'one-character edit → diagnostics while the dictionary loads', '10K', whileLoading, { note: 'max is the figure that matters' });
}

// ---------------------------------------------------------------------------------------------------
// (7) Batch: gongwen check over a folder of reports, 1 worker vs all cores.
function benchBatch() {
  const count = Number(args.reports);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-bench-'));
  try {
    const rand = random(42);
    let total = 0;
    const files = [];
    for (let i = 0; i < count; i++) {
      const file = path.join(dir, `report-${String(i + 1).padStart(3, '0')}.txt`);
      const text = generateReport(5_000 + Math.floor(rand() * 15_000), 1000 + i);
      total += text.length;
      fs.writeFileSync(file, text);
      files.push(file);
    }
    const cores = os.availableParallelism?.() ?? os.cpus().length;
    log(`batch: gongwen check over ${count} reports (${(total / 1e6).toFixed(1)} M characters), ${cores} cores…`);
    const outputs = new Map();
    for (const jobs of [...new Set([1, cores])]) {
      const samples = [];
      const used = [];
      for (let run = 0; run < (QUICK ? 1 : 3); run++) {
        const cpuBefore = childrenCpuMs();
        const start = now();
        const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'gongwen.js'), 'check', '--format', 'json', '--jobs', String(jobs), ...files], { maxBuffer: 1 << 30, encoding: 'utf8' });
        const wall = now() - start;
        samples.push(wall);
        // Cores the run actually got (CPU time ÷ wall time): on a machine shared with other work the
        // speed-up can be no better than what the scheduler hands out.
        if (cpuBefore !== undefined) used.push((childrenCpuMs() - cpuBefore) / wall);
        if (r.status !== 0 && r.status !== 1) throw new Error(`gongwen check failed (${r.status}): ${r.stderr}`);
        outputs.set(jobs, r.stdout);
      }
      const usedNote = used.length ? `, CPU ÷ wall ${summarize(used).median.toFixed(2)} cores` : '';
      record('batch', `gongwen check, ${jobs} worker${jobs > 1 ? 's' : ''}`, `${count} files`, samples, { note: `${(total / 1e6).toFixed(1)} M chars${usedNote}` });
    }
    if (outputs.size > 1) {
      const [a, b] = [...outputs.values()];
      results.push({ section: 'batch', measure: 'same output with 1 and N workers', size: '', unit: '', note: a === b ? 'yes' : 'NO — outputs differ' });
      const rows = results.filter((r) => r.section === 'batch' && r.median !== undefined);
      record('batch', 'speed-up', `${cores} workers`, rows[0].median / rows[rows.length - 1].median, { unit: '×' });
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** CPU time (user + system, ms) of the finished child processes, from /proc (Linux); else undefined. */
function childrenCpuMs() {
  try {
    const stat = fs.readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 16 and 17 of stat(5) (cutime, cstime), counted from field 3 here; in clock ticks (100 Hz).
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------------
function machine() {
  const cpu = /model name\s*:\s*(.*)/.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? os.cpus()[0]?.model;
  return { nproc: os.availableParallelism?.() ?? os.cpus().length, cpu, node: process.version, loadavg: os.loadavg().map((l) => +l.toFixed(2)), memoryGB: +(os.totalmem() / 2 ** 30).toFixed(1) };
}

function printTable(info) {
  const lines = [];
  lines.push(`gongwen benchmark — ${info.machine.nproc} cores, ${info.machine.cpu}, Node ${info.machine.node}, load average ${info.machine.loadavg.join(' ')}`);
  for (const [set, docs] of textSets) lines.push(`${set} text: ${SIZES.map((s) => `${s.label} = ${docs.get(s.label).length.toLocaleString('en-US')} chars`).join(', ')}`);
  lines.push('server, editor, cold-start and wasm rows: the distinct reports');
  lines.push('');
  lines.push('| Measure | Size | Median | Min | Max | Runs | Target | |');
  lines.push('|---|---|---:|---:|---:|---:|---:|---|');
  for (const r of results) {
    if (r.median === undefined) {
      lines.push(`| ${r.measure} | ${r.size} | | | | | | ${r.note ?? ''} |`);
      continue;
    }
    const u = r.unit ? ` ${r.unit}` : '';
    lines.push(
      `| ${r.measure} | ${r.size} | ${fmt(r.median)}${u} | ${r.runs > 1 ? fmt(r.min) : ''} | ${r.runs > 1 ? fmt(r.max) : ''} | ${r.runs ?? ''} | ${r.target !== undefined ? `≤ ${r.target}${u}` : ''} | ${r.ok === undefined ? '' : r.ok ? 'ok' : '**missed**'}${r.note ? ` ${r.note}` : ''} |`,
    );
  }
  console.log(lines.join('\n'));
}

const info = { machine: machine(), results };
if (SECTIONS.has('engine')) benchEngine();
if (SECTIONS.has('wasm')) benchWasm();
if (SECTIONS.has('editor') || SECTIONS.has('symbols') || SECTIONS.has('memory')) await benchServer();
if (SECTIONS.has('cold')) await benchColdStart();
if (SECTIONS.has('batch')) benchBatch();
info.machine.loadavgAfter = os.loadavg().map((l) => +l.toFixed(2));
if (args.json) console.log(JSON.stringify(info, null, 2));
else printTable(info);
