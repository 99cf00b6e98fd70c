import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { applyFirstFixes, fixAll, flagged, lint } from './ruleHelpers';

const P = 'paired-marks';
const Q = 'straight-quotes';

test('paired-marks: unbalanced and crossed marks within a paragraph', () => {
  assert.deepEqual(flagged('坚持“两个确立、做到两个维护。', P), ['“']);
  assert.deepEqual(flagged('学习贯彻《条例》精神》。', P), ['》']);
  assert.deepEqual(flagged('重点项目（含续建共30个。', P), ['（']);
  assert.deepEqual(flagged('这是【说明内容。', P), ['【']);
  assert.deepEqual(flagged('他说：“学习（重要”讲话）精神。', P), ['（重要”']);
  const [f] = lint('落实“第一议题“制度。', [P]);
  assert.equal(f.message, '引号方向有误：此处应为后引号“””');
  assert.equal(applyFirstFixes('落实“第一议题“制度。', [P]), '落实“第一议题”制度。');
  // Fixes for direction are suggestions, never applied by fix-all.
  assert.equal(fixAll('落实“第一议题“制度。', [P]), '落实“第一议题“制度。');
});

test('paired-marks: balanced text, nesting, quotations over paragraphs and web leftovers are fine', () => {
  const clean = [
    '坚持“两个确立”、做到“两个维护”，学习《关于〈条例〉的说明》。',
    '他说：“要落实‘一岗双责’（党风廉政建设）。”',
    '1）第一项；2）第二项；a) 其他。',
    'China’s economy 和 don’t 不是引号。',
    '》》点击进入专题《《',
    '【字号：\n加大\n还原\n减小\n】',
    '“第一段引文，\n“第二段引文，\n“第三段引文。”',
    '学习贯彻（2024年版)的要求。',
  ];
  for (const text of clean) assert.deepEqual(flagged(text, P), [], text);
  // A mark left open for more than a few lines is reported.
  assert.deepEqual(flagged('开始“引用\n一\n二\n三\n四\n五\n六\n七\n八', P), ['“']);
});

test('straight-quotes: "…" in Chinese becomes “…”, safely when the pairs are clear', () => {
  assert.deepEqual(flagged('落实"第一议题"制度和"三会一课"。', Q), ['"第一议题"', '"三会一课"']);
  assert.equal(fixAll('落实"第一议题"制度和\'一岗双责\'。', [Q]), '落实“第一议题”制度和‘一岗双责’。');
  // An odd number: reported, not fixed.
  assert.equal(flagged('他说"好的。', Q).length, 1);
  assert.equal(fixAll('他说"好的。', [Q]), '他说"好的。');
  const clean = ['He said "hello" to me.', 'It\'s don\'t.', '代码 `"a"` 中的引号', '<a href="x">链接</a>'];
  for (const text of clean) assert.deepEqual(flagged(text, Q, 'markdown'), [], text);
});
