import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { Linter } from '../../server/src/engine';
import { CONTEXT_PARAMS, contextMargin, contextSuggestions } from '../../server/src/engine/lm/contextCheck';
import { SUSPECT_PARAMS } from '../../server/src/engine/rules/suspectChar';
import { aspiratedSyllables, nearSyllables } from '../../server/src/engine/wrongchar/candidates';
import { diskEngineData } from '../../server/src/host/data';
import { SyncSegmenter } from '../../server/src/segmentation/syncSegmenter';
import { withTuning } from '../helpers/tuning';

// Learner text: several wrong characters in a sentence, function words typed as other characters of the
// same sound, initials with and without aspiration confused (docs/notes/wrongchar.md, last section).

const real = new SyncSegmenter();
real.cut('测试');
const data = diskEngineData({ onError: (message) => assert.fail(message) });
/** The suspect-char findings of `text` as “written>suggested” at their places (a new linter: no line cache). */
const suspects = (text: string) =>
  new Linter({ segmenter: real, lexicon: () => real.lexicon, data })
    .lint(text)
    .findings.filter((f) => f.rule === 'suspect-char')
    .map((f) => `${text.slice(f.range.start.character, f.range.end.character)}>${f.fixes[0]?.edits[0]?.newText}`);

/** Runs `body` with some parameters changed, and puts them back. */
function withParams(context: Partial<typeof CONTEXT_PARAMS>, suspect: Partial<typeof SUSPECT_PARAMS>, body: () => void): void {
  withTuning([CONTEXT_PARAMS, SUSPECT_PARAMS], () => {
    Object.assign(CONTEXT_PARAMS, context);
    Object.assign(SUSPECT_PARAMS, suspect);
    body();
  });
}

test('in a line that holds a warning already, a lower margin suffices at a character that forms no word; not in another line', () => {
  const lexicon = real.lexicon!;
  const model = data.languageModel!()!;
  // 诀 → 决 (解决) is a warning; 恨 (a token of its own) is seven characters away from it, beyond its window.
  const text = '我觉得这个问题很难解诀，所以今天我恨忙。';
  const at = text.indexOf('恨');
  assert.ok(suspects(text).includes('诀>决'));
  const margin = contextMargin(text, at, '很', lexicon, model);
  // Above the margin, the change is not found on its own (nor by the dictionary's agreement)…
  withParams({ threshold: margin + 1, agreedRatio: Infinity }, { clusterMargin: margin + 0.5 }, () => {
    assert.ok(!suspects(text).includes('恨>很'));
  });
  withParams({ threshold: margin + 1, agreedRatio: Infinity }, { clusterMargin: margin - 0.5 }, () => {
    // …but at the lower margin of a line with a warning it is.
    assert.ok(suspects(text).includes('恨>很'), 'the same line as 解诀');
    // A line of its own, without a warning: the full threshold again.
    const apart = '我觉得这个问题很难解诀，\n所以今天我恨忙。';
    assert.ok(suspects(apart).includes('诀>决'));
    assert.ok(!suspects(apart).includes('恨>很'), 'another line');
  });
  // A character inside a two-character token (连 of 连络) gets no lower margin.
  const token = '所以我会一值在你身边，有事可以跟我连络。';
  assert.ok(suspects(token).includes('值>直'));
  const tokenMargin = contextMargin(token, token.indexOf('连'), '联', lexicon, model);
  withParams({ threshold: tokenMargin + 1, agreedRatio: Infinity }, { clusterMargin: tokenMargin - 0.5 }, () => {
    assert.ok(!suspects(token).includes('连>联'), '连络 is one token');
  });
});

test('errors next to errors: a character is judged again once its neighbour is corrected', () => {
  const lexicon = real.lexicon!;
  const model = data.languageModel!()!;
  const text = '希望他门身体建康。';
  const fixed = '希望他们身体建康。';
  const at = text.indexOf('建');
  // The model prefers 健康 more once 他门 reads 他们 (the window of 建 holds 门).
  const before = contextMargin(text, at, '健', lexicon, model);
  const after = contextMargin(fixed, at, '健', lexicon, model);
  assert.ok(after > before + 0.5, `${before} → ${after}`);
  const between = (before + after) / 2;
  withParams({ threshold: between, agreedRatio: Infinity }, { clusterMargin: between }, () => {
    assert.deepEqual(suspects(text), ['门>们', '建>健'], 'judged again in the corrected text');
    withParams({}, { rescoreRounds: 0 }, () => assert.deepEqual(suspects(text), ['门>们'], 'without the second look'));
  });
});

