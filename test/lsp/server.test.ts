import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { LspTestClient, ROOT } from '../helpers/lspClient';

const FIXTURES = path.join(ROOT, 'test', 'fixtures');
const read = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');

let client: LspTestClient;

before(async () => {
  client = new LspTestClient();
});

after(async () => {
  await client.shutdown();
});

test('initialize announces incremental sync, symbols, folding, code actions', async () => {
  const result = await client.initialize({}, { workspace: { configuration: true } });
  const caps = result.capabilities;
  assert.equal(caps.textDocumentSync.change, 2);
  assert.ok(caps.documentSymbolProvider);
  assert.equal(caps.foldingRangeProvider, true);
  assert.ok(caps.codeActionProvider.codeActionKinds.includes('source.fixAll.gongwen'));
});

test('didOpen publishes Chinese diagnostics with rule codes', async () => {
  const uri = 'file:///tmp/errors.gw';
  await client.open(uri, read('numbering-errors.txt'));
  const published = await client.waitForDiagnostics(uri);
  assert.equal(published.version, 1);
  const repeat = published.diagnostics.find((d) => d.code === 'heading-numbering')!;
  assert.equal(repeat.message, '二级标题序号重复：“（二）”与上一个同级标题相同，应为“（三）”');
  assert.equal(repeat.severity, 1);
  assert.equal(repeat.source, 'gongwen');
  assert.deepEqual(repeat.range, { start: { line: 5, character: 0 }, end: { line: 5, character: 3 } });
});

test('didChange (incremental) re-publishes for the new version', async () => {
  const uri = 'file:///tmp/errors.gw';
  // Line 5 "（二）作风方面": change the repeated （二） to （三）.
  await client.change(uri, 2, [{ range: { start: { line: 5, character: 1 }, end: { line: 5, character: 2 } }, text: '三' }]);
  const published = await client.waitForDiagnostics(uri, (d) => d.version === 2);
  assert.ok(!published.diagnostics.some((d) => d.range.start.line === 5), JSON.stringify(published.diagnostics));
  // Insert a line above: everything below moves down by one.
  await client.change(uri, 3, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: '新增的一段说明。\n' }]);
  const moved = await client.waitForDiagnostics(uri, (d) => d.version === 3);
  assert.deepEqual(
    moved.diagnostics.map((d) => d.range.start.line),
    published.diagnostics.map((d) => d.range.start.line + 1),
  );
});

test('documentSymbol returns the section tree with character counts', async () => {
  const uri = 'file:///tmp/levels.gw';
  await client.open(uri, read('levels.txt'));
  const symbols = await client.request('textDocument/documentSymbol', { textDocument: { uri } });
  assert.deepEqual(symbols.map((s: any) => s.name), ['关于2024年度落实全面从严治党主体责任情况的报告', '开头', '一、履行主体责任情况', '二、存在的问题', '三、下一步工作打算', '结尾']);
  const part = symbols[2];
  assert.match(part.detail, /^\d+字$/);
  assert.equal(part.children[0].name, '（一）强化政治建设');
  assert.equal(part.children[0].children[0].name, '1.加强理论学习');
  assert.equal(part.children[0].children[0].children[0].children[0].name, '第一 坚持会前学习');
  assert.deepEqual(part.selectionRange, { start: { line: 5, character: 0 }, end: { line: 5, character: 10 } });
});

test('foldingRange gives one range per multi-line section', async () => {
  const ranges = await client.request('textDocument/foldingRange', { textDocument: { uri: 'file:///tmp/levels.gw' } });
  const starts = ranges.map((r: any) => `${r.startLine}-${r.endLine}`);
  assert.ok(starts.includes('5-15'), starts.join()); // 一、 … up to the last line before 二、
  assert.ok(starts.includes('6-14'), starts.join()); // （一）
  assert.ok(starts.includes('21-24'), starts.join()); // closing
});

