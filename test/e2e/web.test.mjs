// The web extension (package.json "browser") in a real browser: code-server with the universal .vsix
// installed and `remote.extensionKind` set to ["web"] for gongwen, so that code-server runs it in its web
// worker extension host (the browser's, not the Node one on the server); the client starts the language
// server in a web worker of its own (dist/browser-server.js). Driven through Debian's chromium with
// playwright-core. Asserts real diagnostics (a numbering error, and a suspected wrong character, which
// needs the WebAssembly segmenter in the worker), the Outline from document symbols, and that the server
// that answered is the browser one: its worker is found in the page, and no Node server process exists.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { defaultVsixPath } from '../../scripts/package.mjs';
import { skipReasonWithoutBrowser, startSession, stopSession } from './lib/session.mjs';
import { ROOT, waitFor } from './lib/util.mjs';

const RESULTS = path.join(ROOT, 'test-results', 'e2e-web');
// What makes code-server run the extension in the browser's web worker extension host.
const SETTINGS = { 'remote.extensionKind': { 'gongwen.gongwen': ['web'] } };

let session;
let page;
let wb;
const skipReason = skipReasonWithoutBrowser();

before(async () => {
  if (skipReason) return;
  session = await startSession({
    prefix: 'gongwen-e2e-web-',
    vsix: defaultVsixPath({ universal: true }),
    files: { '工作总结.txt': 'examples/work-report.txt' },
    settings: SETTINGS,
    results: RESULTS,
    // The browser's console (the web worker extension host logs there): kept with the results.
    onPage(page) {
      const consoleLog = fs.createWriteStream(path.join(RESULTS, 'browser-console.log'));
      page.on('console', (message) => consoleLog.write(`${message.type()}: ${message.text()}\n`));
      page.on('worker', (worker) => {
        consoleLog.write(`worker: ${worker.url()}\n`);
        worker.on('console', (message) => consoleLog.write(`worker ${message.type()}: ${message.text()}\n`));
      });
    },
  });
  ({ page, wb } = session);
}, { timeout: 15 * 60_000 });

after(() => stopSession(session));

/** Every process below code-server (PID, command line), from ps. */
function descendants(root) {
  const rows = execFileSync('ps', ['-eo', 'pid=,ppid=,args='], { encoding: 'utf8' }).split('\n').map((line) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line)).filter(Boolean);
  const below = new Set([root]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [, pid, ppid] of rows) if (below.has(Number(ppid)) && !below.has(Number(pid))) below.add(Number(pid)), (grew = true);
  }
  return rows.filter(([, pid]) => below.has(Number(pid)) && Number(pid) !== root).map(([, pid, , args]) => ({ pid: Number(pid), args }));
}

async function failing(name, run) {
  try {
    await run();
  } catch (error) {
    await page?.screenshot({ path: path.join(RESULTS, `${name}-FAILED.png`) }).catch(() => {});
    if (session?.codeServer) fs.writeFileSync(path.join(RESULTS, 'code-server.log'), session.codeServer.log());
    throw error;
  }
}

test('diagnostics from the web worker server, with WebAssembly segmentation', { skip: skipReason, timeout: 180_000 }, () =>
  failing('diagnostics', async () => {
    await wb.openFile('工作总结.txt');
    await wb.problems((r) => r.some((row) => row.includes('二级标题序号不连续：上一个是“（三）”')), 'a numbering error');
    await page.screenshot({ path: path.join(RESULTS, 'problems.png') });
    // The list is virtual: maximize the panel so that every row is in the page.
    await wb.runCommand('View: Toggle Maximized Panel');
    let rows;
    try {
      rows = await wb.problems(
        (r) => r.some((row) => row.includes('二级标题序号不连续：上一个是“（三）”')) && r.some((row) => row.includes('疑似错别字：“渡”可能应为“度”')),
        'a numbering error and a suspected wrong character',
      );
    } finally {
      await wb.runCommand('View: Toggle Maximized Panel');
    }
    const suspect = rows.find((row) => row.includes('疑似错别字：“渡”可能应为“度”'));
    assert.ok(suspect.includes('[Ln 18, Col 82]'), suspect);
    const numbering = rows.find((row) => row.includes('二级标题序号不连续'));
    assert.ok(numbering.includes('[Ln 14, Col 1]'), numbering);
    assert.match(numbering, /gongwen/);
  }));

test('the Outline view shows the section tree (document symbols)', { skip: skipReason, timeout: 120_000 }, () =>
  failing('outline', async () => {
    await wb.runCommand('Explorer: Focus on Outline View');
    // Give the Outline the side bar: collapse the file list above it.
    const folders = page.locator('.pane', { has: page.locator('.explorer-folders-view') }).locator('.pane-header');
    if ((await folders.getAttribute('aria-expanded')) === 'true') await folders.click();
    const pane = page.locator('.pane', { has: page.locator('.pane-header', { hasText: /^\s*outline/i }) });
    const texts = await waitFor(async () => {
      const all = await pane.locator('.monaco-list-row').evaluateAll((nodes) => nodes.map((n) => n.textContent.replace(/\u00a0/g, ' ').trim()));
      return all.some((t) => t.startsWith('（三）持续守牢安全底线')) && all;
    }, { what: 'the outline tree', timeoutMs: 30_000 });
    for (const prefix of ['一、主要工作及成效', '（一）坚持学思践悟', '一是 抓好专题学习', '（五）坚持从严治党', '二、存在的问题和不足', '四、下一步工作打算']) assert.ok(texts.some((t) => t.startsWith(prefix)), `no outline node “${prefix}…”:\n${texts.join('\n')}`);
    await page.screenshot({ path: path.join(RESULTS, 'outline.png') });
  }));

test('the browser server answered: its worker is in the page, no Node server runs', { skip: skipReason, timeout: 60_000 }, () =>
  failing('browser-server', async () => {
    const workers = page.workers();
    const kinds = [];
    for (const worker of workers) kinds.push({ url: worker.url(), server: await worker.evaluate(() => globalThis.gongwenServer).catch((e) => `error: ${e.message}`) });
    console.log(`# workers: ${JSON.stringify(kinds)}`);
    const server = kinds.find((k) => k.server?.kind === 'browser')?.server;
    assert.ok(server, `no worker runs the browser server: ${JSON.stringify(kinds)}`);
    // It published the diagnostics of the report, loaded its data and the WebAssembly segmenter, and had
    // nothing to complain about.
    assert.equal(server.phase, 'ready');
    assert.equal(server.segmenter, 'ready');
    assert.ok(Object.entries(server.published).some(([uri, count]) => uri.endsWith(encodeURIComponent('工作总结.txt')) && count >= 14), JSON.stringify(server.published));
    assert.deepEqual(server.messages, []);
    // code-server's extension is a vscode-remote: location, which a worker cannot fetch: the client reads
    // the files for it (over the extension host's fetch); on https: locations the worker fetches them.
    assert.deepEqual(server.filesVia, ['client']);
    const nodeServers = descendants(session.codeServer.process.pid).filter((p) => /dist\/(server|segmentation-worker)\.js/.test(p.args));
    assert.deepEqual(nodeServers, [], 'the Node language server must not run');
  }));
