// Completion latency in a large report (target: under 10 ms at 100 KB). Not a test: it prints figures.
//   node scripts/build.mjs && node benchmarks/completion.mjs
// Measures (1) the engine alone on a parsed document, (2) what the server does per request after an
// edit (incremental re-parse + completion), and (3) the LSP round trip to dist/server.js.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { DocumentParser, parseDocument } = require(path.join(root, 'out/server/src/engine/index.js'));
const { complete, PhraseCatalog } = require(path.join(root, 'out/server/src/engine/completion.js'));
const rpc = require('vscode-jsonrpc/node');

const FILES = { skeleton: 'skeletons', opening: 'opening', transition: 'transition', practice: 'practice', problem: 'problems', cause: 'causes', 'next-step': 'next-steps', closing: 'closing', structure: 'structures', term: 'terms' };
const files = Object.fromEntries(Object.entries(FILES).map(([fn, f]) => [fn, JSON.parse(fs.readFileSync(path.join(root, 'snippets', `${f}.json`), 'utf8'))]));
const catalog = new PhraseCatalog(files);

/** A synthetic report of at least `bytes` UTF-8 bytes, built from the catalog's own phrases. */
function makeReport(bytes) {
  const texts = catalog.phrases.filter((p) => !['skeleton', 'term', 'structure'].includes(p.function)).map((p) => p.text);
  const cn = (n) => '一二三四五六七八九十'[n - 1] ?? String(n);
  const lines = ['关于××局2024年度工作情况的报告', '', '2024年以来，我局认真落实各项决策部署。现将有关情况汇报如下：'];
  let size = 0;
  let k = 0;
  for (let part = 1; size < bytes; part++) {
    lines.push(`${part <= 10 ? cn(part) : part}、第${part}部分工作情况`);
    for (let sub = 1; sub <= 6 && size < bytes; sub++) {
      lines.push(`（${cn(sub)}）加强第${sub}方面工作`);
      for (let p = 0; p < 4; p++) {
        const paragraph = `一是${texts[k++ % texts.length]}二是${texts[k++ % texts.length]}三是${texts[k++ % texts.length]}全年开展检查${k}次，同比增长${k % 30}.5%。`;
        lines.push(paragraph);
        size += Buffer.byteLength(paragraph) + 1;
      }
    }
  }
  lines.push('', '特此报告。', '', '××局', '2025年1月10日');
  return lines;
}

function stats(samples) {
  const s = [...samples].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return `median ${q(0.5).toFixed(3)} ms, p95 ${q(0.95).toFixed(3)} ms, max ${s[s.length - 1].toFixed(3)} ms`;
}

function time(fn, runs = 200) {
  for (let i = 0; i < 20; i++) fn(i);
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn(i);
    samples.push(performance.now() - t);
  }
  return stats(samples);
}

for (const target of [100_000, 300_000]) {
  const lines = makeReport(target);
  const text = lines.join('\n');
  const mid = Math.floor(lines.length / 2);
  console.log(`\nreport: ${Buffer.byteLength(text).toLocaleString('en-US')} bytes, ${text.length.toLocaleString('en-US')} characters, ${lines.length} lines`);

  const doc = parseDocument(text);
  const cases = {
    'typed 全面从严 (middle)': () => {
      const l = [...lines];
      l[mid] = l[mid] + '全面从严';
      return { doc: parseDocument(l.join('\n')), pos: { line: mid, character: l[mid].length } };
    },
    'new line (next number + section phrases)': () => {
      const l = [...lines];
      l.splice(mid, 0, '');
      return { doc: parseDocument(l.join('\n')), pos: { line: mid, character: 0 } };
    },
    'pinyin qmcy at the end': () => {
      const l = [...lines, 'qmcy'];
      return { doc: parseDocument(l.join('\n')), pos: { line: l.length - 1, character: 4 } };
    },
  };
  for (const [name, make] of Object.entries(cases)) {
    const { doc: d, pos } = make();
    console.log(`  engine complete(), ${name}: ${time(() => complete(d, pos, catalog))}`);
  }
  void doc;

  // What the server does per keystroke: re-parse after a one-line edit (line cache warm), then complete.
  const parser = new DocumentParser();
  parser.parse(text);
  console.log(
    `  server path (re-parse after a one-line edit + complete): ${time((i) => {
      const l = [...lines];
      l[mid] = l[mid] + '全面从严'.slice(0, (i % 4) + 1);
      complete(parser.parse(l.join('\n')), { line: mid, character: l[mid].length }, catalog);
    }, 100)}`,
  );
}

// LSP round trip: didChange (typing one character) then textDocument/completion, measured end to end.
const lines = makeReport(100_000);
const server = spawn(process.execPath, [path.join(root, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
const connection = rpc.createMessageConnection(new rpc.StreamMessageReader(server.stdout), new rpc.StreamMessageWriter(server.stdin));
connection.onNotification(() => {});
connection.onRequest(() => null);
connection.listen();
await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { textDocument: { completion: { completionItem: { snippetSupport: true } } } } });
await connection.sendNotification('initialized', {});
const uri = 'file:///tmp/benchmark.gw';
await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'gongwen', version: 1, text: lines.join('\n') } });
const line = Math.floor(lines.length / 2);
let column = lines[line].length;
const samples = [];
for (let version = 2; version < 120; version++) {
  const char = '全面从严'[(version - 2) % 4];
  await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: { start: { line, character: column }, end: { line, character: column } }, text: char }] });
  column++;
  const t = performance.now();
  await connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line, character: column } });
  if (version > 20) samples.push(performance.now() - t);
}
console.log(`\nLSP round trip (didChange of one character + completion) at ${Buffer.byteLength(lines.join('\n')).toLocaleString('en-US')} bytes: ${stats(samples)}`);
await connection.sendRequest('shutdown');
await connection.sendNotification('exit');
connection.dispose();
