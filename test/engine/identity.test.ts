// The identity contract of LintResult (see LintFindings in engine/linter.ts): from one lint to the next, the
// findings that did not change are the same objects. The server's caches rely on it (features/convert.ts
// converts each finding to a Diagnostic once, transport.ts encodes each once, documentSymbols keeps symbols
// per section node); a copy would not break results, only make every keystroke convert everything again.
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { ALL_RULES, Finding, Linter, LineRule } from '../../server/src/engine';
import { MAX_FINDINGS_PER_RULE } from '../../server/src/engine/rules/rule';
import { documentSymbols } from '../../server/src/features/documentSymbols';

const REPORT = [
  '关于2024年工作情况的报告',
  '——在全体会议上的发言',
  '',
  '各位领导：现将有关情况报告如下。',
  '一、主要工作',
  '今年以来,我们认真落实各项部署，取得了明显成效.',
  '（一）加强组织领导',
  '成立领导小组，定期研究部署,一是明确责任，三是细化分工。',
  '（三）完善制度机制',
  '制定了《实施办法》,印发执行。',
  '二、存在问题',
  '一些工作推进不够快,落实不够细。',
  '四、下步打算',
  '继续加强学习，推动工作落实.',
  '',
  '特此报告。',
  '',
  '某某单位',
  '2024年12月20日',
].join('\n');
const EDITED_LINE = 9;

const key = (f: Finding) => `${f.rule}@${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character}`;

/** Asserts that every finding of `after` accepted by `unchanged` is the very object `before` had for it. */
function assertSameObjects(before: readonly Finding[], after: readonly Finding[], unchanged: (f: Finding) => boolean): number {
  const previous = new Map(before.map((f) => [key(f), f]));
  let same = 0;
  for (const f of after) {
    if (!unchanged(f)) continue;
    assert.equal(f, previous.get(key(f)), `${key(f)} is the object of the previous pass`);
    same++;
  }
  return same;
}

function withLine(text: string, line: number, edit: (s: string) => string): string {
  const lines = text.split('\n');
  lines[line] = edit(lines[line]);
  return lines.join('\n');
}

test('a keystroke keeps the findings of every other line, and of the document rules it did not re-run, as the same objects', () => {
  const linter = new Linter();
  const before = linter.lint(REPORT).findings;
  const rules = new Set(before.map((f) => f.rule));
  // Line findings and findings of document rules that read headings only or items too.
  for (const rule of ['halfwidth-punctuation', 'heading-numbering', 'enumeration-sequence']) assert.ok(rules.has(rule), rule);
  const text = withLine(REPORT, EDITED_LINE, (s) => s.replace('印发', '印发并'));
  const after = linter.lint(text).findings;
  assert.deepEqual(after, new Linter().lint(text).findings);
  const same = assertSameObjects(before, after, (f) => f.range.start.line !== EDITED_LINE);
  assert.equal(same, after.length - after.filter((f) => f.range.start.line === EDITED_LINE).length);
  assert.ok(same >= 8, `only ${same} findings checked`);
  // Linting the same text again returns every finding as it was.
  const again = linter.lint(text).findings;
  assert.equal(again.length, after.length);
  again.forEach((f, i) => assert.equal(f, after[i]));
});

test('an inserted line keeps the findings before it as the same objects; those after it move', () => {
  const linter = new Linter();
  const before = linter.lint(REPORT).findings;
  const text = withLine(REPORT, EDITED_LINE, (s) => `${s}\n新增一段文字,继续推进。`);
  const after = linter.lint(text).findings;
  assert.deepEqual(after, new Linter().lint(text).findings);
  assert.ok(assertSameObjects(before, after, (f) => f.range.end.line < EDITED_LINE) >= 4);
  // The findings below: the same ones, a line further down.
  const below = (findings: readonly Finding[], from: number) => findings.filter((f) => f.range.start.line >= from).map((f) => `${f.rule} ${f.range.start.line - from}`);
  assert.deepEqual(below(after, EDITED_LINE + 2), below(before, EDITED_LINE + 1));
});

