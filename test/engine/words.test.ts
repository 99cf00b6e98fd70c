import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import misusedData from '../../server/data/misused-words.json';
import {
  applyConfigChange,
  applyEdits,
  Finding,
  Linter,
  parseConfigText,
  safeFixEdits,
  STANDARD_TERMS,
  termAt,
  termMarkdown,
  termsIn,
} from '../../server/src/engine';
import { CONTEXT_PAIR_RULES } from '../../server/src/engine/rules/contextPairs';
import { SyncSegmenter } from '../../server/src/segmentation/syncSegmenter';

const FIXTURES = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures');
const lines = (name: string) =>
  fs.readFileSync(path.join(FIXTURES, name), 'utf8').split('\n').filter((l) => l.trim() && !l.startsWith('#'));

const WORD_RULES = new Set(['misused-word', 'standard-term', ...CONTEXT_PAIR_RULES.map((r) => r.id)]);
const segmenter = new SyncSegmenter();

function lint(text: string, config = ''): Finding[] {
  const linter = new Linter({ segmenter, config: config ? parseConfigText(config).config : undefined });
  return linter.lint(text).findings.filter((f) => WORD_RULES.has(f.rule));
}

const flagged = (text: string, f: Finding) => text.split('\n')[f.range.start.line].slice(f.range.start.character, f.range.end.character);

test('the word list has at least 150 pairs, each with wrong, right and a known type', () => {
  const entries = (misusedData as { entries: { wrong: string; right: string; type: string; note?: string }[] }).entries;
  assert.ok(entries.length >= 150, String(entries.length));
  const seen = new Set<string>();
  for (const e of entries) {
    assert.ok(e.wrong && e.right && e.wrong !== e.right, JSON.stringify(e));
    assert.ok(['misspelling', 'variant', 'usage'].includes(e.type), JSON.stringify(e));
    assert.ok(!seen.has(e.wrong), `duplicate ${e.wrong}`);
    seen.add(e.wrong);
  }
});

test('must flag: each fixture sentence gets its finding, and the first fix gives the right form', () => {
  for (const line of lines('words-must-flag.tsv')) {
    const [rule, text, right, sentence] = line.split('\t');
    const hits = lint(sentence).filter((f) => f.rule === rule && flagged(sentence, f) === text);
    assert.ok(hits.length >= 1, `${rule} should flag “${text}” in ${sentence}: ${JSON.stringify(lint(sentence).map((f) => [f.rule, flagged(sentence, f)]))}`);
    const fixed = applyEdits(sentence, hits[0].fixes[0].edits).text;
    const at = hits[0].range.start.character;
    assert.equal(fixed.slice(at, at + right.length), right, `${sentence} → ${fixed}`);
    // The fixed sentence no longer has this finding.
    assert.ok(!lint(fixed).some((f) => f.rule === rule && f.range.start.character === at), `${fixed} still flagged`);
  }
});

test('must not flag: correct sentences, including wrong forms hidden inside longer correct words', () => {
  for (const sentence of lines('words-must-not-flag.txt')) {
    assert.deepEqual(lint(sentence).map((f) => `${f.rule}:${flagged(sentence, f)}`), [], sentence);
  }
});

test('a pair never fires inside a longer correct word (the segmentation decides)', () => {
  // 部置 inside 全部/置于, 在坐 inside 在/坐标, 按排 inside 按/排名, 记要 inside 登记/要求.
  for (const [sentence, wrongInside] of [
    ['全部置于监管之下', '部置'],
    ['在坐标系中', '在坐'],
    ['按排名先后', '按排'],
    ['登记要求', '记要'],
    ['确定单位', '定单'],
  ]) {
    assert.ok(sentence.includes(wrongInside));
    assert.deepEqual(lint(sentence).map((f) => flagged(sentence, f)), [], sentence);
  }
  // …while the same two characters standing as a word are flagged.
  assert.deepEqual(lint('认真部置工作。').map((f) => flagged('认真部置工作。', f)), ['部置']);
});

