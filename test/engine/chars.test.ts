import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { allHan, containsHan, isHan, isHanAt, isHanCode, isHanUnit } from '../../server/src/engine/chars';
import { isMostlyChinese } from '../../server/src/analysis';

const code = (s: string) => s.charCodeAt(0);

test('isHan is Unicode Script=Han, one code point at a time', () => {
  for (const c of ['中', '㐀', '𠮷', '〇', '々', '⺀', '\uf900']) assert.ok(isHan(c), c);
  for (const c of ['a', '，', '1', 'ア', '䷀']) assert.ok(!isHan(c), c);
});

test('isHanCode is CJK Unified and Extension A only, as UTF-16 units', () => {
  for (const c of ['一', '龥', '\u9fff', '㐀', '\u4dbf']) assert.ok(isHanCode(code(c)), c);
  // Compatibility ideographs, 〇, the hexagram block between Extension A and CJK Unified, surrogates: no.
  for (const c of ['\uf900', '〇', '䷀', '𠮷', 'a']) assert.ok(!isHanCode(code(c)), c);
});

test('isHanUnit / isHanAt: the text rules’ set, either half of an astral ideograph', () => {
  for (const c of ['中', '㐀', '\uf900', '〇']) assert.ok(isHanUnit(code(c)), c);
  for (const c of ['䷀', '々', 'a', '，']) assert.ok(!isHanUnit(code(c)), c);
  const text = 'a𠮷b';
  assert.deepEqual([0, 1, 2, 3].map((i) => isHanAt(text, i)), [false, true, true, false]);
  assert.equal(isHanAt(text, -1), false);
  assert.equal(isHanAt(text, 4), false);
  // A low surrogate alone is not Han.
  assert.equal(isHanAt('\udfb7', 0), false);
});

test('containsHan and allHan', () => {
  assert.ok(containsHan('abc中'));
  assert.ok(!containsHan('abc中', 0, 3));
  assert.ok(allHan('𠮷野家'));
  assert.ok(!allHan('野家a'));
  assert.ok(allHan(''));
});

test('isMostlyChinese counts an astral ideograph once and weighs Latin letters by five', () => {
  assert.ok(isMostlyChinese('𠮷' + 'a'.repeat(5)));
  assert.ok(!isMostlyChinese('𠮷' + 'a'.repeat(6)));
  assert.ok(!isMostlyChinese('hello world'));
});
