import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { parseDocument } from '../../server/src/engine/document';
import { complete, CompletionCandidate, PhraseCatalog, PhraseFunction, SnippetFile } from '../../server/src/engine/completion';
import { ROOT } from '../helpers/lspClient';

const FILE_OF: Record<PhraseFunction, string> = {
  skeleton: 'skeletons', opening: 'opening', transition: 'transition', practice: 'practice', problem: 'problems',
  cause: 'causes', 'next-step': 'next-steps', closing: 'closing', structure: 'structures', term: 'terms',
};
const files = Object.fromEntries(
  Object.entries(FILE_OF).map(([fn, file]) => [fn, JSON.parse(fs.readFileSync(path.join(ROOT, 'snippets', `${file}.json`), 'utf8')) as SnippetFile]),
) as Record<PhraseFunction, SnippetFile>;
const catalog = new PhraseCatalog(files);
const levels = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'levels.txt'), 'utf8').split('\n');

/** Completion at the end of `line` in `lines` (or at `character`). */
function at(lines: string[], line: number, character = lines[line].length) {
  return complete(parseDocument(lines.join('\n')), { line, character }, catalog);
}
const sorted = (items: CompletionCandidate[]) => [...items].sort((a, b) => (a.sortText < b.sortText ? -1 : a.sortText > b.sortText ? 1 : 0));
const phrases = (items: CompletionCandidate[]) => sorted(items).filter((i) => i.kind !== 'number');
const numbers = (items: CompletionCandidate[]) => sorted(items).filter((i) => i.kind === 'number').map((i) => i.label);
/** `levels.txt` with `text` inserted as a new line before line `index`. */
const withLine = (index: number, text = '') => [...levels.slice(0, index), text, ...levels.slice(index)];

test('a Chinese prefix offers the phrases that begin with it and replaces exactly what was typed', () => {
  const { items, isIncomplete } = at(['我们要全面从严'], 0);
  assert.ok(isIncomplete);
  const item = items.find((i) => i.label === '全面从严治党永远在路上')!;
  assert.ok(item, items.map((i) => i.label).join());
  assert.deepEqual(item.range, { start: { line: 0, character: 3 }, end: { line: 0, character: 7 } });
  assert.ok(item.filterText.startsWith('全面从严'));
  assert.ok(items.every((i) => i.filterText.startsWith('全面从严')), items.map((i) => i.filterText).join());
});

test('全面从严 typed after 推动 in the next-steps section: the 全面从严治党 terms, each replacing the four typed characters', () => {
  const lines = withLine(20, '推动全面从严');
  // Typed one character at a time, the list follows: 推动… phrases, nothing for 推动全, then 全面… for 全面.
  for (let n = 3; n <= 6; n++) {
    const { items, isIncomplete } = at(lines, 20, n);
    assert.ok(isIncomplete, String(n));
    if (n === 3) assert.deepEqual(items, []);
    else assert.ok(items.length > 0 && items.every((i) => i.filterText.startsWith('推动全面从严'.slice(2, n))), `${n}: ${items.map((i) => i.label)}`);
  }
  const { items } = at(lines, 20);
  assert.deepEqual(phrases(items).map((i) => i.label), ['全面从严治党', '全面从严治党主体责任', '全面从严治党永远在路上']);
  for (const item of items) {
    assert.equal(item.kind, 'term');
    assert.deepEqual(item.range, { start: { line: 20, character: 2 }, end: { line: 20, character: 6 } });
    assert.equal(item.insertText, item.label);
  }
  // Pinyin initials reach the same terms.
  assert.deepEqual(phrases(at(withLine(20, '推动qmcyzd'), 20).items).map((i) => i.label), ['全面从严治党', '全面从严治党主体责任', '全面从严治党永远在路上']);
});

test('the longest typed suffix that begins a phrase wins; ranges count UTF-16 units (𠮷)', () => {
  const { items } = at(['𠮷𠮷加强干部队伍'], 0);
  const item = items.find((i) => i.label === '加强干部队伍建设，')!;
  assert.ok(item, items.map((i) => i.label).join());
  assert.deepEqual(item.range.start, { line: 0, character: 4 });
  assert.deepEqual(item.range.end, { line: 0, character: 10 });
});