test('without segmentation only long forms (idioms of 3+ characters) are checked', () => {
  const linter = new Linter();
  const text = '再接再励，认真布署。';
  const result = linter.lint(text);
  assert.equal(result.segmentationPending, true);
  assert.deepEqual(result.findings.filter((f) => f.rule === 'misused-word').map((f) => flagged(text, f)), ['再接再励']);
});

test('severity: misspellings are errors, variants information, custom pairs warnings', () => {
  const [a] = lint('认真布署。');
  assert.equal(a.severity, 'error');
  assert.equal(a.fixes[0].safe, true);
  const [b] = lint('规范帐户管理。');
  assert.equal(b.severity, 'information');
  assert.match(b.message, /账户/);
});

test('custom replacements from the configuration are checked, with a safe fix', () => {
  const config = JSON.stringify({ replacements: [{ wrong: '某某县', right: '青山县', note: '本县全称' }] });
  const text = '某某县召开会议。';
  const found = lint(text, config).filter((f) => f.rule === 'misused-word');
  assert.equal(found.length, 1);
  assert.equal(found[0].severity, 'warning');
  assert.match(found[0].message, /青山县.*本县全称/);
  assert.equal(applyEdits(text, safeFixEdits(found)).text, '青山县召开会议。');
  // ignoreWords silences a word.
  assert.deepEqual(lint('认真布署。', JSON.stringify({ ignoreWords: ['布署'] })), []);
});

test('fix all: safe fixes applied twice change nothing the second time', () => {
  const text = [...lines('words-must-flag.tsv').map((l) => l.split('\t')[3]), '截止目前，全县已完成投资12亿元。', '县委做出了重要部署。'].join('\n');
  const linter = new Linter({ segmenter });
  const once = applyEdits(text, safeFixEdits(linter.lint(text).findings)).text;
  assert.notEqual(once, text);
  assert.ok(once.includes('再接再厉') && once.includes('以习近平同志为核心的党中央') && once.includes('“三会一课”'));
  // Context rules suggest only: their fixes are never applied by fix-all.
  assert.ok(once.includes('截止目前') && once.includes('做出了重要部署'));
  const twice = applyEdits(once, safeFixEdits(linter.lint(once).findings)).text;
  assert.equal(twice, once);
});

test('ranges are UTF-16 offsets (a non-BMP character before the word)', () => {
  const text = '𠮷地认真布署。';
  const [f] = lint(text);
  assert.deepEqual(f.range, { start: { line: 0, character: 5 }, end: { line: 0, character: 7 } });
});

test('standard terms: at least 30, each with full content and usage; termAt finds the longest', () => {
  assert.ok(STANDARD_TERMS.length >= 30, String(STANDARD_TERMS.length));
  for (const t of STANDARD_TERMS) assert.ok(t.term && t.full && t.usage, t.term);
  for (const name of ['四风', '两个维护', '两个确立', '四个意识', '四个自信', '三重一大', '一岗双责', '四种形态', '三会一课', '中央八项规定', '新发展理念']) {
    assert.ok(STANDARD_TERMS.some((t) => t.term === name), name);
  }
  const line = '深入学习贯彻习近平新时代中国特色社会主义思想，坚决纠治“四风”。';
  assert.equal(termAt(line, line.indexOf('四风') + 1)?.term.term, '四风');
  assert.equal(termAt(line, line.indexOf('社会主义'))?.term.term, '习近平新时代中国特色社会主义思想');
  assert.equal(termAt(line, 0), undefined);
  assert.deepEqual(termsIn('落实八项规定和“三会一课”').map((o) => o.term.term), ['中央八项规定', '三会一课']);
});

/**
 * The `**` runs of a Markdown text that CommonMark cannot use as they stand: an opener must be
 * left-flanking, a closer right-flanking (spec 0.31, 6.2; punctuation is Unicode P or S). Chinese text
 * trips over this: `**用法：**常见` ends the bold after “：” and before a letter, so the editor shows
 * the asterisks.
 */
