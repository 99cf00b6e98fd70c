import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { applyFirstFixes, fixAll, flagged, lint } from './ruleHelpers';

const P = 'paired-marks';

// Clean text, marks over several lines and straight quotes are files: test/fixtures/rules/paired-marks*.txt,
// straight-quotes*. The unbalanced cases below stay here because each must be linted alone: a mark finds its
// partner up to six lines later, so in one file they would pair with each other.

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