test('code actions: the quick fix of a finding, renumber, and fix all', async () => {
  const uri = 'file:///tmp/fix.gw';
  const text = '标题\n\n一.总体情况\n（二）学习情况\n';
  await client.open(uri, text);
  const published = await client.waitForDiagnostics(uri);
  const marker = published.diagnostics.find((d) => d.code === 'heading-marker')!;
  const actions = await client.request('textDocument/codeAction', {
    textDocument: { uri },
    range: marker.range,
    context: { diagnostics: published.diagnostics },
  });
  const quick = actions.find((a: any) => a.title === '改为“一、”');
  assert.ok(quick.isPreferred);
  assert.deepEqual(quick.edit.changes[uri], [{ range: marker.range, newText: '一、' }]);
  assert.ok(actions.some((a: any) => a.command?.command === 'gongwen.server.renumber'));
  const fixAll = await client.request('textDocument/codeAction', {
    textDocument: { uri },
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    context: { diagnostics: [], only: ['source.fixAll.gongwen'] },
  });
  assert.equal(fixAll.length, 1);
  assert.deepEqual(fixAll[0].edit.changes[uri].map((e: any) => e.newText), ['一、']);
});

test('the renumber command applies a workspace edit', async () => {
  await client.request('workspace/executeCommand', { command: 'gongwen.server.renumber', arguments: ['file:///tmp/fix.gw'] });
  const edit: any = client.appliedEdits.at(-1);
  assert.deepEqual(edit.edit.changes['file:///tmp/fix.gw'].map((e: any) => e.newText), ['一、', '（一）']);
});

test('statistics request counts characters and paragraphs', async () => {
  const stats = await client.request('gongwen/statistics', { uri: 'file:///tmp/levels.gw' });
  assert.equal(stats.paragraphs, 22);
  assert.ok(stats.chars > 200);
});

test('plain text that is mostly English gets no diagnostics; Chinese plain text does', async () => {
  await client.open('file:///tmp/en.txt', 'Meeting notes\n\n1、 first item\n1、 again\n', 'plaintext');
  await client.open('file:///tmp/zh.txt', read('numbering-errors.txt'), 'plaintext');
  // Both were opened before the server's next pass; by the time the Chinese one is published, the English one was passed over.
  const zh = await client.waitForDiagnostics('file:///tmp/zh.txt');
  assert.ok(zh.diagnostics.length > 5);
  assert.deepEqual(client.diagnostics.get('file:///tmp/en.txt')?.diagnostics ?? [], []);
});

test('positions are UTF-16 code units over the wire', async () => {
  const uri = 'file:///tmp/ext.gw';
  await client.open(uri, '𠮷𠮷报告\n\n一、𠮷情况\n（二）、𠮷方面\n');
  const published = await client.waitForDiagnostics(uri);
  const marker = published.diagnostics.find((d) => d.code === 'heading-marker')!;
  assert.deepEqual(marker.range, { start: { line: 3, character: 0 }, end: { line: 3, character: 4 } });
});

test('shutdown and exit end the process cleanly', async () => {
  const other = new LspTestClient();
  await other.initialize();
  assert.equal(await other.shutdown(), 0);
});

test('a re-check of the same version that finds the same is not published again', async () => {
  const uri = 'file:///tmp/same.gw';
  await client.open(uri, '一、总体情况\n今年以来，我们认真落实各项工作任务。\n二、存在问题\n工作作风还需要进一步改进。\n三、下步打算\n继续抓好各项工作落实。\n');
  const wordsFor = async (version: number) => {
    for (;;) {
      const stats = await client.request('gongwen/statistics', { uri });
      if (stats.version === version && stats.words !== null) return stats;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  await wordsFor(1);
  // A one-character edit: published at once, then the edited line is segmented and checked again.
  await client.change(uri, 2, [{ range: { start: { line: 1, character: 4 }, end: { line: 1, character: 4 } }, text: '，' }]);
  await client.waitForDiagnostics(uri, (d) => d.version === 2);
  await wordsFor(2);
  await client.request('gongwen/statistics', { uri }); // every publish scheduled before this answer has been sent
  const published = client.published.filter((p) => p.uri === uri && p.version === 2);
  assert.equal(published.length, 1, JSON.stringify(published));
});
