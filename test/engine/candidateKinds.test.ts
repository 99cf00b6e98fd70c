import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { buildLexiconData, CompactLexicon, Linter } from '../../server/src/engine';
import type { CharVariants, EngineData } from '../../server/src/engine/data';
import { suspectChar } from '../../server/src/engine/rules/suspectChar';
import { cachedCandidates, candidatesFor, nearSyllables } from '../../server/src/engine/wrongchar/candidates';
import { wrongCharTables } from '../../server/src/engine/wrongchar/data';
import { tablesFor } from '../../server/src/engine/wrongchar/indexes';
import { diskEngineData } from '../../server/src/host/data';
import { SyncSegmenter } from '../../server/src/segmentation/syncSegmenter';
import { lengthsOf, toTokens } from '../../server/src/engine';

const DATA = path.resolve(__dirname, '..', '..', '..', 'server', 'data');

/** Engine data made of small hand-written tables (`variants`: the optional table, or none). */
function fixture(variants?: CharVariants): EngineData {
  const pinyin = { xing: '行星', hang: '航杭', yuan: '院员', wan: '完万', jian: '捡检', xian: '险线', shen: '深身', sheng: '生声', zi: '自', zhi: '至之' };
  return {
    pinyin: () => pinyin,
    shapes: () => ({}),
    knownWords: () => [],
    snippets: () => ({}),
    ...(variants ? { charVariants: () => variants } : {}),
  };
}

const VARIANTS: CharVariants = { poly: { 行: 'hang' }, parts: { 院: '完', 完: '院' }, shares: { 捡: '险', 险: '捡' } };
const tables = wrongCharTables(fixture(VARIANTS))!;
const kindOf = (char: string, candidate: string, near = false) => candidatesFor(char, tables, undefined, near).find((c) => c.char === candidate)?.kind;

test('each kind of candidate comes from its table', () => {
  assert.equal(kindOf('航', '杭'), 'sound', 'same syllable');
  assert.equal(kindOf('行', '航'), 'poly', "another reading of the polyphone (行 hang)");
  assert.equal(kindOf('航', '行'), 'poly', 'a polyphone one of whose readings is the syllable');
  assert.equal(kindOf('完', '院'), 'part', 'the character that contains it');
  assert.equal(kindOf('院', '完'), 'part', 'the character it contains');
  assert.equal(kindOf('捡', '险'), 'share', 'the same rare component');
  assert.equal(kindOf('深', '生'), undefined, 'near syllables only when asked for');
  assert.equal(kindOf('深', '生', true), 'near', 'shen → sheng');
  assert.equal(kindOf('自', '至', true), 'near', 'zi → zhi');
  // The same syllable wins over another kind of the same character (员 is both yuan and, here, nothing else).
  assert.equal(kindOf('院', '员'), 'sound');
});

test('near syllables: one sound away, and only those that have characters', () => {
  const charsOf = new Map(['zi', 'zhi', 'lin', 'ling', 'nin', 'shan', 'san', 'shang', 'chen', 'cheng', 'ceng'].map((s) => [s, '字']));
  assert.deepEqual(nearSyllables('zhi', charsOf), ['zi']);
  assert.deepEqual(nearSyllables('lin', charsOf).sort(), ['ling', 'nin']);
  assert.deepEqual(nearSyllables('shan', charsOf).sort(), ['san', 'shang']);
  assert.deepEqual(nearSyllables('cheng', charsOf).sort(), ['ceng', 'chen']);
  assert.deepEqual(nearSyllables('a', charsOf), []);
});

test('the frequency search gets no near syllables, the context model does; rare ones are filtered', () => {
  const lexicon = new CompactLexicon(buildLexiconData([['深', 5000], ['生', 50000], ['身', 3000], ['声', 500], ['完', 9000], ['院', 8000]]));
  const list = cachedCandidates('深'.charCodeAt(0), lexicon, tablesFor(lexicon, tables));
  assert.deepEqual(list.candidates.map((c) => c.char), ['身']);
  assert.deepEqual(list.inContext.map((c) => `${c.char}${c.kind}`), ['身sound', '生near'], '声 is below the frequency near syllables need');
  assert.equal(list.codes.length, list.candidates.length);
});

