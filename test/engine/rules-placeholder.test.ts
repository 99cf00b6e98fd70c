import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { flagged, lint } from './ruleHelpers';

const P = 'placeholder';

test('placeholder: unfilled template slots are errors with a message saying what to fill in', () => {
  assert.deepEqual(flagged('形成调研报告*篇，整改问题*项。', P), ['*', '*']);
  assert.deepEqual(flagged('**纪委监委开展专项检查*次。', P), ['**', '*']);
  assert.deepEqual(flagged('服务企业XX家，走访xx户，××区、XXX局、×××单位参加。', P), ['XX', 'xx', '××', 'XXX', '×××']);
  assert.deepEqual(flagged('20XX年X月，某某同志到〇〇单位调研。', P), ['XX', '某某', '〇〇']);
  assert.deepEqual(flagged('×年×月×日，在第×次会议上。', P), ['×', '×', '×', '×']);
  assert.deepEqual(flagged('印发《》，成立（ ）领导小组，负责人（）。', P), ['《》', '（ ）', '（）']);
  assert.deepEqual(flagged('联系人：________，电话：___。', P), ['________', '___']);
  assert.deepEqual(flagged('三、下步打算【待补充】', P), ['【待补充】']);
  assert.deepEqual(flagged('待完善', P), ['待完善']);
  assert.deepEqual(flagged('主要成效：TODO', P), ['TODO']);
  const [finding] = lint('形成调研报告*篇。', [P]);
  assert.equal(finding.severity, 'error');
  assert.equal(finding.message, '“*”是未填写的占位符，请填入具体数字');
  assert.deepEqual(finding.fixes, []);
  assert.match(lint('××区市场监督管理局', [P])[0].message, /具体名称/);
  assert.match(lint('李某某、某某某参加', [P])[0].message, /姓名/);
});

test('placeholder: legitimate uses are left alone', () => {
  const clean = [
    '面积为3×4平方米，即2 × 6，(a+b)×c。',
    '长×宽×高的尺寸要求。',
    '深入实施“数据要素×”行动，推进“人工智能+”。',
    '二〇〇八年八月八日，二○○八年。',
    '违纪人员张某某、王某某受到处分。',
    '如材料中写“某某同志”，应改为实名。',
    '制度机制仍有待完善，监管方式尚待完善。',
    '这是待补充材料的清单。',
    'X光机和X射线检测设备，XXL 型号，Exxon 公司。',
    '* 第一项内容',
    '*注：数据为初步统计。',
    '**********',
    '________________',
    '重点项目（含续建）共30个，TODOS 不是标记。',
  ];
  for (const line of clean) assert.deepEqual(flagged(line, P), [], line);
});

test('placeholder: Markdown emphasis, footnote marks, code and links are not placeholders', () => {
  const md = [
    '这是**重点**内容，也是*强调*文字。',
    '**一、总体情况**',
    '- 列表项',
    '* 列表项',
    '数据来源于统计公报*',
    '代码 `a**b` 和 `XX` 不检查。',
    '见[链接](https://example.com/a_b__c___d)。',
    '转义的 \\* 星号。',
  ];
  for (const line of md) assert.deepEqual(flagged(line, P, 'markdown'), [], line);
  // Unpaired stars are still placeholders in Markdown.
  assert.deepEqual(flagged('形成调研报告*篇。', P, 'markdown'), ['*']);
  assert.deepEqual(flagged('**纪委监委', P, 'markdown'), ['**']);
});

test('placeholder: offsets are UTF-16 code units (non-BMP characters before the slot)', () => {
  const [f] = lint('𠮷𠮷报告*篇', [P]);
  assert.deepEqual(f.range, { start: { line: 0, character: 6 }, end: { line: 0, character: 7 } });
});
