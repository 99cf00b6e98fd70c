// Bad configuration, unavailable segmentation, workspace trust and the size limit, over real LSP:
// one clear Chinese message each (not one per keystroke), and the server keeps serving with defaults.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, test } from 'node:test';
import { tempDir } from '../helpers/tempDir';
import { LspTestClient } from '../helpers/lspClient';
import { report } from './invariants';

const REPORT = '关于2024年工作情况的报告\n\n一.总体情况\n全年完成各项任务。\n三、存在问题\n学习还不够深入。\n';
const clients: LspTestClient[] = [];
after(async () => {
  await Promise.all(clients.map((c) => c.shutdown()));
});

function start(env: NodeJS.ProcessEnv = process.env): LspTestClient {
  const client = new LspTestClient(['--stdio'], env);
  clients.push(client);
  return client;
}

function dirWithConfig(content: string): string {
  const dir = tempDir('gongwen-rel-');
  fs.writeFileSync(path.join(dir, '.gongwenrc.json'), content);
  return dir;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Opens a document, types into it `edits` times, and returns the diagnostics of the last version. */
async function openAndType(client: LspTestClient, uri: string, edits = 20) {
  await client.open(uri, REPORT, 'gongwen', 1);
  for (let v = 2; v <= edits + 1; v++) {
    await client.change(uri, v, [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, text: '新' }]);
  }
  return client.waitForDiagnostics(uri, (d) => d.version === edits + 1);
}

test('segmentation unavailable (dictionary missing): one message, structure diagnostics go on', async () => {
  const client = start({ ...process.env, GONGWEN_JIEBA_DICT_DIR: path.join(os.tmpdir(), 'gongwen-no-such-dictionary') });
  await client.initialize({}, {});
  const uri = 'untitled:nosegment';
  const first = await openAndType(client, uri, 1);
  assert.ok(first.diagnostics.some((d) => d.code === 'heading-marker'));
  // The worker starts after the first publish and fails at once; keep typing meanwhile.
  for (let v = 3; v <= 30; v++) {
    await client.change(uri, v, [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, text: '改' }]);
    await sleep(50);
  }
  const last = await client.waitForDiagnostics(uri, (d) => d.version === 30);
  assert.ok(last.diagnostics.some((d) => d.code === 'heading-numbering'), 'structure diagnostics still published');
  const segmentation = client.messages.filter((m) => m.message.includes('分词'));
  assert.equal(segmentation.length, 1, JSON.stringify(client.messages));
  assert.match(segmentation[0].message, /分词词典不可用/);
  const stats = await client.request('gongwen/statistics', { uri });
  assert.equal(stats.words, null);
  assert.equal(client.process.exitCode, null, 'server still running');
  report(`segmentation failure: dictionary dir missing → 1 message (“${segmentation[0].message.slice(0, 40)}…”), structure diagnostics and statistics still served`);
});

test('a segmentation worker that dies after loading is restarted (three times), then segmentation is off, said once', async () => {
  // Fault injection: every worker throws on the second batch of lines it is sent.
  const client = start({ ...process.env, GONGWEN_TEST_SEGMENTATION_CRASH_AT: '2' });
  const logs: string[] = [];
  client.connection.onNotification('window/logMessage', (params: { message: string }) => {
    logs.push(params.message);
  });
  await client.initialize({}, {});
  const uri = 'untitled:restart';
  await client.open(uri, REPORT, 'gongwen', 1);
  const warned = () => client.messages.some((m) => m.message.includes('分词'));
  /** Word counts for `version` (segmentation answered), or undefined once segmentation was given up. */
  const wordsFor = async (version: number) => {
    for (;;) {
      const stats = await client.request('gongwen/statistics', { uri });
      if (stats.version === version && stats.words !== null) return stats.words as number;
      if (warned()) return undefined;
      await sleep(20);
    }
  };
  assert.ok((await wordsFor(1))! > 0);
  let version = 1;
  const typeLine = async (text: string) => {
    version++;
    await client.change(uri, version, [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, text }]);
    return wordsFor(version);
  };
  // Batch 2 kills the first worker; a new one cuts the line again: segmentation-based checks go on.
  assert.ok((await typeLine('认真布署，')) !== undefined, 'words after the first restart');
  assert.ok(logs.some((l) => /分词线程.*正在重新启动（第 1 次）/.test(l)), logs.join('\n'));
  const afterRestart = await client.waitForDiagnostics(uri, (d) => d.version === version && d.diagnostics.some((x) => x.code === 'misused-word'));
  assert.ok(afterRestart);
  // Each new worker dies on its second batch: after three restarts segmentation is given up, with one message.
  let edits = 0;
  while (!warned() && edits < 20) {
    edits++;
    await typeLine('改');
  }
  assert.ok(warned(), 'segmentation was given up');
  assert.equal(logs.filter((l) => /正在重新启动/.test(l)).length, 3, logs.join('\n'));
  assert.equal(client.messages.filter((m) => m.message.includes('分词')).length, 1, JSON.stringify(client.messages));
  version++;
  await client.change(uri, version, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 2 } }, text: '一、' }]);
  const last = await client.waitForDiagnostics(uri, (d) => d.version === version);
  assert.ok(last.diagnostics.some((d) => d.code === 'heading-numbering'), 'structure diagnostics still published');
  assert.equal(client.process.exitCode, null, 'server still running');
  report(`segmentation worker crashes: restarted 3 times (segmentation-based checks continued), then given up with 1 message after ${edits} more edits`);
});