test('without the variant table: the other candidates only', () => {
  const plain = wrongCharTables(fixture())!;
  assert.equal(plain.variants, undefined);
  assert.deepEqual(candidatesFor('完', plain, undefined, true).map((c) => c.char), ['万']);
});

test('a missing or broken char-variants.json is said once, in Chinese, and the rule still works', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-variants-'));
  try {
    for (const name of ['char-pinyin.json', 'char-shapes.json', 'known-words.json']) fs.copyFileSync(path.join(DATA, name), path.join(dir, name));
    const lexicon = new CompactLexicon(buildLexiconData([['加强', 40000], ['政治', 50000], ['建设', 80000], ['政', 3000], ['冶', 200], ['治', 6000]]));
    const check = (data: EngineData, text: string, words: string[]) =>
      suspectChar.check({ text, tokens: toTokens(text, lengthsOf(words)), lexicon, data, info: undefined as never, markdown: false, options: {} });
    for (const content of [undefined, '{"poly": 3}', 'not json']) {
      if (content !== undefined) fs.writeFileSync(path.join(dir, 'char-variants.json'), content);
      const said: string[] = [];
      const data = diskEngineData({ dataDirs: [dir], modelDirs: [dir], onError: (message) => said.push(message) });
      const findings = check(data, '加强政冶建设', ['加强', '政冶', '建设']);
      assert.equal(findings[0]?.fixes?.[0].edits[0].newText, '治', 'the other candidates still work');
      check(data, '加强政冶建设', ['加强', '政冶', '建设']);
      const aboutVariants = said.filter((m) => m.includes('char-variants.json'));
      assert.equal(aboutVariants.length, 1, `told once (${content})`);
      assert.match(aboutVariants[0], /候选字/);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

// Real-word examples with the real dictionary, the shipped tables and the word trigram model (sentences
// written for this test): each is found only through its kind of candidate.
const segmenter = new SyncSegmenter();
const data = diskEngineData({ onError: (message) => assert.fail(message) });
const withoutVariants = { ...data, charVariants: undefined };
const suspects = (engineData: EngineData, text: string) =>
  new Linter({ segmenter, lexicon: () => segmenter.lexicon, data: engineData })
    .lint(text)
    .findings.filter((f) => f.rule === 'suspect-char' && f.severity === 'warning')
    .map((f) => `${text.slice(f.range.start.character, f.range.end.character)}→${f.fixes?.[0]?.edits[0].newText}`);

test('with the real tables: each kind finds a real error that the other candidates miss (near syllables: without the table too)', () => {
  // The fourth member: the kind that finds it without the variant table (zhang → chang is also an aspiration pair).
  for (const [text, found, kind, without] of [
    ['国务完办公厅印发通知', '完→院', 'part'],
    ['防范化解重大风捡', '捡→险', 'share'],
    ['存入中国人民银航', '航→行', 'poly'],
    ['建立涨效机制', '涨→长', 'poly', 'aspirated'],
    ['加强安全深产', '深→生', 'near', 'near'],
  ]) {
    assert.deepEqual(suspects(data, text), [found], `${text} (${kind})`);
    const [wrong, right] = found.split('→');
    assert.equal(candidatesFor(wrong, wrongCharTables(data)!, segmenter.lexicon, true).find((c) => c.char === right)?.kind, kind, text);
    // Near syllables and aspiration pairs need no table; the other kinds come from it.
    if (!without) assert.ok(!suspects(withoutVariants, text).includes(found), `${text}: not without the variant table`);
    else assert.equal(candidatesFor(wrong, wrongCharTables(withoutVariants)!, segmenter.lexicon, true).find((c) => c.char === right)?.kind, without, `${text}: without the table`);
  }
});

test('with the real tables: correct sentences stay quiet', () => {
  for (const text of ['国务院办公厅印发通知', '防范化解重大风险', '存入中国人民银行', '建立长效机制', '加强安全生产', '按照下列要求执行', '拟定工作方案']) {
    assert.deepEqual(suspects(data, text), [], text);
  }
});