test('weak suggestions are returned only when asked for, and marked', () => {
  const lexicon = real.lexicon!;
  const model = data.languageModel!()!;
  const text = '希望他们身体建康。';
  const at = text.indexOf('建');
  const margin = contextMargin(text, at, '健', lexicon, model);
  const only = (c: string) => (c === '建' ? [{ char: '健', kind: 'sound' }] : []);
  withParams({ threshold: margin + 1, agreedRatio: Infinity }, {}, () => {
    assert.deepEqual(contextSuggestions(text, lexicon, model, only, () => false), []);
    const weak = contextSuggestions(text, lexicon, model, only, () => false, undefined, undefined, margin - 1);
    assert.deepEqual(weak.map((s) => [s.at, s.char, s.weak]), [[at, '健', true]]);
    assert.deepEqual(contextSuggestions(text, lexicon, model, only, () => false, undefined, undefined, margin + 0.5), []);
  });
  withParams({ threshold: margin - 1 }, {}, () => {
    const strong = contextSuggestions(text, lexicon, model, only, () => false, undefined, undefined, margin - 2);
    assert.deepEqual(strong.map((s) => [s.char, s.weak]), [['健', undefined]], 'passes: not weak');
  });
});

test('a same-sound character that forms no word can stand as a frequent word of its own (恨 → 很), not where the written one forms a word', () => {
  const lexicon = real.lexicon!;
  const model = data.languageModel!()!;
  const as = (kind: string) => (c: string) => (c === '恨' ? [{ char: '很', kind }] : []);
  const weakAt = (text: string, kind = 'sound') => contextSuggestions(text, lexicon, model, as(kind), () => false, undefined, undefined, -1000).map((s) => s.char);
  // 很 forms no word with 天 or 高 in jieba's dictionary; it is a word of its own, far above minSingleWord.
  assert.ok(lexicon.frequency('很') >= CONTEXT_PARAMS.minSingleWord);
  assert.deepEqual(weakAt('我今天恨高兴。'), ['很']);
  assert.deepEqual(weakAt('我今天恨高兴。', 'shape'), [], 'same sound only');
  // 仇恨 is a word: the written character is meant there, whatever the model says.
  assert.ok(lexicon.frequency('仇恨') > 0);
  assert.deepEqual(weakAt('我们仇恨高兴。'), []);
  withParams({ minSingleWord: Infinity }, {}, () => assert.deepEqual(weakAt('我今天恨高兴。'), []));
  // With the real rule and thresholds.
  assert.deepEqual(suspects('我今天恨高兴。'), ['恨>很']);
});

test('near syllables include u/ü after n and l; aspiration pairs are a kind of their own', () => {
  const charsOf = new Map(['lu', 'lv', 'nu', 'nv', 'nue', 'nve', 'lue', 'da', 'ta', 'zhi', 'chi', 'ju', 'qu', 'ji'].map((s) => [s, '字']));
  assert.deepEqual(nearSyllables('lu', charsOf).sort(), ['lv', 'nu']);
  assert.deepEqual(nearSyllables('nv', charsOf).sort(), ['lv', 'nu']);
  assert.deepEqual(nearSyllables('nve', charsOf), ['nue']);
  assert.deepEqual(nearSyllables('ju', charsOf), [], 'ju is already jü');
  assert.deepEqual(aspiratedSyllables('ta', charsOf), ['da']);
  assert.deepEqual(aspiratedSyllables('zhi', charsOf), ['chi']);
  assert.deepEqual(aspiratedSyllables('ju', charsOf), ['qu']);
  assert.deepEqual(aspiratedSyllables('ji', charsOf), [], 'qi has no character here');
  assert.deepEqual(aspiratedSyllables('lu', charsOf), [], 'l has no aspirated partner');
});
