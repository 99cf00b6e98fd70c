import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import * as fs from 'node:fs';
import { test } from 'node:test';
import { Linter } from '../../server/src/engine';
import { SyncSegmenter } from '../../server/src/segmentation/syncSegmenter';
import { diskEngineData } from '../../server/src/host/data';
import { evaluate, lintSentences, parseEcspell, ruleGroup, score } from '../../server/src/tools/eval';
import { countFolder } from '../../server/src/tools/fp';

const FIXTURES = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures');
const segmenter = new SyncSegmenter();
segmenter.cut('测试');
const data = diskEngineData({ onError: (message) => assert.fail(message) });
const linter = new Linter({ segmenter, lexicon: () => segmenter.lexicon, data });

test('eval reads the SIGHAN format (source TAB target, no count) beside ECSpell', () => {
  const parsed = parseEcspell('加强政冶建设\t加强政治建设\n1\t严格执行财务制渡\t严格执行财务制度\n一行没有制表符\n');
  assert.equal(parsed.sentences.length, 2);
  assert.equal(parsed.skipped, 1);
  assert.deepEqual(parsed.sentences.map((s) => [s.source, s.wrong]), [['加强政冶建设', [3]], ['严格执行财务制渡', [7]]]);
});

test('eval groups the rules: wrong characters, punctuation, the rest', () => {
  assert.equal(ruleGroup('suspect-char'), 'wrongchar');
  assert.equal(ruleGroup('misused-word'), 'wrongchar');
  assert.equal(ruleGroup('quanli'), 'wrongchar');
  assert.equal(ruleGroup('idiom'), 'wrongchar', 'a character off in an idiom is a wrong character');
  assert.equal(ruleGroup('formulation-name'), 'wrongchar');
  assert.equal(ruleGroup('halfwidth-punctuation'), 'punctuation');
  assert.equal(ruleGroup('paired-marks'), 'punctuation');
  assert.equal(ruleGroup('heading-numbering'), 'other');
});

test('eval scores located detection: a finding elsewhere in a wrong sentence does not count as located', () => {
  const sentences = parseEcspell('1\t加强政冶建设\t加强政治建设\n0\t严格执行财务制度。\t严格执行财务制度。\n').sentences;
  const finding = (start: number) => ({ rule: 'suspect-char', severity: 'warning' as const, message: '', fixes: [], range: { start: { line: 0, character: start }, end: { line: 0, character: start + 1 } } });
  const at3 = score(sentences, [[finding(3)], []], 'wrongchar', 'sentence');
  assert.equal(at3.located, 1);
  assert.equal(at3.locatedRecall, 1);
  assert.equal(at3.locatedPrecision, 1);
  const elsewhere = score(sentences, [[finding(0)], [finding(1)]], 'wrongchar', 'sentence');
  assert.equal(elsewhere.truePositives, 1);
  assert.equal(elsewhere.located, 0);
  assert.equal(elsewhere.precision, 0.5);
  assert.equal(elsewhere.locatedPrecision, 0);
  assert.equal(elsewhere.falseAlarms, 1);
  // Another group's findings are not counted.
  assert.equal(score(sentences, [[finding(3)], []], 'punctuation', 'sentence').truePositives, 0);
});

test('eval in document mode lints all sentences as one document and gives each finding to its sentence', () => {
  const parsed = parseEcspell(fs.readFileSync(path.join(FIXTURES, 'eval', 'tiny.tsv'), 'utf8'));
  const perSentence = lintSentences(parsed.sentences, linter, 'sentence');
  const asDocument = lintSentences(parsed.sentences, linter, 'document');
  assert.equal(asDocument.length, parsed.sentences.length);
  // A short document: no long-document corroboration, so the same wrong characters are found.
  const located = (all: typeof perSentence) => all.map((fs) => fs.filter((f) => f.rule === 'suspect-char').map((f) => f.range.start.character));
  assert.deepEqual(located(asDocument), located(perSentence));
  for (const findings of asDocument) for (const f of findings) assert.equal(f.range.start.line, 0);
  const r = evaluate(parsed.sentences, linter, { mode: 'document' });
  assert.equal(r.mode, 'document');
  assert.ok(r.located >= 2, `located ${r.located}`);
});

test('fp counts information and hint findings beside errors and warnings', () => {
  const r = countFolder(path.join(FIXTURES, 'fp-folder'), linter);
  assert.equal(r.quietCount, r.files.reduce((n, f) => n + f.quiet.length, 0));
  assert.equal(r.quietCount, Object.values(r.quietRules).reduce((a, b) => a + b, 0));
  for (const f of r.files) for (const x of f.quiet) assert.ok(x.severity === 'information' || x.severity === 'hint');
});