const BAD_CONFIGS: [string, string, RegExp][] = [
  ['malformed JSON', '{ "rules": { "heading-marker": "off" ', /不是有效的 JSON/],
  ['wrong types', '{ "rules": [], "userWords": "单位名称", "maxDocumentChars": "大" }', /应为/],
  ['unknown rule', '{ "rules": { "no-such-rule": "error" } }', /未知的规则“no-such-rule”/],
  ['huge word list with invalid lines', JSON.stringify({ userWords: [...Array.from({ length: 120_000 }, (_, i) => `词${i}`), '', '含 空格', 'x'.repeat(80), 42] }), /超过 100000 项|无效/],
  ['user dictionary path that does not exist', '{ "userDictionary": "/no/such/dict.txt" }', /未知的配置项“userDictionary”/],
];

test('bad .gongwenrc.json: one message per problem file, defaults apply, the server keeps running', async () => {
  const client = start();
  await client.initialize({}, {});
  for (const [name, content, expected] of BAD_CONFIGS) {
    const dir = dirWithConfig(content);
    const uri = pathToFileURL(path.join(dir, 'report.gw')).href;
    const before = client.messages.length;
    const published = await openAndType(client, uri, 20);
    assert.ok(published.diagnostics.some((d) => d.code === 'heading-numbering'), `${name}: defaults still check`);
    const fresh = client.messages.slice(before).filter((m) => m.message.includes('配置'));
    assert.equal(fresh.length, 1, `${name}: ${JSON.stringify(client.messages.slice(before))}`);
    assert.match(fresh[0].message, expected);
    report(`bad config (${name}): 1 message after 21 versions: ${fresh[0].message.slice(0, 90)}…`);
  }
  const symbols = await client.request('textDocument/documentSymbol', { textDocument: { uri: 'untitled:none' } });
  assert.deepEqual(symbols, []);
});

test('workspace trust: an untrusted workspace ignores .gongwenrc.json; a trusted one applies it', async () => {
  const dir = dirWithConfig('{ "rules": { "heading-numbering": "off", "heading-marker": "off" } }');
  const uri = pathToFileURL(path.join(dir, 'report.gw')).href;
  const untrusted = start();
  await untrusted.initialize({ workspaceTrusted: false }, {});
  const limited = await openAndType(untrusted, uri, 3);
  assert.ok(limited.diagnostics.some((d) => d.code === 'heading-numbering'));
  assert.ok(limited.diagnostics.some((d) => d.code === 'heading-marker'));
  const trusted = start();
  await trusted.initialize({ workspaceTrusted: true }, {});
  const full = await openAndType(trusted, uri, 3);
  assert.ok(!full.diagnostics.some((d) => d.code === 'heading-numbering' || d.code === 'heading-marker'), JSON.stringify(full.diagnostics));
  report(`workspace trust: untrusted → ${limited.diagnostics.length} diagnostics (config ignored), trusted → ${full.diagnostics.length} (config applied)`);
});

test('size limit: over maxDocumentChars, structure checks only, said once', async () => {
  const client = start();
  client.settings = { maxDocumentChars: 1000 };
  await client.initialize({}, { workspace: { configuration: true } });
  await sleep(200);
  const uri = 'untitled:big';
  const big = REPORT + '全年完成各项任务，'.repeat(200) + '\n';
  await client.open(uri, big, 'gongwen', 1);
  for (let v = 2; v <= 21; v++) await client.change(uri, v, [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, text: '新' }]);
  const published = await client.waitForDiagnostics(uri, (d) => d.version === 21);
  const codes = published.diagnostics.map((d) => d.code);
  assert.ok(codes.includes('document-size'), codes.join());
  assert.ok(codes.includes('heading-numbering'), 'structure still checked');
  assert.ok(!codes.includes('heading-marker'), 'line rules skipped');
  const size = client.messages.filter((m) => m.message.includes('只检查标题结构'));
  assert.equal(size.length, 1, JSON.stringify(client.messages));
  report(`size limit: ${big.length}-char document over maxDocumentChars 1000 → structure only, 1 message over 21 versions`);
});
