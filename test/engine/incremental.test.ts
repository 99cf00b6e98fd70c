import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { computeStats, formatThousands, countHanChars, Linter, parseDocument, Segmenter, splitLines } from '../../server/src/engine';
import { commonPrefixLength, commonSuffixLength, splitIncrementally } from '../../server/src/engine/lineDiff';
import { outlineToJson } from '../../server/src/engine';

const FIXTURES = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures');
const read = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');

test('common prefix and suffix lengths, including across surrogate pairs and short strings', () => {
  assert.equal(commonPrefixLength('abc', 'abd'), 2);
  assert.equal(commonPrefixLength('', 'abc'), 0);
  assert.equal(commonPrefixLength('abc', 'abc'), 3);
  const long = '一二三四五六七八九十'.repeat(100);
  assert.equal(commonPrefixLength(long + 'x', long + 'y'), long.length);
  assert.equal(commonPrefixLength(long.slice(0, 500) + '𠮷' + long, long.slice(0, 500) + long), 500);
  assert.equal(commonSuffixLength('xabc', 'yabc'), 3);
  assert.equal(commonSuffixLength('x' + long, 'yy' + long), long.length);
  // The suffix never overlaps the prefix already matched.
  assert.equal(commonSuffixLength('aaaa', 'aaaaa', 4), 0);
  assert.equal(commonSuffixLength('aba', 'abba', 2), 1);
});

// Text made of characters that matter to line splitting and to the engine.
const pieces = ['一、标题', '（一）', '1.', '一是', '二是', '。', '，', '\n', '\r\n', '\r', '𠮷', '特此报告。', '2024年12月20日', 'abc', ' ', '\u3000', '# ', '```'];
const textArb = fc.array(fc.constantFrom(...pieces), { maxLength: 60 }).map((a) => a.join(''));
const editArb = fc.tuple(fc.nat(), fc.nat(), fc.array(fc.constantFrom(...pieces), { maxLength: 6 }).map((a) => a.join('')));

function applyRandomEdit(text: string, [a, b, insert]: [number, number, string]): string {
  const start = text.length ? a % (text.length + 1) : 0;
  const end = Math.min(text.length, start + (b % 8));
  return text.slice(0, start) + insert + text.slice(end);
}

test('incremental line splitting equals a fresh split after any edit (CRLF, CR, surrogates)', () => {
  fc.assert(
    fc.property(textArb, fc.array(editArb, { minLength: 1, maxLength: 5 }), (text, edits) => {
      let previous = { text, ...splitLines(text) };
      for (const edit of edits) {
        const next = applyRandomEdit(previous.text, edit);
        const { split, change } = splitIncrementally(next, previous);
        const fresh = splitLines(next);
        assert.deepEqual(split.lines, fresh.lines);
        assert.deepEqual(split.offsets, fresh.offsets);
        assert.ok(change && change.start <= change.newEnd && change.start <= change.oldEnd);
        previous = split;
      }
    }),
    { numRuns: 500 },
  );
});

test('a linter fed edit after edit gives the same findings and tree as a fresh one', () => {
  const base = read('levels.txt') + '\n' + read('numbering-errors.txt');
  fc.assert(
    fc.property(fc.array(editArb, { minLength: 1, maxLength: 6 }), fc.boolean(), (edits, markdown) => {
      const kind = markdown ? 'markdown' : 'plaintext';
      const linter = new Linter();
      let text = base;
      linter.lint(text, kind);
      for (const edit of edits) {
        text = applyRandomEdit(text, edit);
        const incremental = linter.lint(text, kind);
        const fresh = new Linter().lint(text, kind);
        assert.deepEqual(incremental.findings, fresh.findings);
        assert.deepEqual(outlineToJson(incremental.document.root), outlineToJson(fresh.document.root));
        assert.deepEqual(incremental.document.lineInfos, fresh.document.lineInfos);
      }
    }),
    { numRuns: 200 },
  );
});

test('moving a paragraph, and editing twice at once, keep results right', () => {
  const linter = new Linter();
  const text = read('numbering-errors.txt');
  linter.lint(text);
  const lines = text.split('\n');
  const moved = [...lines.slice(1), lines[0]].join('\n');
  assert.deepEqual(linter.lint(moved).findings, new Linter().lint(moved).findings);
  const twice = moved.replace('（一）', '（二）').replace('四、', '三、');
  assert.deepEqual(linter.lint(twice).findings, new Linter().lint(twice).findings);
  assert.deepEqual(linter.lint(twice).findings, new Linter().lint(twice).findings, 'linting the same text again');
});

test('statistics ask the segmenter for every line even when one is missing, then count words', () => {
  const asked: string[] = [];
  const ready = new Set<string>();
  const segmenter: Segmenter = {
    cut(text) {
      asked.push(text);
      return ready.has(text) ? [...text] : undefined;
    },
  };
  const document = parseDocument('第一段。\n\n第二段文字。\n第三段。');
  assert.equal(computeStats(document, segmenter).words, null);
  assert.deepEqual(asked, ['第一段。', '第二段文字。', '第三段。']);
  ['第一段。', '第二段文字。', '第三段。'].forEach((l) => ready.add(l));
  // Punctuation is not a word: 3 + 5 + 3.
  assert.equal(computeStats(document, segmenter).words, 11);
  assert.equal(computeStats(document).words, null);
});

test('countHanChars and formatThousands keep their meaning on the fast paths', () => {
  assert.equal(countHanChars('𠮷野家，abc〇々'), 5); // 𠮷 野 家 〇 々 are Han; the comma and Latin are not
  assert.equal(countHanChars(''), 0);
  for (const n of [0, 7, 999, 1000, 1203, 65536, 1234567, -4321]) assert.equal(formatThousands(n), n.toLocaleString('en-US'));
});
