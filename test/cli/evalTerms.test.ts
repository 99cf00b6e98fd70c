/** The terms evaluation set's reader and the span it checks (npm run eval:terms). */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { changedSpan, readPairs } from '../../server/src/tools/evalTerms';

const ROOT = path.resolve(__dirname, '..', '..', '..');

test('readPairs: halves alternate within each category; "-" is a clean sentence; a bad line is a Chinese error', () => {
  const pairs = readPairs('# 注释\nidioms\t再接再励\t再接再厉\nnames\t甲\t乙\nidioms\t-\t一如既往\nidioms\t迫不急待\t迫不及待\n');
  assert.deepEqual(pairs.map((p) => [p.category, p.half, p.wrong ?? null]), [
    ['idioms', 'a', '再接再励'],
    ['names', 'a', '甲'],
    ['idioms', 'b', null],
    ['idioms', 'a', '迫不急待'],
  ]);
  assert.throws(() => readPairs('idioms\t只有一列\n'), /第 1 行格式不对/);
});

test('changedSpan: the differing characters, or the two around a dropped one', () => {
  assert.deepEqual(changedSpan('坚持再接再励。', '坚持再接再厉。'), [5, 6]);
  assert.deepEqual(changedSpan('中央八项规定及实施细则', '中央八项规定及其实施细则'), [6, 8]);
});

test('the shipped evaluation set reads, every error differs from its twin, and both halves hold every category', () => {
  const pairs = readPairs(fs.readFileSync(path.join(ROOT, 'benchmarks', 'data', 'terms-eval.tsv'), 'utf8'));
  assert.ok(pairs.length > 300);
  for (const p of pairs) if (p.wrong) assert.notEqual(p.wrong, p.right, `第 ${p.line} 行`);
  const categories = new Set(pairs.map((p) => p.category));
  for (const half of ['a', 'b']) assert.deepEqual(new Set(pairs.filter((p) => p.half === half).map((p) => p.category)), categories);
});
