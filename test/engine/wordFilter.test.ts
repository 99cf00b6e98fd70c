import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { buildLexiconData, CompactLexicon, frequencyAt, type Lexicon } from '../../server/src/engine/lexicon';
import { unitFrequency, WordFilter, wordFilter } from '../../server/src/engine/wordFilter';

/** A deterministic pseudo-random generator (mulberry32). */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const next = random(18);
const HAN = '机制智体总休贯彻切政治冶建设工作依规督查的地得在再做作已以即既那哪象像须需';
const word = (length: number) => Array.from({ length }, () => HAN[Math.floor(next() * HAN.length)]).join('');
const entries: [string, number][] = [];
for (let i = 0; i < 3000; i++) entries.push([word(1 + Math.floor(next() * 5)), Math.floor(next() * 200)]);
entries.push(['𠮷祥', 90], ['机制', 4138]);
const compact = new CompactLexicon(buildLexiconData(entries));
// The same words behind the plain interface (no forEachRangeWhere, no frequencyAt): the filter is built from strings.
const plain: Lexicon = {
  frequency: (w) => compact.frequency(w),
  has: (w) => compact.has(w),
  total: compact.total,
  size: compact.size,
  forEach: (callback) => compact.forEach(callback),
};

test('the word filter never says "absent" for a word it holds, whatever way the word is asked', () => {
  for (const lexicon of [compact, plain]) {
    const filter = wordFilter(lexicon, 2, 4, 20);
    assert.ok(filter, 'a lexicon that lists its words gets a filter');
    let held = 0;
    lexicon.forEach!((w, f) => {
      if (w.length < 2 || w.length > 4 || f < 20) return;
      held++;
      assert.ok(filter.mayHave(w, 0, w.length), w);
      // Inside a longer text, and with one unit written over (frequencyAt's convention).
      const text = `在${w}中`;
      assert.ok(filter.mayHave(text, 1, 1 + w.length), text);
      const spoiled = `在${w.slice(0, 1)}某${w.slice(2)}中`;
      assert.ok(filter.mayHave(spoiled, 1, 1 + w.length, 2, w[1]), spoiled);
    });
    assert.ok(held > 500, `${held} words held`);
  }
});

test('the word filter says "absent" for most strings that are no such word (it is worth asking)', () => {
  const filter = wordFilter(compact, 2, 4, 20)!;
  let absentWords = 0;
  let saidMaybe = 0;
  for (let i = 0; i < 20000; i++) {
    const w = word(2 + Math.floor(next() * 3));
    if (frequencyAt(compact, w, 0, w.length) >= 20) continue;
    absentWords++;
    if (filter.mayHave(w, 0, w.length)) saidMaybe++;
  }
  assert.ok(saidMaybe / absentWords < 0.02, `${saidMaybe} of ${absentWords} absent strings passed`);
  // Rare words and words of other lengths are not held.
  const none = new WordFilter(10);
  assert.equal(none.mayHave('机制', 0, 2), false);
});

test('a lexicon that cannot list its words gets no filter (every lookup is made)', () => {
  const opaque: Lexicon = { frequency: () => 0, has: () => false, total: 1, size: 0 };
  assert.equal(wordFilter(opaque, 2, 4, 20), undefined);
});

test('unitFrequency gives the frequency of one unit as a word', () => {
  const text = '机制𠮷x';
  for (let i = 0; i < text.length; i++) {
    assert.equal(unitFrequency(compact, text, i), frequencyAt(compact, text, i, i + 1));
    assert.equal(unitFrequency(compact, text, i), frequencyAt(compact, text, i, i + 1), 'from the table the second time');
  }
});
