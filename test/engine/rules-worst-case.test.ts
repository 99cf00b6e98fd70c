import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { ALL_RULES, Linter, resolveConfig } from '../../server/src/engine';
import { segmenter } from './ruleHelpers';

// Every rule on, including the opt-in ones.
const allOn = resolveConfig({ rules: Object.fromEntries(ALL_RULES.map((r) => [r.id, r.defaultSeverity])) }).config;

const N = 100_000;
/** Inputs built to trip backtracking regexes and quadratic scans. */
const WORST: Record<string, string> = {
  stars: '*'.repeat(N),
  starsWithText: '*项'.repeat(N / 2),
  xs: 'X'.repeat(N),
  crosses: '×年'.repeat(N / 2),
  mou: '某某，'.repeat(N / 3),
  zeros: '〇'.repeat(N),
  underscores: '_'.repeat(N) + '字',
  openBrackets: '（'.repeat(N),
  closeBrackets: '）'.repeat(N),
  quoteThenBrackets: '“' + '（'.repeat(N / 2) + '”' + '字'.repeat(N / 2),
  openQuotes: '“'.repeat(N),
  asciiQuotes: '"字'.repeat(N / 2),
  apostrophes: "a'".repeat(N / 2),
  parens: '('.repeat(N / 2) + ')'.repeat(N / 2),
  commas: ','.repeat(N) + '字',
  dots: '.'.repeat(N) + '字',
  colons: '字:'.repeat(N / 2),
  hyphens: '-'.repeat(N) + '字',
  ellipsis: '…'.repeat(N),
  points: '，'.repeat(N),
  dunhao: '、'.repeat(N) + '等',
  fullDigits: '１'.repeat(N),
  digits: '1'.repeat(N) + '年',
  digitsRange: '1～'.repeat(N / 2) + '万',
  approx: '约' + '1'.repeat(N) + '左右',
  approxMany: '约1'.repeat(N / 2),
  chineseNumerals: '约' + '一'.repeat(N),
  yearish: '二零'.repeat(N / 2) + '年',
  urlish: 'a'.repeat(N) + '@',
  urlDots: 'a.'.repeat(N / 2) + 'com',
  links: '](' .repeat(N / 2),
  tags: '<a'.repeat(N / 2),
  backticks: '`'.repeat(N),
  han: '的'.repeat(N),
  redundant: '涉及到'.repeat(N / 3),
  mixed: '工作,完成.进一步进一步（“《【'.repeat(N / 20),
};

for (const [name, line] of Object.entries(WORST)) {
  test(`worst case finishes: ${name} (${line.length} characters on one line)`, { timeout: 120_000 }, () => {
    for (const kind of ['plaintext', 'markdown'] as const) {
      const result = new Linter({ config: allOn, segmenter }).lint(line, kind);
      assert.ok(Array.isArray(result.findings));
    }
  });
}

test('worst case finishes: many short lines', { timeout: 120_000 }, () => {
  const text = Array.from({ length: 20_000 }, (_, i) => (i % 2 ? '“引文（' : '）”《书》*项XX')).join('\n');
  const result = new Linter({ config: allOn, segmenter }).lint(text);
  assert.ok(result.findings.length > 0);
});
