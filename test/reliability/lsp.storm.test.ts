// Edit storms over real LSP: thousands of didChange with symbol/folding requests and cancellations in
// between; no answer is for a stale version, and the final diagnostics equal a fresh check of the final text.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { CancellationTokenSource } from 'vscode-jsonrpc/node';
import { Linter, lineStartOffsets, parseDocument } from '../../server/src/engine';
import { toDiagnostic } from '../../server/src/features/convert';
import { documentSymbols } from '../../server/src/features/documentSymbols';
import { foldingRanges } from '../../server/src/features/foldingRanges';
import { sharedEngineData } from '../../server/src/host/data';
import { SyncSegmenter } from '../../server/src/segmentation/syncSegmenter';
import { LspTestClient } from '../helpers/lspClient';
import { randomChange } from './arbitraries';
import { report, ROOT } from './invariants';

const CHANGES = 5000;
const INSERTIONS = ['一、', '（二）', '1.', '（1）', '。', '，', '、', '：', '\n', '\r\n', '一是', '二是', '第一，', '𠮷', '标题', '工作', ' ', '\u3000', '特此报告。', '2024年12月20日', '(一)、', '1、'];

function mulberry32(seed: number): () => number {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function position(text: string, starts: number[], offset: number) {
  let line = 0;
  while (line + 1 < starts.length && starts[line + 1] <= offset) line++;
  return { line, character: offset - starts[line] };
}

test(`edit storm: ${CHANGES} didChange with interleaved requests and cancellations`, async () => {
  const client = new LspTestClient();
  try {
    await client.initialize({}, {});
    const uri = 'untitled:storm';
    let text = fs.readFileSync(path.join(ROOT, 'examples', 'work-report.txt'), 'utf8');
    await client.open(uri, text, 'gongwen', 1);
    const rnd = mulberry32(42);
    const requests: Promise<void>[] = [];
    let answered = 0;
    let cancelled = 0;
    let largest = text.length;
    const mismatches: string[] = [];
    const started = performance.now();
    for (let version = 2; version <= CHANGES + 1; version++) {
      // Keep the document within a few pages: past 12,000 characters, only delete.
      let change = randomChange(text, rnd, INSERTIONS);
      if (text.length > 12_000) change = { start: change.start, end: Math.min(text.length, change.start + 40), text: '' };
      // Never cut a CRLF or a surrogate pair in half (an editor would not).
      const inside = (i: number) => i > 0 && i < text.length && ((text[i - 1] === '\r' && text[i] === '\n') || (/[\uD800-\uDBFF]/.test(text[i - 1]) && /[\uDC00-\uDFFF]/.test(text[i])));
      while (inside(change.start)) change.start--;
      while (inside(change.end)) change.end++;
      if (change.end < change.start) change.end = change.start;
      const starts = lineStartOffsets(text);
      const range = { start: position(text, starts, change.start), end: position(text, starts, change.end) };
      text = text.slice(0, change.start) + change.text + text.slice(change.end);
      largest = Math.max(largest, text.length);
      void client.change(uri, version, [{ range, text: change.text }]);
      if (version % 25 === 0) {
        const snapshot = text;
        const symbolsWanted = version % 50 === 0;
        const source = new CancellationTokenSource();
        const method = symbolsWanted ? 'textDocument/documentSymbol' : 'textDocument/foldingRange';
        const request = client.connection.sendRequest(method, { textDocument: { uri } }, source.token) as Promise<unknown>;
        if (version % 75 === 0) source.cancel();
        requests.push(
          request.then(
            (result) => {
              answered++;
              const root = parseDocument(snapshot, 'plaintext').root;
              const expected = symbolsWanted ? documentSymbols(root) : foldingRanges(root);
              try {
                assert.deepEqual(result, JSON.parse(JSON.stringify(expected)));
              } catch {
                mismatches.push(`${method} answered for another version than ${version}`);
              }
            },
            (error: { code?: number }) => {
              if (error.code !== -32800) throw error;
              cancelled++;
            },
          ),
        );
      }
    }
    const sentMs = performance.now() - started;
    await Promise.all(requests);
    const finalVersion = CHANGES + 1;

    // The final diagnostics must equal a fresh check of the final text (segmentation included, once ready).
    const segmenter = new SyncSegmenter();
    const expected = JSON.parse(JSON.stringify(new Linter({ segmenter, lexicon: () => segmenter.lexicon, data: sharedEngineData() }).lint(text, 'plaintext').findings.map(toDiagnostic)));
    const final = await client.waitForDiagnostics(uri, (d) => d.version === finalVersion && JSON.stringify(d.diagnostics) === JSON.stringify(expected), 30_000).catch(() => undefined);
    const last = client.diagnostics.get(uri);
    if (!final) {
      const key = (d: unknown) => JSON.stringify(d);
      const got = new Set<string>((last?.diagnostics ?? []).map(key));
      const want = new Set<string>((expected as unknown[]).map(key));
      const extra = [...got].filter((d) => !want.has(d));
      const missing = [...want].filter((d) => !got.has(d));
      assert.fail(`final diagnostics differ from a fresh check (version ${last?.version}): extra ${extra.join(' ').slice(0, 800)}; missing ${missing.join(' ').slice(0, 800)}`);
    }

    const versions = client.published.filter((p) => p.uri === uri).map((p) => p.version!);
    for (let i = 1; i < versions.length; i++) assert.ok(versions[i] >= versions[i - 1], `diagnostics for version ${versions[i]} published after version ${versions[i - 1]}`);
    assert.deepEqual(mismatches, []);
    assert.ok(answered > 0);
    report(
      `edit storm: ${CHANGES} didChange sent in ${(sentMs / 1000).toFixed(2)} s, document up to ${largest} chars, ${requests.length} symbol/folding requests ` +
        `(${answered} answered for exactly their version, ${cancelled} cancelled), ${versions.length} diagnostics publishes with non-decreasing versions, final ${expected.length} diagnostics equal a fresh check`,
    );
  } finally {
    await client.shutdown();
  }
});