test('identical lines get findings of their own, kept as the same objects on both lines', () => {
  const repeated = '今年以来,我们认真落实各项部署，取得了明显成效.';
  const text = withLine(REPORT, 11, (s) => `${s}\n${repeated}`);
  const linter = new Linter();
  const before = linter.lint(text).findings;
  const onRepeated = (findings: readonly Finding[]) => findings.filter((f) => f.range.start.line === 5 || f.range.start.line === 12);
  assert.equal(onRepeated(before).length, 4);
  assert.equal(new Set(onRepeated(before)).size, 4, 'one object per line and finding');
  // An undo-like pair of edits elsewhere, with the model asked for in between (outline, folding).
  const edited = withLine(text, EDITED_LINE, (s) => s + '好');
  linter.structure(edited);
  const after = linter.lint(edited).findings;
  assert.deepEqual(after, new Linter().lint(edited).findings);
  onRepeated(after).forEach((f, i) => assert.equal(f, onRepeated(before)[i]));
});

test('outline symbols of sections an edit did not touch are the same objects', () => {
  const linter = new Linter();
  const before = documentSymbols(linter.lint(REPORT).document.root);
  const after = documentSymbols(linter.lint(withLine(REPORT, EDITED_LINE, (s) => s + '好')).document.root);
  const byName = (symbols: typeof before) => new Map(symbols.map((s) => [s.name, s]));
  const [old, now] = [byName(before), byName(after)];
  assert.ok(now.get('二、存在问题') && now.get('四、下步打算'));
  assert.equal(now.get('二、存在问题'), old.get('二、存在问题'));
  assert.equal(now.get('四、下步打算'), old.get('四、下步打算'));
  assert.notEqual(now.get('一、主要工作'), old.get('一、主要工作'), 'the section holding the edit is converted again');
});

/** One finding per line holding 问题. */
const problemRule: LineRule = {
  id: 'test-problem',
  scope: 'line',
  description: '测试',
  defaultSeverity: 'warning',
  check: ({ text }) => (text.includes('问题') ? [{ start: 0, end: text.length, message: '问题' }] : []),
};

test('suppressed findings do not count against a rule\'s cap (suppress runs before cap)', () => {
  const report = (lines: number, suppressed: number) =>
    Array.from({ length: lines }, (_, i) => (i < suppressed ? `// gongwen-disable-next-line test-problem\n第${i}个问题。` : `第${i}个问题。`)).join('\n');
  const shown = (text: string) => new Linter({ rules: [problemRule] }).lint(text).findings;
  // Over the cap only counting the suppressed ones: everything else is shown, no notice.
  const under = shown(report(MAX_FINDINGS_PER_RULE + 3, 10));
  assert.equal(under.length, MAX_FINDINGS_PER_RULE - 7);
  assert.ok(under.every((f) => f.severity === 'warning'));
  // Over the cap after suppression: the first MAX shown findings, then the notice at the next one.
  const over = shown(report(MAX_FINDINGS_PER_RULE + 15, 10));
  assert.equal(over.length, MAX_FINDINGS_PER_RULE + 1);
  const notice = over[MAX_FINDINGS_PER_RULE];
  assert.equal(notice.severity, 'information');
  assert.match(notice.message, /超过 1000 处/);
  // 10 directive lines come first; the notice sits on the 1,001st shown finding: 问题 number 1010.
  assert.equal(notice.range.start.line, 10 + 1010);
});

test('the identity contract holds with every rule on and words ready', () => {
  const segmenter = { wordLengths: (text: string) => Uint32Array.from([...text].map((c) => c.length)) };
  const linter = new Linter({ rules: ALL_RULES, segmenter });
  const before = linter.lint(REPORT).findings;
  const after = linter.lint(withLine(REPORT, EDITED_LINE, (s) => s + '好')).findings;
  assert.ok(assertSameObjects(before, after, (f) => f.range.start.line !== EDITED_LINE) >= 8);
});
