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

test('looking a word up in place gives the id the map gives, for words, non-words and replaced units', () => {
  for (let i = 0; i < model.size; i += 37) {
    const w = model.word(i);
    const text = `，${w}。`;
    assert.equal(model.idAt(text, 1, 1 + w.length), model.id(w), w);
    if (w.length > 0) {
      // The unit at 1 + j read as w[j] from a text that has something else there.
      const j = i % w.length;
      const other = text.slice(0, 1 + j) + '乂' + text.slice(2 + j);
      assert.equal(model.idAt(other, 1, 1 + w.length, 1 + j, w.charCodeAt(j)), i, `${w} from ${other}`);
    }
  }
  for (const s of ['不是一个词语啊', '机智', '政冶', '乂乂', 'x']) assert.equal(model.idAt(s, 0, s.length), model.id(s), s);
  assert.equal(model.idAt('体制机制', 2, 4, 3, '智'.charCodeAt(0)), model.id('机智'));
});

test('trigram probabilities are those of the binary searches the rank bits replace', () => {
  // The model's tables (private), and the search of the trigram contexts as it was before the rank bits.
  const t = model as unknown as { biEntry: Uint32Array; ctxBigram: Uint32Array; ctxStart: Uint32Array; triEntry: Uint32Array; ctxBow: Uint8Array; bowOf: Float64Array; probOf: Float64Array; bigramAt(a: number, b: number): number };
  const reference = (a: number, b: number, c: number): number => {
    if (c < 0 || a < 0 || b < 0) return model.trigram(a, b, c);
    const context = t.bigramAt(a, b);
    if (context < 0) return model.bigram(b, c);
    let ctx = -1;
    for (let lo = 0, hi = t.ctxBigram.length - 1; lo <= hi; ) {
      const mid = (lo + hi) >>> 1;
      if (t.ctxBigram[mid] < context) lo = mid + 1;
      else if (t.ctxBigram[mid] > context) hi = mid - 1;
      else {
        ctx = mid;
        break;
      }
    }
    if (ctx < 0) return model.bigram(b, c);
    for (let j = t.ctxStart[ctx]; j < t.ctxStart[ctx + 1]; j++) if (t.triEntry[j] >>> 8 === c) return t.probOf[t.triEntry[j] & 255];
    return t.bowOf[t.ctxBow[ctx]] + model.bigram(b, c);
  };
  // Every context that has trigrams, with one of its own third words and one word it lacks; and random triples.
  const biStart = (t as unknown as { biStart: Uint32Array }).biStart;
  /** The words (a, b) of bigram entry `at`. */
  const pairOf = (at: number): [number, number] => {
    let lo = 0;
    let hi = model.size - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (biStart[mid] <= at) lo = mid;
      else hi = mid - 1;
    }
    return [lo, t.biEntry[at] >>> 8];
  };
  for (let ctx = 0; ctx < t.ctxBigram.length; ctx += 13) {
    const [a, b] = pairOf(t.ctxBigram[ctx]);
    const own = t.triEntry[t.ctxStart[ctx]] >>> 8;
    for (const c of [own, (own + 7) % model.size]) assert.equal(model.trigram(a, b, c), reference(a, b, c), `${a} ${b} ${c}`);
  }
  let seed = 18;
  const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % model.size;
  for (let i = 0; i < 20000; i++) {
    const [a, b, c] = [next(), next(), next()];
    assert.equal(model.trigram(a, b, c), reference(a, b, c));
  }
});

test('a model prepared ahead answers as one that builds its tables on first use', () => {
  // The server prepares the model while the segmentation worker loads (host/data.ts): same ids, same probabilities.
  const lazy = LanguageModel.fromBytes(bytes);
  const prepared = LanguageModel.fromBytes(bytes);
  prepared.prepare();
  const tables = prepared as unknown as { slots?: Int32Array; contextsRanked: boolean };
  assert.ok(tables.slots && tables.contextsRanked, 'the tables are built by prepare');
  prepared.prepare();
  for (let i = 0; i < lazy.size; i += 101) {
    const w = lazy.word(i);
    const text = `，${w}。`;
    assert.equal(prepared.idAt(text, 1, 1 + w.length), lazy.idAt(text, 1, 1 + w.length), w);
  }
  for (const s of ['不是一个词语啊', '政冶']) assert.equal(prepared.idAt(s, 0, s.length), lazy.idAt(s, 0, s.length));
  let seed = 3;
  const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % lazy.size;
  for (let i = 0; i < 5000; i++) {
    const [a, b, c] = [next(), next(), next()];
    assert.equal(prepared.trigram(a, b, c), lazy.trigram(a, b, c));
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