function badEmphasis(markdown: string): string[] {
  const bad: string[] = [];
  const space = (c: string | undefined) => c === undefined || /\s/u.test(c);
  const punct = (c: string | undefined) => c !== undefined && /[\p{P}\p{S}]/u.test(c);
  for (const line of markdown.split('\n')) {
    let open = true;
    for (let i = line.indexOf('**'); i >= 0; i = line.indexOf('**', i + 2)) {
      const before = line[i - 1];
      const after = line[i + 2];
      const leftFlanking = !space(after) && (!punct(after) || space(before) || punct(before));
      const rightFlanking = !space(before) && (!punct(before) || space(after) || punct(after));
      if (open ? !leftFlanking : !rightFlanking) bad.push(`${line.slice(Math.max(0, i - 3), i + 4)} (${open ? 'opener' : 'closer'})`);
      open = !open;
    }
    if (!open) bad.push(`${line}: unpaired **`);
  }
  return bad;
}

test('hover Markdown of every standard term: name, content and usage, with emphasis CommonMark renders', () => {
  assert.deepEqual(badEmphasis('**用法：**常见'), ['用法：**常见 (closer)']);
  for (const term of STANDARD_TERMS) {
    const markdown = termMarkdown(term);
    assert.deepEqual(badEmphasis(markdown), [], `${term.term}:\n${markdown}`);
    assert.ok(markdown.includes(term.full) && markdown.includes(term.usage), term.term);
  }
  const fourWinds = termMarkdown(STANDARD_TERMS.find((t) => t.term === '四风')!);
  assert.equal(fourWinds.split('\n')[0], '**“四风”**（规范表述）');
  assert.match(fourWinds, /^\*\*用法\*\*：常见搭配：“纠治‘四风’”/m);
});

test('configuration edits keep comments and layout, and are idempotent', () => {
  const original = '{\n  // 本单位的配置\n  "rules": { "heading-marker": "warning" },\n  "ignoreWords": ["青山县"]\n}\n';
  const once = applyConfigChange(original, { kind: 'ignoreWord', word: '布署' });
  assert.ok(once.includes('// 本单位的配置'));
  assert.deepEqual(parseConfigText(once).config.ignoreWords, new Set(['青山县', '布署']));
  assert.equal(applyConfigChange(once, { kind: 'ignoreWord', word: '布署' }), once);
  const off = applyConfigChange(once, { kind: 'disableRule', rule: 'misused-word' });
  assert.equal(parseConfigText(off).config.rules['misused-word'], 'off');
  assert.equal(parseConfigText(off).config.rules['heading-marker'], 'warning');
  const file = applyConfigChange(applyConfigChange('', { kind: 'disableFileRule', file: 'a/b.txt', rule: 'jiezhi' }), {
    kind: 'disableLineRule',
    file: 'a/b.txt',
    rule: 'misused-word',
    line: '  认真布署。 ',
  });
  const parsed = parseConfigText(file);
  assert.deepEqual(parsed.problems, []);
  assert.deepEqual(parsed.config.files.get('a/b.txt'), { disable: ['jiezhi'], disableLines: [{ rule: 'misused-word', line: '认真布署。' }] });
});

test('per-file switches in the configuration silence a rule for a file or a line', () => {
  const config = parseConfigText(
    JSON.stringify({ files: { 'r.txt': { disable: ['jiezhi'], disableLines: [{ rule: 'misused-word', line: '认真布署。' }] } } }),
  ).config;
  const text = '认真布署。\n截止目前，已完成。\n全面布署。';
  const withKey = new Linter({ segmenter, config, fileKey: 'r.txt' }).lint(text).findings.filter((f) => WORD_RULES.has(f.rule));
  assert.deepEqual(withKey.map((f) => `${f.rule}@${f.range.start.line}`), ['misused-word@2']);
  const otherFile = new Linter({ segmenter, config, fileKey: 'other.txt' }).lint(text).findings.filter((f) => WORD_RULES.has(f.rule));
  assert.deepEqual(otherFile.map((f) => `${f.rule}@${f.range.start.line}`), ['misused-word@0', 'jiezhi@1', 'misused-word@2']);
});
