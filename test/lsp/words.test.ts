import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import { tempDir } from '../helpers/tempDir';
import { LspTestClient, PublishedDiagnostics } from '../helpers/lspClient';

let client: LspTestClient;
let dir: string;

async function start(trusted: boolean, folder: string): Promise<LspTestClient> {
  const c = new LspTestClient();
  await c.connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(folder).href,
    workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'ws' }],
    capabilities: {},
    initializationOptions: { workspaceTrusted: trusted },
  });
  await c.connection.sendNotification('initialized', {});
  return c;
}

const has = (d: PublishedDiagnostics, code: string, line?: number) => d.diagnostics.some((x) => x.code === code && (line === undefined || x.range.start.line === line));

before(async () => {
  dir = tempDir('gongwen-words-');
  client = await start(true, dir);
});

after(async () => {
  await client.shutdown();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('hover on a standard term shows its full content and usage in Chinese Markdown', async () => {
  const uri = pathToFileURL(path.join(dir, 'hover.txt')).href;
  await client.open(uri, '关于落实全面从严治党主体责任情况的报告\n\n持之以恒纠治“四风”，严格执行“三重一大”决策制度。\n');
  await client.waitForDiagnostics(uri);
  const line = '持之以恒纠治“四风”，严格执行“三重一大”决策制度。';
  const hover = await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: line.indexOf('四风') + 1 } });
  assert.equal(hover.contents.kind, 'markdown');
  assert.match(hover.contents.value, /四风/);
  assert.match(hover.contents.value, /形式主义、官僚主义、享乐主义和奢靡之风/);
  assert.match(hover.contents.value, /\*\*用法\*\*：/);
  assert.deepEqual(hover.range, { start: { line: 2, character: line.indexOf('四风') }, end: { line: 2, character: line.indexOf('四风') + 2 } });
  const other = await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: line.indexOf('三重一大') } });
  assert.match(other.contents.value, /重大事项决策、重要干部任免/);
  const none = await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 1 } });
  assert.equal(none, null);
});

test('plain text: ignore a word for the workspace, disable a rule on a line; the file is written and diagnostics go', async () => {
  const file = path.join(dir, '总结.txt');
  const uri = pathToFileURL(file).href;
  await client.open(uri, '关于2024年工作情况的报告\n\n希望大家再接再励。\n对工作作了认真布署。\n');
  // 布署 (two characters) needs the segmentation, which loads after the first publish.
  const published = await client.waitForDiagnostics(uri, (d) => has(d, 'misused-word', 2) && has(d, 'misused-word', 3), 20_000);
  const idiom = published.diagnostics.find((d) => d.code === 'misused-word' && d.range.start.line === 2)!;
  const actions = await client.request('textDocument/codeAction', { textDocument: { uri }, range: idiom.range, context: { diagnostics: [idiom], only: ['quickfix'] } });
  const titles = actions.map((a: any) => a.title);
  assert.deepEqual(titles, ['改为“再接再厉”', '忽略“再接再励”（本工作区）', '在本行停用规则 misused-word', '在本文档停用规则 misused-word', '在工作区停用规则 misused-word']);
  const ignore = actions[1];
  await client.request('workspace/executeCommand', ignore.command);
  const config = path.join(dir, '.gongwenrc.json');
  assert.deepEqual(JSON.parse(fs.readFileSync(config, 'utf8')).ignoreWords, ['再接再励']);
  const after1 = await client.waitForDiagnostics(uri, (d) => !has(d, 'misused-word', 2));
  assert.ok(has(after1, 'misused-word', 3));

  const word = after1.diagnostics.find((d) => d.code === 'misused-word' && d.range.start.line === 3)!;
  const lineActions = await client.request('textDocument/codeAction', { textDocument: { uri }, range: word.range, context: { diagnostics: [word], only: ['quickfix'] } });
  const disableLine = lineActions.find((a: any) => a.title === '在本行停用规则 misused-word');
  assert.equal(disableLine.command.command, 'gongwen.server.updateConfig');
  await client.request('workspace/executeCommand', disableLine.command);
  const written = JSON.parse(fs.readFileSync(config, 'utf8'));
  assert.deepEqual(written.files['总结.txt'].disableLines, [{ rule: 'misused-word', line: '对工作作了认真布署。' }]);
  await client.waitForDiagnostics(uri, (d) => !has(d, 'misused-word'));
});

test('workspace disable sets the rule to "off" and keeps comments in an existing file', async () => {
  const sub = path.join(dir, 'sub');
  fs.mkdirSync(sub);
  const config = path.join(sub, '.gongwenrc.json');
  fs.writeFileSync(config, '{\n  // 我们的配置\n  "rules": {}\n}\n');
  const uri = pathToFileURL(path.join(sub, 'a.txt')).href;
  await client.open(uri, '截止目前，全县已完成投资12亿元。\n');
  const published = await client.waitForDiagnostics(uri, (d) => has(d, 'jiezhi'));
  const diagnostic = published.diagnostics.find((d) => d.code === 'jiezhi')!;
  const actions = await client.request('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic], only: ['quickfix'] } });
  await client.request('workspace/executeCommand', actions.find((a: any) => a.title === '在工作区停用规则 jiezhi').command);
  const text = fs.readFileSync(config, 'utf8');
  assert.match(text, /\/\/ 我们的配置/);
  assert.match(text, /"jiezhi": "off"/);
  await client.waitForDiagnostics(uri, (d) => !has(d, 'jiezhi'));
});

test('Markdown: disabling on a line inserts a disable comment above it', async () => {
  const uri = pathToFileURL(path.join(dir, 'notes.md')).href;
  const text = '# 工作总结\n\n全面从紧治党取得新成效。\n';
  await client.open(uri, text, 'markdown');
  const published = await client.waitForDiagnostics(uri, (d) => has(d, 'standard-term'));
  const diagnostic = published.diagnostics.find((d) => d.code === 'standard-term')!;
  const actions = await client.request('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic], only: ['quickfix'] } });
  const line = actions.find((a: any) => a.title === '在本行停用规则 standard-term');
  const [edit] = line.edit.changes[uri];
  assert.deepEqual(edit, { range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, newText: '<!-- gongwen-disable-next-line standard-term -->\n' });
  const whole = actions.find((a: any) => a.title === '在本文档停用规则 standard-term');
  assert.equal(whole.edit.changes[uri][0].newText, '<!-- gongwen-disable standard-term -->\n');
  await client.change(uri, 2, [{ range: edit.range, text: edit.newText }]);
  await client.waitForDiagnostics(uri, (d) => d.version === 2 && !has(d, 'standard-term'));
});

test('untrusted workspace: no ignore or disable actions are offered', async () => {
  const untrusted = await start(false, dir);
  try {
    const uri = pathToFileURL(path.join(dir, 'u.txt')).href;
    await untrusted.open(uri, '全面从紧治党取得新成效。\n');
    const published = await untrusted.waitForDiagnostics(uri, (d) => has(d, 'standard-term'));
    const diagnostic = published.diagnostics.find((d) => d.code === 'standard-term')!;
    const actions = await untrusted.request('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic], only: ['quickfix'] } });
    assert.deepEqual(actions.map((a: any) => a.title), ['改为“全面从严治党”']);
  } finally {
    await untrusted.shutdown();
  }
});
