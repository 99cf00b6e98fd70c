// parseHanLexicon (bytes → lexicon data without a string per word) gives exactly what the plain parser
// gives for the Han words it keeps: on hand-made edge cases, on random dictionaries, and on nodejieba's
// own dictionary.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import { test } from 'node:test';
import fc from 'fast-check';
import type { LexiconData } from '../../server/src/engine/lexicon';
import { parseFrequencyList } from '../helpers/frequencyList';
import { HAN_WORD, jiebaDictionaryPath, parseHanLexicon } from '../../server/src/segmentation/lexicon';

const plain = (text: string) => parseFrequencyList(text, (word) => HAN_WORD.test(word));
const fast = (text: string) => parseHanLexicon(Buffer.from(text, 'utf8'));
const same = (a: LexiconData, b: LexiconData) => {
  assert.equal(a.words, b.words);
  assert.deepEqual([...a.offsets], [...b.offsets]);
  assert.deepEqual([...a.frequencies], [...b.frequencies]);
  assert.equal(a.total, b.total);
};

test('edge cases: BOM, CRLF, tabs, repeats, long words, other scripts, missing frequencies', () => {
  const text = [
    '\ufeff机制 4138 n', // a BOM makes the first word non-Han: skipped by both
    '机制 4138 n',
    '机智 281 a\r',
    '机 99\tn',
    '机\t7 n', // tab after the word
    '机制 5000 n', // repeated: the highest frequency wins
    '机制 10 n',
    '中华人民共和国 9 ns', // longer than four characters
    '一二三四 12', // exactly four
    'abc 7 eng',
    'B超 3 n',
    '𠮷 5 n', // outside the BMP
    '㐀 3 n', // Extension A
    '鿿 4 n', // U+9FFF
    '丁', // no frequency
    '丁丁 x',
    '丁丁丁 99999999999 n', // clamped
    '',
    ' 3 n',
    '乙 0',
    '甲乙',
  ].join('\n');
  const result = fast(text);
  same(result, plain(text));
  assert.ok(result.frequencies.length > 5);
  same(fast(''), plain(''));
  same(fast('人 3'), plain('人 3'));
});

test('random dictionaries: same data as the plain parser', () => {
  const char = fc.constantFrom('人', '民', '中', '华', '一', '㐀', '鿿', 'a', ' ', '\t', '𠮷', '，', '国');
  const line = fc.tuple(fc.array(char, { maxLength: 6 }), fc.option(fc.nat({ max: 100000 })), fc.constantFrom('', ' n', '\r', ' v\r'));
  fc.assert(
    fc.property(fc.array(line, { maxLength: 40 }), (lines) => {
      const text = lines.map(([chars, f, tail]) => `${chars.join('')}${f === null ? '' : ` ${f}`}${tail}`).join('\n');
      same(fast(text), plain(text));
    }),
    { numRuns: 300 },
  );
});

test("nodejieba's dictionary: same lexicon as the plain parser", () => {
  const found = jiebaDictionaryPath();
  assert.ok('path' in found, JSON.stringify(found));
  const bytes = fs.readFileSync(found.path);
  const result = parseHanLexicon(bytes);
  same(result, plain(bytes.toString('utf8')));
  assert.ok(result.frequencies.length > 300_000);
});
