import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { Linter } from '../../server/src/engine';
import { CONTEXT_PARAMS, contextMargin, contextSuggestions } from '../../server/src/engine/lm/contextCheck';
import { placeNames } from '../../server/src/engine/wrongchar/filters';
import { diskEngineData } from '../../server/src/host/data';
import { SyncSegmenter } from '../../server/src/segmentation/syncSegmenter';
import { withTuning } from '../helpers/tuning';

const marked = (text: string) => [...placeNames(text)].map((x, i) => (x ? text[i] : '')).join('');

test('place names between address units are marked (麻田镇包村), common words are not', () => {
  assert.equal(marked('山西省某县麻田镇包村干部'), '麻田包');
  assert.equal(marked('城南街道建设一坊社区党委'), '建设一坊');
  assert.equal(marked('某县青石镇山底村'), '青石山底');
  // 区 and 县 end no name here (小区, 园区, 示范区), and words that merely hold a unit are left alone.
  assert.equal(marked('推进城镇老旧小区改造'), '');
  assert.equal(marked('建设乡村振兴示范区'), '');
  assert.equal(marked('城市社区治理'), '');
  assert.equal(placeNames('').length, 0);
});

const real = new SyncSegmenter();
real.cut('测试');
const data = diskEngineData({ onError: (message) => assert.fail(message) });
const linter = new Linter({ segmenter: real, lexicon: () => real.lexicon, data });
const suspects = (text: string) => linter.lint(text).findings.filter((f) => f.rule === 'suspect-char');

test('with the real dictionary: a village or community name in an address is not a typo', () => {
  for (const text of ['城南街道建设一坊社区党委', '某县青石镇和平一坊村']) assert.deepEqual(suspects(text), [], text);
});

test('the context model needs a lower margin when the dictionary agrees (the new word far more frequent than the written string)', () => {
  const lexicon = real.lexicon!;
  const model = data.languageModel!()!;
  const text = '分类回收废旧素料和纸张';
  const at = text.indexOf('素');
  // 塑料 is a frequent word, 素料 none: the two signals agree.
  assert.ok(lexicon.frequency('塑料') >= CONTEXT_PARAMS.agreedRatio * (lexicon.frequency('素料') + 1));
  const margin = contextMargin(text, at, '塑', lexicon, model);
  const agreedRatio = CONTEXT_PARAMS.agreedRatio;
  const found = () => contextSuggestions(text, lexicon, model, (c) => (c === '素' ? [{ char: '塑', kind: 'sound' }] : []), () => false).map((s) => s.word);
  withTuning([CONTEXT_PARAMS], () => {
    // The margin between the two thresholds: found because the dictionary agrees, not without it.
    CONTEXT_PARAMS.threshold = margin + 1;
    CONTEXT_PARAMS.agreedThreshold = margin - 1;
    assert.deepEqual(found(), ['塑料']);
    CONTEXT_PARAMS.agreedRatio = Infinity;
    assert.deepEqual(found(), [], 'the dictionary does not agree: the margin is short of the threshold');
    CONTEXT_PARAMS.agreedRatio = agreedRatio;
    CONTEXT_PARAMS.agreedThreshold = margin + 1;
    assert.deepEqual(found(), [], 'below both thresholds');
    CONTEXT_PARAMS.threshold = margin - 1;
    assert.deepEqual(found(), ['塑料'], 'above the threshold: found whatever the dictionary says');
  });
});

test('a confused single-character word (的/地) needs the full threshold: the dictionary says nothing about it', () => {
  const lexicon = real.lexicon!;
  const model = data.languageModel!()!;
  const text = '认真的学习文件';
  const at = text.indexOf('的');
  const margin = contextMargin(text, at, '地', lexicon, model);
  const found = () => contextSuggestions(text, lexicon, model, () => [], (i) => i !== at).map((s) => s.char);
  withTuning([CONTEXT_PARAMS], () => {
    CONTEXT_PARAMS.threshold = margin - 1;
    assert.deepEqual(found(), ['地']);
    CONTEXT_PARAMS.threshold = margin + 1;
    CONTEXT_PARAMS.agreedThreshold = margin - 1;
    CONTEXT_PARAMS.agreedRatio = 0;
    assert.deepEqual(found(), []);
  });
});

test('with the real dictionary: a change let in by the agreement must not break a frequent written word (应改为 → 应该)', () => {
  // 应该 is far more frequent than 应改, but 改 is written in 改为, which the new word leaves in part.
  assert.deepEqual(suspects('如材料中写“某某同志”，应改为实名。'), []);
  withTuning([CONTEXT_PARAMS], () => {
    CONTEXT_PARAMS.agreedKeepsWord = Infinity;
    // A fresh linter: the first one keeps its findings per line.
    const fresh = new Linter({ segmenter: real, lexicon: () => real.lexicon, data });
    assert.deepEqual(
      fresh.lint('如材料中写“某某同志”，应改为实名。').findings.filter((f) => f.rule === 'suspect-char').map((f) => f.fixes[0].edits[0].newText),
      ['该'],
      'without the guard the agreement would let it in',
    );
  });
});
