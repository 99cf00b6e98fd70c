import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { Finding, Linter, outlineToJson, OutlineJson, parseDocument, renumberEdits, applyEdits, safeFixEdits } from '../../server/src/engine';

const FIXTURES = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures');
const read = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');

/** A compact view of the tree: "kind level marker title" with children indented. */
function shape(nodes: OutlineJson[], depth = 0): string[] {
  return nodes.flatMap((n) => [
    `${'  '.repeat(depth)}${n.kind}${n.level ? n.level : ''} ${n.marker}${n.marker && n.title ? '|' : ''}${n.title}`.trimEnd(),
    ...shape(n.children, depth + 1),
  ]);
}

function findings(text: string, kind: 'plaintext' | 'markdown' = 'plaintext'): readonly Finding[] {
  return new Linter().lint(text, kind).findings;
}

test('every heading level, both kinds of enumeration, title, opening and closing form one tree', () => {
  const tree = outlineToJson(parseDocument(read('levels.txt')).root);
  assert.deepEqual(shape(tree), [
    'title 关于2024年度落实全面从严治党主体责任情况的报告',
    'opening 开头',
    'heading1 一、|履行主体责任情况',
    '  heading2 （一）|强化政治建设',
    '    heading3 1.|加强理论学习',
    '      heading4 （1）|落实“第一议题”制度',
    '        item 第一|坚持会前学习',
    '        item 第二|坚持跟进学习',
    '      heading4 （2）|抓好中心组学习',
    '    heading3 2.|压实责任链条',
    '      item 一是|制定责任清单',
    '      item 二是|开展约谈提醒',
    '      item 三是|强化考核问责',
    '  heading2 （二）|持之以恒正风肃纪',
    '    item 首先|聚焦重点领域',
    '    item 其次|紧盯关键节点',
    '    item 最后|强化结果运用',
    'heading1 二、|存在的问题',
    'heading1 三、|下一步工作打算',
    'closing 结尾',
  ]);
  // The subtitle line belongs to the title; the closing runs from 特此报告 to the date.
  assert.deepEqual(tree[0].range, { start: { line: 0, character: 0 }, end: { line: 1, character: 6 } });
  const closing = tree[tree.length - 1];
  assert.equal(closing.range.start.line, 21);
  assert.equal(closing.range.end.line, 24);
  // A section ends on its last line of text, before the blank line and the closing.
  const last = tree.find((n) => n.marker === '三、')!;
  assert.deepEqual(last.range, { start: { line: 18, character: 0 }, end: { line: 19, character: 9 } });
  assert.equal(last.chars, 9 + 9);
});

test('a clean report has no structure findings', () => {
  assert.deepEqual(findings(read('levels.txt')).map((f) => `${f.rule}@${f.range.start.line}`), []);
});

test('Markdown headings (# 一、… and **三、…**) are read, code blocks are not', () => {
  const tree = outlineToJson(parseDocument(read('markdown.md'), 'markdown').root);
  assert.deepEqual(shape(tree), [
    'title 2024年工作总结',
    'opening 开头',
    'heading1 一、|主要工作',
    '  heading2 （一）|抓好学习',
    '    item 一是|抓好集中学习',
    '    item 二是|抓好个人自学',
    'heading1 二、|存在问题',
    'heading1 三、|下步打算',
  ]);
  assert.deepEqual(findings(read('markdown.md'), 'markdown'), []);
});

test('CRLF line endings give the same tree and the same positions', () => {
  const lf = read('levels.txt');
  const crlf = lf.replace(/\n/g, '\r\n');
  assert.deepEqual(outlineToJson(parseDocument(crlf).root), outlineToJson(parseDocument(lf).root));
  const bad = read('numbering-errors.txt');
  assert.deepEqual(findings(bad.replace(/\n/g, '\r\n')), findings(bad));
});

test('a document with no structure has no headings and no findings', () => {
  const tree = outlineToJson(parseDocument(read('no-structure.txt')).root);
  assert.deepEqual(tree.map((n) => n.kind), ['opening']);
  assert.deepEqual(findings(read('no-structure.txt')), []);
  assert.deepEqual(outlineToJson(parseDocument('').root), []);
});

test('numbering errors: gaps, repeats, missed restarts, wrong parents, mixed families', () => {
  const got = findings(read('numbering-errors.txt')).map((f) => `${f.range.start.line + 1}:${f.range.start.character} ${f.rule} ${f.severity} ${f.message}`);
  assert.deepEqual(got, [
    '6:0 heading-numbering error 二级标题序号重复：“（二）”与上一个同级标题相同，应为“（三）”',
    '8:0 heading-numbering warning 二级标题序号未在新的上级标题下重新编号：此处应从“（一）”开始',
    '10:0 heading-numbering error 一级标题序号不连续：上一个是“二、”，此处应为“三、”，缺少“三、”',
    '12:0 heading-hierarchy warning 标题层级倒置：二级标题“（一）”出现在同一部分的三级标题“1.”之后（应为 一、→（一）→1.→（1））',
    '14:0 heading-hierarchy warning 四级标题“（1）”直接出现在一级标题“五、”之下，跳过了“1.”一级',
    '15:6 heading-end-punctuation warning 一级标题单独成行时末尾不加冒号',
    '16:14 enumeration-sequence warning 序次语不连续：此处应为“三是”，写作“四是”',
    '17:8 enumeration-mixed warning 序次语混用：本组以“第一”开头，此处的“二是”应改为“第二”',
    '18:0 enumeration-punctuation error “首先”后应用逗号，不用顿号',
  ]);
});

