import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { LspTestClient, ROOT } from '../helpers/lspClient';

const levels = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'levels.txt'), 'utf8');
const SNIPPET_CAPABILITIES = { textDocument: { completion: { completionItem: { snippetSupport: true } } } };

let client: LspTestClient;

before(async () => {
  client = new LspTestClient();
  await client.initialize({}, SNIPPET_CAPABILITIES);
});

after(async () => {
  await client.shutdown();
});

interface Item {
  label: string;
  kind: number;
  sortText: string;
  filterText: string;
  insertTextFormat: number;
  textEdit: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string };
  documentation?: { kind: string; value: string };
  labelDetails?: { description: string };
}

async function completeAt(uri: string, line: number, character: number): Promise<{ isIncomplete: boolean; items: Item[] }> {
  const result = await client.request('textDocument/completion', { textDocument: { uri }, position: { line, character } });
  result.items.sort((a: Item, b: Item) => (a.sortText < b.sortText ? -1 : a.sortText > b.sortText ? 1 : 0));
  return result;
}

test('initialize announces a completion provider', async () => {
  const other = new LspTestClient();
  try {
    const result = await other.initialize({}, SNIPPET_CAPABILITIES);
    assert.ok(result.capabilities.completionProvider);
  } finally {
    await other.shutdown();
  }
});

test('typing 全面从严 in a report offers the 全面从严治党 terms, replacing exactly the typed text', async () => {
  const uri = 'file:///tmp/completion-typed.gw';
  const lines = levels.split('\n');
  lines.splice(20, 0, '坚定不移推进全面从严');
  await client.open(uri, lines.join('\n'));
  const { items, isIncomplete } = await completeAt(uri, 20, 10);
  assert.ok(isIncomplete);
  const item = items.find((i) => i.label === '全面从严治党永远在路上')!;
  assert.ok(item, items.map((i) => i.label).join());
  assert.deepEqual(item.textEdit.range, { start: { line: 20, character: 6 }, end: { line: 20, character: 10 } });
  assert.equal(item.textEdit.newText, '全面从严治党永远在路上');
  assert.equal(item.filterText, '全面从严治党永远在路上');
  assert.equal(item.labelDetails?.description, '规范表述');
  // The standard term itself comes first, then its usual collocations; nothing else begins with 全面从严.
  assert.deepEqual(items.map((i) => i.label), ['全面从严治党', '全面从严治党主体责任', '全面从严治党永远在路上']);
  for (const i of items) assert.deepEqual(i.textEdit.range, item.textEdit.range, i.label);
  const responsibility = items[1];
  assert.equal(responsibility.textEdit.newText, '全面从严治党主体责任');
  assert.match(responsibility.documentation!.value, /压紧压实全面从严治党主体责任/);
});

test('an edit followed by a request: the server completes against the new text', async () => {
  const uri = 'file:///tmp/completion-edit.gw';
  await client.open(uri, '关于2024年工作情况的报告\n\n一、主要工作\n抓好学习。\n二、存在的问题\n');
  await client.change(uri, 2, [{ range: { start: { line: 5, character: 0 }, end: { line: 5, character: 0 } }, text: '理论学习' }]);
  const { items } = await completeAt(uri, 5, 4);
  const item = items.find((i) => i.label.startsWith('理论学习还不够深入系统'))!;
  assert.ok(item, items.map((i) => i.label).join());
  assert.equal(item.insertTextFormat, 2);
  assert.equal(item.textEdit.newText, '理论学习还不够深入系统，${1:学用结合不够紧密}。');
  assert.deepEqual(item.textEdit.range, { start: { line: 5, character: 0 }, end: { line: 5, character: 4 } });
  // In a problems section, the problem phrases come first.
  assert.equal(items[0].labelDetails?.description, '存在问题');
});

test('on a new line the next heading number comes first, then phrases for the section', async () => {
  const uri = 'file:///tmp/completion-number.gw';
  const lines = levels.split('\n');
  lines.splice(15, 0, ''); // after 三是强化考核问责。 under 2.压实责任链条
  await client.open(uri, lines.join('\n'));
  const { items } = await completeAt(uri, 15, 0);
  assert.deepEqual(items.slice(0, 4).map((i) => i.label), ['3.', '（二）', '二、', '（1）']);
  assert.equal(items[0].textEdit.newText, '3.');
  assert.deepEqual(items[0].textEdit.range, { start: { line: 15, character: 0 }, end: { line: 15, character: 0 } });
  assert.equal(items[0].kind, 20); // EnumMember
  assert.ok(items.slice(4).every((i) => i.kind !== 20));
});

test('an empty document offers the report skeletons', async () => {
  const uri = 'file:///tmp/completion-empty.gw';
  await client.open(uri, '');
  const { items } = await completeAt(uri, 0, 0);
  assert.deepEqual(items.slice(0, 6).map((i) => i.label), ['工作总结', '情况汇报', '述职报告', '落实全面从严治党主体责任情况报告', '党风廉政建设工作总结', '民主生活会对照检查材料']);
  assert.match(items[0].textEdit.newText, /^\$\{1:××单位\}/);
  assert.match(items[0].documentation!.value, /一、主要工作及成效/);
});

test('pinyin initials and standard terms with their content', async () => {
  const uri = 'file:///tmp/completion-terms.gw';
  await client.open(uri, '一、总体情况\n增强四个\n坚持sgzx');
  const terms = (await completeAt(uri, 1, 4)).items.filter((i) => i.labelDetails?.description === '规范表述');
  assert.deepEqual(terms.map((i) => i.label).slice(0, 3), ['“四个意识”', '“四个自信”', '“四个全面”']);
  assert.match(terms[0].documentation!.value, /政治意识、大局意识、核心意识、看齐意识/);
  const pinyin = (await completeAt(uri, 2, 6)).items;
  const confidence = pinyin.find((i) => i.label === '“四个自信”')!;
  assert.ok(confidence, pinyin.map((i) => i.label).join());
  assert.deepEqual(confidence.textEdit.range, { start: { line: 2, character: 2 }, end: { line: 2, character: 6 } });
});

test('a client without snippet support gets plain text', async () => {
  const plain = new LspTestClient();
  try {
    await plain.initialize({}, {});
    const uri = 'file:///tmp/completion-plain.gw';
    await plain.open(uri, '一、总体情况\n在上级');
    const result = await plain.request('textDocument/completion', { textDocument: { uri }, position: { line: 1, character: 3 } });
    const item = result.items.find((i: Item) => i.label === '在上级党委的坚强领导下，');
    assert.ok(item, result.items.map((i: Item) => i.label).join());
    assert.equal(item.insertTextFormat, 1);
    assert.equal(item.textEdit.newText, '在上级党委的坚强领导下，');
  } finally {
    await plain.shutdown();
  }
});
