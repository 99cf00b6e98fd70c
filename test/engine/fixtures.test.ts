/**
 * Whole-file rule cases (the format is described in test/fixtures/rules/README.md): every `<case>.txt` or
 * `<case>.md` there is linted with the one rule its name starts with, and the findings and the text after
 * fix-all must equal `<case>.expect.json` and `<case>.fixed.txt` (`.fixed.md`). `UPDATE_FIXTURES=1 npm test`
 * rewrites them instead, to be reviewed as a git diff.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { ALL_RULES, Finding, fixAll, Linter, Position, resolveConfig } from '../../server/src/engine';
import { segmenter } from './ruleHelpers';

// Tests run from out/test/engine/; the cases live in the source tree.
const ROOT = path.resolve(__dirname, '..', '..', '..');
const DIR = path.join(ROOT, 'test', 'fixtures', 'rules');
const UPDATE = process.env.UPDATE_FIXTURES === '1';
const HOW = 'UPDATE_FIXTURES=1 npm test 重新生成后用 git diff 审阅';

const files = fs.readdirSync(DIR).sort();
const isCase = (name: string) => name !== 'README.md' && /\.(txt|md)$/.test(name) && !/\.fixed\.(txt|md)$/.test(name);
const cases = files.filter(isCase);

/** "line:column", 1-based as in an editor's status bar and `gongwen check`; an end is the column after the range. */
const at = (p: Position) => `${p.line + 1}:${p.character + 1}`;

/** The findings as the expectation file holds them: one field per line, one fix per line. */
function expectation(rule: string, text: string, findings: readonly Finding[]): string {
  const lines = text.split(/\r?\n/);
  const covered = (f: Finding) => {
    const { start, end } = f.range;
    if (start.line === end.line) return lines[start.line].slice(start.character, end.character);
    return [lines[start.line].slice(start.character), ...lines.slice(start.line + 1, end.line), lines[end.line].slice(0, end.character)].join('\n');
  };
  const entries = findings.map((f) => {
    const fixes = f.fixes.map(
      (x) => `        ${JSON.stringify({ title: x.title, safe: x.safe, edits: x.edits.map((e) => ({ range: `${at(e.range.start)}-${at(e.range.end)}`, newText: e.newText })) })}`,
    );
    const fields = [
      `"range": ${JSON.stringify(`${at(f.range.start)}-${at(f.range.end)}`)}`,
      `"text": ${JSON.stringify(covered(f))}`,
      `"severity": ${JSON.stringify(f.severity)}`,
      `"message": ${JSON.stringify(f.message)}`,
      fixes.length ? `"fixes": [\n${fixes.join(',\n')}\n      ]` : '"fixes": []',
    ];
    return `    {\n${fields.map((x) => `      ${x}`).join(',\n')}\n    }`;
  });
  return `{\n  "rule": ${JSON.stringify(rule)},\n  "findings": [${entries.length ? `\n${entries.join(',\n')}\n  ` : ''}]\n}\n`;
}

/** The rule a case is about: the longest rule id its name starts with, followed by "." or the extension. */
function ruleOf(name: string) {
  const base = name.replace(/\.(txt|md)$/, '');
  const rule = [...ALL_RULES].sort((a, b) => b.id.length - a.id.length).find((r) => base === r.id || base.startsWith(`${r.id}.`));
  if (!rule) throw new Error(`${name}：文件名须以规则 id 开头（如 jiezhi.txt、placeholder.markdown.md）`);
  return rule;
}

function linterFor(rule: (typeof ALL_RULES)[number]) {
  // Only this rule, switched on even if it is off by default; its per-finding severities stay.
  const setting = rule.enabledByDefault === false ? rule.defaultSeverity : {};
  const { config, problems } = resolveConfig({ rules: { [rule.id]: setting } });
  if (problems.length) throw new Error(problems.join());
  return new Linter({ config, segmenter, rules: [rule] });
}

/** Compares (or, when updating, writes) one expected file; `undefined` means the file must not exist. */
function check(file: string, actual: string | undefined): void {
  const full = path.join(DIR, file);
  const expected = fs.existsSync(full) ? fs.readFileSync(full, 'utf8') : undefined;
  if (actual === expected) return;
  if (UPDATE) {
    if (actual === undefined) fs.rmSync(full);
    else fs.writeFileSync(full, actual);
    console.log(`${actual === undefined ? '已删除' : '已写入'} test/fixtures/rules/${file}`);
    return;
  }
  if (expected === undefined) assert.fail(`缺少 test/fixtures/rules/${file}（${HOW}）`);
  if (actual === undefined) assert.fail(`test/fixtures/rules/${file} 多余：修复全部后文本不变（${HOW}）`);
  // A string comparison: node's assertion prints a line diff (+ actual, - expected).
  assert.equal(actual, expected, `test/fixtures/rules/${file} 与实际结果不符（${HOW}）`);
}

test('rule fixtures: the folder has cases, and every expectation file belongs to a case', () => {
  assert.ok(cases.length > 0);
  const stems = new Set(cases.map((c) => c.replace(/\.(txt|md)$/, '')));
  for (const name of files) {
    if (isCase(name) || name === 'README.md') continue;
    const stem = name.replace(/\.(expect\.json|fixed\.txt|fixed\.md)$/, '');
    if (stems.has(stem) && stem !== name) continue;
    if (UPDATE && stem !== name) {
      fs.rmSync(path.join(DIR, name));
      console.log(`已删除 test/fixtures/rules/${name}`);
    } else assert.fail(`test/fixtures/rules/${name} 没有对应的用例文件`);
  }
});

for (const name of cases) {
  test(`rule fixture ${name}`, () => {
    const rule = ruleOf(name);
    const kind = name.endsWith('.md') ? 'markdown' : 'plaintext';
    const text = fs.readFileSync(path.join(DIR, name), 'utf8');
    const linter = linterFor(rule);
    const stem = name.replace(/\.(txt|md)$/, '');
    check(`${stem}.expect.json`, expectation(rule.id, text, linter.lint(text, kind).findings));
    const fixed = fixAll(linter, text, kind).text;
    check(`${stem}.fixed.${kind === 'markdown' ? 'md' : 'txt'}`, fixed === text ? undefined : fixed);
    // Fix-all reaches a fixed point: running it on its own result changes nothing.
    assert.equal(fixAll(linter, fixed, kind).text, fixed, `${name}：修复全部后再次修复仍有改动`);
  });
}