test('wrong marker forms are flagged with the standard form as a safe fix', () => {
  const text = '标题\n\n一.总体情况\n(一)学习情况\n（二）、工作情况\n1、完成任务\n2．推进工作\n（1）.具体事项\n';
  const got = findings(text).filter((f) => f.rule === 'heading-marker');
  assert.deepEqual(
    got.map((f) => [f.range.start.line, f.severity, f.fixes[0].edits[0].newText]),
    [
      [2, 'error', '一、'],
      [3, 'error', '（一）'],
      [4, 'error', '（二）'],
      [5, 'warning', '1.'],
      [6, 'information', '2.'],
      [7, 'error', '（1）'],
    ],
  );
  const fixed = applyEdits(text, safeFixEdits(findings(text))).text;
  assert.equal(fixed, '标题\n\n一、总体情况\n（一）学习情况\n（二）工作情况\n1.完成任务\n2.推进工作\n（1）具体事项\n');
  // Fixing again changes nothing.
  assert.deepEqual(safeFixEdits(findings(fixed)), []);
});

test('renumbering makes the whole document consistent, and is idempotent', () => {
  const text = read('numbering-errors.txt');
  const once = applyEdits(text, renumberEdits(parseDocument(text))).text;
  const lines = once.split('\n');
  assert.equal(lines[5], '（三）作风方面');
  assert.equal(lines[7], '（一）强化监督');
  assert.equal(lines[8], '（二）加强考核');
  assert.equal(lines[9], '三、下步打算');
  assert.equal(lines[12], '四、其他');
  assert.equal(lines[15], '一是加强学习。二是完善制度。三是强化考核。');
  assert.equal(lines[16], '第一，提高认识。第二，强化落实。第三，完善监督。');
  assert.equal(lines[17], '首先，统一思想。其次，明确任务。');
  assert.deepEqual(renumberEdits(parseDocument(once)), []);
  const remaining = findings(once).map((f) => f.rule);
  assert.ok(!remaining.includes('heading-numbering') && !remaining.includes('enumeration-sequence') && !remaining.includes('enumeration-mixed'), remaining.join());
});

test('positions are UTF-16 code units: a character outside the BMP counts as two', () => {
  const text = '𠮷字报告\n\n一、𠮷情况\n（二）、𠮷方面\n';
  const f = findings(text).find((x) => x.rule === 'heading-marker')!;
  assert.deepEqual(f.range, { start: { line: 3, character: 0 }, end: { line: 3, character: 4 } });
  const tree = outlineToJson(parseDocument(text).root);
  // （二）、𠮷方面: four units of marker, two for 𠮷, two for 方面.
  assert.deepEqual(tree[1].range.end, { line: 3, character: 8 });
  // But 𠮷 is one character in the count: 一、𠮷情况 (5) + （二）、𠮷方面 (7).
  assert.equal(tree[1].chars, 12);
});

test('numbers in prose are not headings: 1.5亿元, 2024年, 一是 inside a word', () => {
  const text = '标题\n\n1.5亿元投资已到位。\n2024年工作回顾\n统一是前提。\n';
  const tree = outlineToJson(parseDocument(text).root);
  assert.deepEqual(tree.map((n) => n.kind), ['title', 'opening']);
  assert.deepEqual(tree[1].children, []);
});

test('incremental linting gives the same result as a fresh lint after edits', () => {
  const linter = new Linter();
  let text = read('numbering-errors.txt');
  linter.lint(text);
  text = text.replace('（五）加强考核', '（三）加强考核\n新增一段。');
  assert.deepEqual(linter.lint(text).findings, new Linter().lint(text).findings);
  text = text.replace('四、下步打算', '三、下步打算');
  assert.deepEqual(linter.lint(text).findings, new Linter().lint(text).findings);
});

test('heading end punctuation: a 。 that breaks the document\'s pattern is flagged, a consistent house style is not', () => {
  const mixed = '报告\n\n一、总体情况\n（一）学习情况\n正文。\n（二）工作情况。\n正文。\n（三）作风情况\n正文。\n';
  const flagged = findings(mixed).filter((f) => f.rule === 'heading-end-punctuation');
  assert.deepEqual(flagged.map((f) => [f.range.start.line, f.range.start.character, f.message]), [
    [5, 7, '二级标题单独成行时末尾不加句号（本文其他二级标题也未加）'],
  ]);
  assert.equal(applyEdits(mixed, safeFixEdits(flagged)).text.split('\n')[5], '（二）工作情况');
  // Provincial government reports end every standalone （一） heading with 。: consistent, not flagged.
  const houseStyle = '报告\n\n一、总体情况\n（一）经济运行稳中有进。\n正文。\n（二）产业发展提质增效。\n正文。\n';
  assert.deepEqual(findings(houseStyle).filter((f) => f.rule === 'heading-end-punctuation'), []);
});
