// The packaged extension on its own: unpack the .vsix into a folder with no node_modules above it and
// run the language server from there. Proves the bundle, nodejieba's binary and its dictionaries travel
// inside the .vsix (segmentation only works if they do).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { createRequire } from 'node:module';
import { defaultVsixPath, extractZip, listZip, REQUIRED_ENTRIES } from '../../scripts/package.mjs';
import { binaryState } from '../../scripts/patch-nodejieba.mjs';
import { ROOT, waitFor } from './lib/util.mjs';

const require = createRequire(import.meta.url);
const rpc = require('vscode-jsonrpc/node');

const vsix = defaultVsixPath();
let dir;
let server;
let connection;
let stderr = '';
const diagnostics = new Map();
const messages = [];

before(() => {
  assert.ok(fs.existsSync(vsix), `${vsix} is missing: run \`npm run package\` first (npm run test:e2e does)`);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-vsix-'));
  extractZip(vsix, dir);
});

after(() => {
  connection?.dispose();
  if (server && server.exitCode === null) server.kill('SIGKILL');
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

test('the .vsix holds the bundles, nodejieba and its dictionaries, and no sources', () => {
  const names = listZip(vsix).map((e) => e.name);
  for (const name of REQUIRED_ENTRIES) assert.ok(names.includes(name), `missing ${name}`);
  assert.deepEqual(names.filter((n) => /\.(ts|map)$|^extension\/(out|test|client|examples)\//.test(n)), []);
  // Of node_modules only nodejieba travels (everything else is bundled by esbuild).
  assert.deepEqual([...new Set(names.filter((n) => n.includes('node_modules/')).map((n) => n.split('/')[2]))], ['nodejieba']);
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'extension', 'package.json'), 'utf8'));
  assert.equal(manifest.main, './dist/client.js');
  // The language model (lm.bin) and the prebuilt segmentation tables are most of it.
  assert.ok(fs.statSync(vsix).size < 30 * 1024 * 1024, `the .vsix should stay under 30 MB: ${fs.statSync(vsix).size} bytes`);
  // The packaged binary is the patched nodejieba that loads its dictionary once (scripts/patch-nodejieba.mjs).
  assert.equal(binaryState(path.join(dir, 'extension', 'node_modules', 'nodejieba', 'build', 'Release', 'nodejieba.node')), 'patched');
});

test('the server runs from the unpacked extension, with segmentation', async () => {
  const extension = path.join(dir, 'extension');
  // No node_modules on the way up from the temp dir: nodejieba can only come from the .vsix.
  server = spawn(process.execPath, [path.join(extension, 'dist', 'server.js'), '--stdio'], { cwd: os.tmpdir(), stdio: ['pipe', 'pipe', 'pipe'] });
  server.stderr.on('data', (d) => (stderr += d));
  connection = rpc.createMessageConnection(new rpc.StreamMessageReader(server.stdout), new rpc.StreamMessageWriter(server.stdin));
  connection.onNotification('textDocument/publishDiagnostics', (p) => diagnostics.set(p.uri, p));
  connection.onNotification('window/showMessage', (p) => messages.push(p));
  connection.onNotification('window/logMessage', () => {});
  connection.onRequest('workspace/configuration', (p) => p.items.map(() => null));
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();
  await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
  await connection.sendNotification('initialized', {});
  const uri = 'file:///tmp/work-report.txt';
  const text = fs.readFileSync(path.join(ROOT, 'examples', 'work-report.txt'), 'utf8');
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text } });

  const published = await waitFor(() => diagnostics.get(uri), { timeoutMs: 15_000, what: 'diagnostics' });
  const numbering = published.diagnostics.find((d) => d.code === 'heading-numbering' && d.range.start.line === 13);
  assert.ok(numbering, `expected the （四） gap on line 14; got ${JSON.stringify(published.diagnostics.map((d) => [d.code, d.range.start.line]))}`);
  assert.match(numbering.message, /二级标题序号不连续/);

  const stats = await waitFor(
    async () => {
      const s = await connection.sendRequest('gongwen/statistics', { uri });
      return s && !s.pending && s;
    },
    { timeoutMs: 30_000, intervalMs: 200, what: 'word counts from nodejieba' },
  );
  assert.ok(stats.words > 100, `words: ${stats.words}`);
  assert.deepEqual(messages.filter((m) => m.type <= 2), [], 'no error or warning message (e.g. nodejieba failing to load)');
  assert.doesNotMatch(stderr, /nodejieba|Error/);

  const symbols = await connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
  assert.ok(symbols.some((s) => s.name.includes('主要工作及成效')), JSON.stringify(symbols.map((s) => s.name)));

  await connection.sendRequest('shutdown');
  await connection.sendNotification('exit');
  await waitFor(() => server.exitCode !== null, { timeoutMs: 5000, what: 'the server to exit' });
});