test('pinyin initials work as a prefix', () => {
  const { items } = at(['落实qmcyzd'], 0);
  const labels = items.map((i) => i.label);
  assert.ok(labels.includes('全面从严治党'), labels.join());
  const item = items.find((i) => i.label === '全面从严治党')!;
  assert.deepEqual(item.range, { start: { line: 0, character: 2 }, end: { line: 0, character: 8 } });
  assert.equal(item.filterText, 'qmcyzd');
});

test('typing 四个 offers the standard terms with their content; inside quotes no quotes are added', () => {
  const { items } = at(['增强四个'], 0);
  const terms = items.filter((i) => i.kind === 'term');
  for (const label of ['“四个意识”', '“四个自信”', '“四个全面”']) assert.ok(terms.some((t) => t.label === label), label);
  const awareness = terms.find((t) => t.label === '“四个意识”')!;
  assert.match(awareness.documentation!, /政治意识、大局意识、核心意识、看齐意识/);
  assert.equal(awareness.insertText, '“四个意识”');
  const quoted = at(['增强“四个”'], 0, 5).items.find((i) => i.filterText === '四个意识')!;
  assert.equal(quoted.insertText, '四个意识');
});

test('text that begins no phrase gives no list at all (no noise while typing)', () => {
  const result = at(['今天天气很好'], 0);
  assert.equal(result.items.length, 0);
  assert.ok(result.isIncomplete);
});

test('an empty document offers the report skeletons first', () => {
  const { items } = at([''], 0);
  const first = phrases(items)[0];
  assert.equal(first.kind, 'skeleton');
  assert.equal(first.label, '工作总结');
  assert.match(first.insertText, /\n一、主要工作及成效\n/);
  assert.deepEqual(numbers(items), []);
  // A typed prefix in an empty document: skeletons still come first.
  assert.equal(phrases(at(['述职'], 0).items)[0].label, '述职报告');
});

test('phrases are ranked by the section under the cursor', () => {
  // levels.txt: 16 二、存在的问题 / 17 body / 18 三、下一步工作打算 / 19 body / 21 特此报告。
  const inProblems = phrases(at(withLine(18), 18).items);
  assert.equal(inProblems[0].kind, 'problem', inProblems.slice(0, 3).map((i) => i.label).join());
  const inNextSteps = phrases(at(withLine(20), 20).items);
  assert.equal(inNextSteps[0].kind, 'next-step', inNextSteps.slice(0, 3).map((i) => i.label).join());
  const inOpening = phrases(at(withLine(5), 5).items);
  assert.equal(inOpening[0].kind, 'opening');
  // After the last section of a report that has no closing yet: the closing formulas.
  const open = ['2024年工作总结', '', '一、主要工作', '抓好学习。', '二、下一步打算', '持续加强学习。', ''];
  assert.equal(phrases(at(open, 6).items)[0].kind, 'closing');
  // Typed prefixes are ranked the same way: 存在 … in a problems section.
  const typed = phrases(at(withLine(18, '工作'), 18).items);
  assert.equal(typed[0].kind, 'problem', typed.slice(0, 3).map((i) => i.label).join());
});

test('the next heading number continues the section tree at the right level', () => {
  // New line after 三是强化考核问责。 (inside 2.压实责任链条 under （一） under 一、).
  assert.deepEqual(numbers(at(withLine(15), 15).items), ['3.', '（二）', '二、', '（1）']);
  // New line after the run-in （二） heading: its sibling （三） first.
  assert.deepEqual(numbers(at(withLine(16), 16).items).slice(0, 2), ['（三）', '二、']);
  // Right under 二、存在的问题 (no body yet): the first subheading first.
  assert.deepEqual(numbers(at(withLine(17), 17).items).slice(0, 2), ['（一）', '三、']);
  // After 二、 and its body: 三、.
  assert.equal(numbers(at(withLine(18), 18).items)[0], '三、');
  // A started marker is part of the replaced text.
  const started = at(withLine(18, '（'), 18).items.find((i) => i.label === '（一）')!;
  assert.deepEqual(started.range, { start: { line: 18, character: 0 }, end: { line: 18, character: 1 } });
  // Not in the middle of a line.
  assert.deepEqual(numbers(at(['一、总体情况', '学习。'], 1).items), []);
});
