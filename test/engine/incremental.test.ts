import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { ALL_RULES, computeStats, DocumentParser, formatThousands, countHanChars, lengthsOf, Linter, LineRule, parseDocument, Segmenter, splitLines } from '../../server/src/engine';
import type { LineFinding } from '../../server/src/engine/rules/rule';
import { checkTree } from '../reliability/invariants';
import { documentSymbols, MAX_OUTLINE_ITEMS } from '../../server/src/features/documentSymbols';
import { commonPrefixLength, commonSuffixLength, composeChanges, splitIncrementally } from '../../server/src/engine/lineDiff';
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
    wordLengths(text) {
      asked.push(text);
      return ready.has(text) ? lengthsOf([...text]) : undefined;
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

// ---------------------------------------------------------------------------------------------------
// Edits in the body of a longer report, where the section tree is updated around the change instead of
// rebuilt, and document rules keep their findings: the results must equal a fresh analysis.

const BODY_PIECES = ['的', '，', '。', '一是', '二是加强', '三是', '第一，', '（一）', '1.', '\n', '\n\n', '“', '”', '（', '）', '𠮷', '整改', '', '特此报告。', '2024年12月20日'];

/** A report long enough that most lines are body text away from the title and the closing. */
function longReport(): string {
  const levels = read('levels.txt').split('\n');
  const body = levels.slice(3, 20).join('\n'); // from 各位领导 to the last heading's text
  const extra = [
    '二、主要做法',
    '坚持问题导向，一是抓整改，二是抓落实，三是抓长效。全年整改问题12个。',
    '（一）加强组织领导',
    '成立领导小组，定期研究部署。首先，明确责任；其次，细化分工。',
    '（二）完善制度机制',
    '“制定办法”和《实施细则》印发执行（试行）。',
    '1.健全工作制度',
    '第一，建立台账；第二，销号管理。整改整改。',
  ].join('\n');
  return [levels[0], levels[1], '', body, extra, read('numbering-errors.txt'), levels.slice(20).join('\n')].join('\n');
}

/** An edit at a random line and column: insert a piece, maybe delete a few characters. */
const bodyEditArb = fc.tuple(fc.nat(), fc.nat(), fc.nat(3), fc.array(fc.constantFrom(...BODY_PIECES), { maxLength: 3 }).map((a) => a.join('')));

/** Whole lines: insert one (a paste at a line start), delete one, or insert a blank one. */
const LINE_TEXTS = ['坚持问题导向，推动工作落实。', '一是加强学习，二是强化落实。', '“制定办法”已印发（试行）。', '（三）新增标题', '', '特此报告。'];
const lineEditArb = fc.tuple(fc.constantFrom('insert', 'delete'), fc.nat(), fc.constantFrom(...LINE_TEXTS));

function applyLineEdit(text: string, [op, lineSeed, line]: ['insert' | 'delete', number, string]): string {
  const lines = text.split('\n');
  const at = lineSeed % lines.length;
  if (op === 'insert') lines.splice(at, 0, line);
  else if (lines.length > 1) lines.splice(at, 1);
  return lines.join('\n');
}

const anyEditArb = fc.oneof(bodyEditArb.map((e) => ({ body: e })), lineEditArb.map((e) => ({ line: e })));
const applyAnyEdit = (text: string, edit: { body?: [number, number, number, string]; line?: ['insert' | 'delete', number, string] }) =>
  edit.body ? applyBodyEdit(text, edit.body) : applyLineEdit(text, edit.line!);

function applyBodyEdit(text: string, [lineSeed, columnSeed, remove, insert]: [number, number, number, string]): string {
  const lines = text.split('\n');
  const line = lineSeed % lines.length;
  const column = lines[line].length ? columnSeed % (lines[line].length + 1) : 0;
  let offset = column;
  for (let i = 0; i < line; i++) offset += lines[i].length + 1;
  return text.slice(0, offset) + insert + text.slice(Math.min(text.length, offset + remove));
}

/** A line rule with keyed findings that drop out when the key recurs (as suspect-char does): one per 整改 or 一是. */
const keyedRule: LineRule = {
  id: 'test-keyed',
  scope: 'line',
  description: '测试',
  defaultSeverity: 'hint',
  recurringKeysAllowed: false,
  check({ text }) {
    const found: LineFinding[] = [];
    for (const key of ['整改', '一是', '𠮷']) {
      for (let at = text.indexOf(key); at >= 0; at = text.indexOf(key, at + 1)) found.push({ start: at, end: at + key.length, message: key, key });
    }
    return found;
  },
};

test('the section tree updated around body edits equals a fresh build (and keeps its invariants)', () => {
  const base = longReport();
  let updated = 0;
  let wholeLines = 0;
  fc.assert(
    fc.property(fc.array(anyEditArb, { minLength: 1, maxLength: 8 }), fc.boolean(), (edits, markdown) => {
      const kind = markdown ? 'markdown' : 'plaintext';
      const parser = new DocumentParser();
      let text = base;
      let previous = parser.parse(text, kind).document;
      let previousJson = outlineToJson(previous.root);
      for (const edit of edits) {
        text = applyAnyEdit(text, edit);
        const { document: incremental, treeUpdate: update } = parser.parse(text, kind);
        if (update) updated++;
        if (update && (update.change.start === update.change.oldEnd) !== (update.change.start === update.change.newEnd)) wholeLines++;
        const fresh = parseDocument(text, kind);
        assert.deepEqual(outlineToJson(incremental.root), outlineToJson(fresh.root));
        checkTree(incremental);
        // The previous tree still describes the previous text.
        assert.deepEqual(outlineToJson(previous.root), previousJson);
        previous = incremental;
        previousJson = outlineToJson(incremental.root);
      }
    }),
    { numRuns: 300 },
  );
  assert.ok(updated > 300, `the tree was updated in place only ${updated} times`);
  assert.ok(wholeLines > 50, `whole lines were inserted or deleted in place only ${wholeLines} times`);
});

test('a linter fed body edits (document rules reused, keyed findings) gives the same findings as a fresh one', () => {
  const base = longReport();
  const rules = [...ALL_RULES, keyedRule];
  // Words are characters: enough for the segmentation-based rules to run.
  const segmenter: Segmenter = { wordLengths: (text) => lengthsOf([...text]) };
  fc.assert(
    fc.property(fc.array(anyEditArb, { minLength: 1, maxLength: 8 }), fc.boolean(), (edits, markdown) => {
      const kind = markdown ? 'markdown' : 'plaintext';
      const linter = new Linter({ rules, segmenter });
      let text = base;
      linter.lint(text, kind);
      for (const edit of edits) {
        text = applyAnyEdit(text, edit);
        const incremental = linter.lint(text, kind);
        const fresh = new Linter({ rules, segmenter }).lint(text, kind);
        assert.deepEqual(incremental.findings, fresh.findings);
        assert.deepEqual(linter.lint(text, kind).findings, fresh.findings, 'the same text again');
      }
    }),
    { numRuns: 200 },
  );
});

test('two line changes composed describe the texts before the first and after the second', () => {
  const base = longReport();
  fc.assert(
    fc.property(anyEditArb, anyEditArb, (a, b) => {
      const text0 = base;
      const first = splitIncrementally(applyAnyEdit(text0, a), splitIncrementally(text0, undefined).split);
      const second = splitIncrementally(applyAnyEdit(first.split.text, b), first.split);
      const lines0 = splitLines(text0).lines;
      const lines2 = second.split.lines;
      const { start, oldEnd, newEnd } = composeChanges(first.change!, second.change!);
      assert.ok(start <= oldEnd && start <= newEnd && oldEnd <= lines0.length && newEnd <= lines2.length);
      assert.equal(lines0.length - oldEnd, lines2.length - newEnd, 'as many unchanged lines after the span');
      assert.deepEqual(lines2.slice(0, start), lines0.slice(0, start), 'lines before the span unchanged');
      assert.deepEqual(lines2.slice(newEnd), lines0.slice(oldEnd), 'lines after the span unchanged');
    }),
    { numRuns: 500 },
  );
});

test('outline, folding and completion parse ahead of the lint: the lint that follows equals a fresh one', () => {
  const base = longReport();
  const rules = [...ALL_RULES, keyedRule];
  const segmenter: Segmenter = { wordLengths: (text) => lengthsOf([...text]) };
  fc.assert(
    // each step: an edit, then the structure asked for 0–2 times (of this text, or of the text of one more edit)
    fc.property(fc.array(fc.tuple(anyEditArb, fc.nat(2), anyEditArb), { minLength: 1, maxLength: 6 }), fc.boolean(), (steps, markdown) => {
      const kind = markdown ? 'markdown' : 'plaintext';
      const linter = new Linter({ rules, segmenter });
      let text = base;
      linter.lint(text, kind);
      for (const [edit, asks, further] of steps) {
        text = applyAnyEdit(text, edit);
        if (asks >= 1) assert.deepEqual(outlineToJson(linter.structure(text, kind).root), outlineToJson(parseDocument(text, kind).root));
        if (asks === 2) {
          text = applyAnyEdit(text, further);
          assert.deepEqual(outlineToJson(linter.structure(text, kind).root), outlineToJson(parseDocument(text, kind).root));
        }
        const incremental = linter.lint(text, kind);
        const fresh = new Linter({ rules, segmenter }).lint(text, kind);
        assert.deepEqual(incremental.findings, fresh.findings);
        assert.deepEqual(incremental.document.lineInfos, fresh.document.lineInfos);
      }
    }),
    { numRuns: 200 },
  );
});

test('a new text with identical lines checks each text once and places its findings on every line', () => {
  const line = '“整改落实”情况良好（一是，二是）。';
  const text = ['标题', '', ...Array(5).fill(line), '结束。'].join('\n');
  const rules = [...ALL_RULES, keyedRule];
  let checks = 0;
  const counting: LineRule = { ...keyedRule, id: 'test-counting', recurringKeysAllowed: true, check: (context) => (checks++, keyedRule.check(context)) };
  const result = new Linter({ rules: [...rules, counting] }).lint(text);
  assert.equal(checks, 3); // 标题, the repeated line, 结束。
  const lines = result.findings.filter((f) => f.rule === 'test-counting').map((f) => f.range.start.line);
  assert.deepEqual([...new Set(lines)], [2, 3, 4, 5, 6]);
});

test('document symbols after body edits (unchanged sections reused) equal those of a fresh tree', () => {
  const base = longReport();
  fc.assert(
    fc.property(fc.array(anyEditArb, { minLength: 1, maxLength: 8 }), (edits) => {
      const parser = new DocumentParser();
      let text = base;
      documentSymbols(parser.parse(text).document.root);
      for (const edit of edits) {
        text = applyAnyEdit(text, edit);
        const incremental = documentSymbols(parser.parse(text).document.root);
        assert.deepEqual(incremental, documentSymbols(parseDocument(text).root));
      }
    }),
    { numRuns: 200 },
  );
});

test('the outline lists inline items up to MAX_OUTLINE_ITEMS, beyond that the headings only', () => {
  const report = (pairs: number) => ['关于工作情况的报告', '', '一、主要工作', ...Array.from({ length: pairs }, (_, i) => `一是学习第${i}项。二是落实第${i}项。`), '二、下步打算', '继续努力。'].join('\n');
  const names = (symbols: ReturnType<typeof documentSymbols>) => symbols.flatMap((s) => [s.name, ...(s.children ?? []).map((c) => c.name)]);
  const small = documentSymbols(parseDocument(report(MAX_OUTLINE_ITEMS / 2)).root);
  assert.equal(names(small).filter((n) => n.startsWith('一是') || n.startsWith('二是')).length, MAX_OUTLINE_ITEMS);
  const large = documentSymbols(parseDocument(report(MAX_OUTLINE_ITEMS / 2 + 1)).root);
  assert.deepEqual(names(large), ['关于工作情况的报告', '一、主要工作', '二、下步打算']);
  // Leaves carry no empty children; sections keep their character counts.
  assert.equal(large[1].children, undefined);
  assert.match(large[1].detail ?? '', /^[\d,]+字$/);
});

test('typing in a heading title updates the tree in place and runs the heading rules again', () => {
  const base = longReport();
  const linter = new Linter();
  linter.lint(base);
  const parser = new DocumentParser();
  parser.parse(base);
  // 1.健全工作制度 → 1.健全工作制度。 then → 2.健全工作制度 (the number changed: rebuilt).
  for (const [text, inPlace] of [
    [base.replace('1.健全工作制度', '1.健全工作制度。'), true],
    [base.replace('1.健全工作制度', '1.健全工作制度：'), true],
    [base.replace('1.健全工作制度', '2.健全工作制度'), false],
  ] as const) {
    const incremental = linter.lint(text);
    assert.deepEqual(incremental.findings, new Linter().lint(text).findings);
    const { document: tree, treeUpdate } = parser.parse(text);
    assert.equal(treeUpdate !== undefined, inPlace, text.slice(0, 0));
    if (inPlace) assert.equal(treeUpdate!.headingsSame, false);
    assert.deepEqual(outlineToJson(tree.root), outlineToJson(parseDocument(text).root));
    checkTree(tree);
  }
});

test('whole lines inserted or deleted in place: the section before a heading absorbs them, or ends at its last text line again', () => {
  const base = longReport().replace('成立领导小组，定期研究部署。首先，明确责任；其次，细化分工。', '成立领导小组，定期研究部署。\n\n会后逐项落实。');
  const cases: [string, string][] = [
    // The last line of （一） after a blank line: （一） ends at the line before the blank again.
    ['delete after a blank line', base.replace('\n会后逐项落实。', '')],
    // A paragraph pasted at the start of the heading line （二）: it joins （一）.
    ['insert before a heading', base.replace('（二）完善制度机制', '新增一段文字。\n（二）完善制度机制')],
    // A paragraph inserted after the blank line.
    ['insert after a blank line', base.replace('\n会后逐项落实。', '\n另起一段。\n会后逐项落实。')],
  ];
  for (const [what, text] of cases) {
    const parser = new DocumentParser();
    parser.parse(base);
    const { document: tree, treeUpdate } = parser.parse(text);
    assert.ok(treeUpdate, `${what}: updated in place`);
    assert.deepEqual(outlineToJson(tree.root), outlineToJson(parseDocument(text).root), what);
    checkTree(tree);
  }
});

test('starting a new paragraph (Enter, then typing into the empty line) updates the tree in place', () => {
  const base = longReport();
  const steps = [
    base.replace('定期研究部署。首先，明确责任；其次，细化分工。', '定期研究部署。首先，明确责任；其次，细化分工。\n'),
    base.replace('定期研究部署。首先，明确责任；其次，细化分工。', '定期研究部署。首先，明确责任；其次，细化分工。\n会'),
    base.replace('定期研究部署。首先，明确责任；其次，细化分工。', '定期研究部署。首先，明确责任；其次，细化分工。\n会后'),
    base.replace('定期研究部署。首先，明确责任；其次，细化分工。', '定期研究部署。首先，明确责任；其次，细化分工。\n\n'),
    base.replace('成立领导小组，定期研究部署。首先，明确责任；其次，细化分工。', ''),
  ];
  const parser = new DocumentParser();
  parser.parse(base);
  for (const text of steps) {
    const { document: tree, change, treeUpdate } = parser.parse(text);
    assert.ok(treeUpdate, JSON.stringify(change));
    assert.deepEqual(outlineToJson(tree.root), outlineToJson(parseDocument(text).root));
    checkTree(tree);
  }
});
