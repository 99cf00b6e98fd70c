// The editor path in-process (no LSP transport), as the server runs it on the 1 M report: an asynchronous-like
// segmenter (a new line is unknown on the first pass, known on the second, as with the worker), the lexicon,
// diagnostics conversion + JSON of the publish, and documentSymbol + JSON. Less noisy than the stdio
// figures of bench.mjs on a shared machine. Times are CPU time of this process by default (GC threads
// included); WALL=1 gives wall-clock time. RUNS=n sets the number of one-character edits (default 40).
// The engine gets the server's data tables (so suspect-char runs, as in the server). TEXT=repeated uses
// the repeated generated report instead of the distinct one (the targets apply to distinct text).
//
//   node benchmarks/editpath.mjs          (after `npm run build`)
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
const ROOT = process.env.ROOT ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(ROOT + '/package.json');
const { generateReport, generateDistinctReport, DistinctReportGenerator } = await import(ROOT + '/benchmarks/generate.mjs');
const engine = require(ROOT + '/out/server/src/engine/index.js');
const { SyncSegmenter } = require(ROOT + '/out/server/src/segmentation/syncSegmenter.js');
const { diskEngineData } = require(ROOT + '/out/server/src/host/data.js');
const symbolsMod = require(ROOT + '/out/server/src/features/documentSymbols.js');
const convert = require(ROOT + '/out/server/src/features/convert.js');
const now = process.env.WALL ? () => Number(process.hrtime.bigint()) / 1e6 : () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const text = process.env.TEXT === 'repeated' ? generateReport(1_000_000, 1) : generateDistinctReport(1_000_000, 1);
const seg = new SyncSegmenter(); seg.wordLengths('预热');
const lexicon = seg.lexicon;
const known = new Map();
const pending = new Set();
const asyncSeg = { wordLengths: (t) => { const w = known.get(t); if (!w) pending.add(t); return w; } };
const resolvePending = () => { for (const t of pending) known.set(t, seg.wordLengths(t)); pending.clear(); };
for (const l of text.split('\n')) known.set(l, seg.wordLengths(l));
const linter = new engine.Linter({ segmenter: asyncSeg, lexicon, data: diskEngineData() });
let t0 = now(); let r = linter.lint(text); console.log('open', (now() - t0).toFixed(0), 'ms; findings', r.findings.length);
const lines = text.split('\n');
const offsetOf = (line) => { let o = 0; for (let i = 0; i < line; i++) o += lines[i].length + 1; return o; };
let mid = lines.length >> 1; while (lines[mid].length < 150 || /^[一二三四五六七八九十（\d]/.test(lines[mid])) mid++;
const med = (a) => { const s = [...a].sort((x, y) => x - y); return `median ${s[s.length >> 1].toFixed(2).padStart(6)} min ${s[0].toFixed(2).padStart(6)} max ${s[s.length - 1].toFixed(2).padStart(7)}`; };
const publish = (result) => {
  const d = result.findings.map(convert.cachedDiagnostic ?? convert.toDiagnostic);
  return JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///x', version: 1, diagnostics: d } });
};
function measure(name, variants, runs) {
  const first = [], second = [], symT = [], symJ = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const v = variants[i % variants.length];
    t0 = now(); r = linter.lint(v); publish(r); first.push(now() - t0);
    if (pending.size) { resolvePending(); t0 = now(); r = linter.lint(v); publish(r); second.push(now() - t0); }
    t0 = now(); const s = JSON.stringify(symbolsMod.documentSymbols(r.document.root)); symT.push(now() - t0); bytes = s.length;
  }
  console.log(`${name.padEnd(24)} first  ${med(first)}`);
  if (second.length) console.log(`${''.padEnd(24)} second ${med(second)}`);
  console.log(`${''.padEnd(24)} symbols+JSON ${med(symT)} (${(Buffer.byteLength(JSON.stringify(symbolsMod.documentSymbols(r.document.root))) / 1e6).toFixed(2)} MB)`);
}
const runs = Number(process.env.RUNS ?? 40);
// one character: type 的 at column 40 of a paragraph (a different paragraph each time), delete it again
const oneChar = [];
for (let k = 0; k < 10; k++) { const off = offsetOf(mid + k) + 40; oneChar.push(text.slice(0, off) + '的' + text.slice(off), text); }
measure('one-character edit', oneChar, runs);
const gen = new DistinctReportGenerator(777);
const pastes = [];
for (let k = 0; k < 6; k++) { let p = ''; while (p.length < 2000) p += gen.paragraph(2000 - p.length); const off = offsetOf(mid + k); pastes.push(text.slice(0, off) + p.slice(0, 2000) + '\n' + text.slice(off), text); }
measure('paste 2,000 chars', pastes, 24);
let s = mid; while (!/^（[一二三四五六七八九十]+）/.test(lines[s])) s++;
let e = s + 1; while (e < lines.length && !/^([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)/.test(lines[e])) e++;
measure(`delete section (${e - s} lines)`, [text.slice(0, offsetOf(s)) + text.slice(offsetOf(e)), text], 24);
