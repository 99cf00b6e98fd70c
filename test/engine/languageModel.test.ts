import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { LanguageModel, LanguageModelError, UNKNOWN_LOG_PROB } from '../../server/src/engine/lm/model';
import { WindowScorer } from '../../server/src/engine/lm/window';

const MODEL_FILE = path.resolve(__dirname, '..', '..', '..', 'server', 'data', 'lm.bin');
const bytes = fs.readFileSync(MODEL_FILE);
const model = LanguageModel.fromBytes(bytes);

test('the shipped language model reads, with a sorted word table and the boundary as id 0', () => {
  assert.ok(model.size > 50000, `${model.size} words`);
  assert.equal(model.word(0), '');
  assert.equal(model.id(''), LanguageModel.BOUNDARY);
  for (let i = 1; i < model.size; i += 997) assert.ok(model.word(i - 1) < model.word(i));
  assert.equal(model.id(model.word(1234)), 1234);
  assert.equal(model.id('不是一个词语啊'), -1);
  assert.equal(model.logProb('不是一个词语啊'), UNKNOWN_LOG_PROB);
});

test('the language model gives probabilities that behave as probabilities', () => {
  for (const w of ['的', '机制', '政治', '建设']) {
    const p = model.logProb(w);
    assert.ok(p < 0 && p > UNKNOWN_LOG_PROB, `${w} ${p}`);
  }
  // Frequent before rare, and context matters: 人民 after 中华 is likelier than alone.
  assert.ok(model.logProb('的') > model.logProb('机制'));
  assert.ok(model.logProb('中华', '人民') > model.logProb('人民'));
  // A trigram with an unknown first word falls back to the bigram.
  assert.equal(model.logProb('不是一个词语啊', '加强', '政治'), model.logProb('加强', '政治'));
  assert.ok(Number.isFinite(model.sentenceLogProb(['加强', '政治', '建设'])));
});

test('the window scorer prefers the corrected text by a margin', () => {
  const scorer = new WindowScorer(model);
  const margin = (wrong: string, right: string) => scorer.score(right, true, false) - scorer.score(wrong, true, false);
  assert.ok(margin('加强政冶建设', '加强政治建设') > 5);
  assert.ok(margin('他在次来到', '他再次来到') > 3);
  // The same text scores the same.
  assert.equal(scorer.score('加强政治建设', true, true), scorer.score('加强政治建设', true, true));
});

test('scoring a prepared window with one character changed gives what scoring the changed text gives', () => {
  const extra = (chars: string, start: number, end: number, at: number, replacement: string) => {
    const word = (chars.slice(0, at) + replacement + chars.slice(at + replacement.length)).slice(start, end);
    return word === '依规' || word === '督查' ? -12 : undefined;
  };
  for (const scorer of [new WindowScorer(model), new WindowScorer(model, extra)]) {
    for (const [window, atStart, atEnd] of [['加强政冶建设工作', true, false], ['依规督查体制机智', false, true], ['他在次来到北京', true, true]] as const) {
      const base = scorer.prepare(window, atStart, atEnd);
      assert.equal(base, scorer.score(window, atStart, atEnd));
      for (let k = 0; k < window.length; k++) {
        for (const c of '治制再的规查') {
          const changed = window.slice(0, k) + c + window.slice(k + 1);
          assert.equal(scorer.scoreWith(k, c), scorer.score(changed, atStart, atEnd), `${changed} at ${k}`);
        }
      }
      // The prepared lattice is not changed by scoring variants.
      assert.equal(scorer.prepare(window, atStart, atEnd), base);
    }
  }
});

test('bytes that are not a model give a clear Chinese error', () => {
  assert.throws(() => LanguageModel.fromBytes(new Uint8Array(10)), (e: Error) => e instanceof LanguageModelError && /语言模型/.test(e.message));
  assert.throws(() => LanguageModel.fromBytes(new Uint8Array(100)), /文件头/);
  assert.throws(() => LanguageModel.fromBytes(bytes.subarray(0, 200000)), /截断/);
  // Unaligned bytes are copied, not refused.
  const shifted = new Uint8Array(bytes.length + 1);
  shifted.set(bytes, 1);
  assert.equal(LanguageModel.fromBytes(shifted.subarray(1)).size, model.size);
});
