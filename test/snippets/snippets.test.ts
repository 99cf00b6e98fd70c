import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { parse, ParseError, printParseErrorCode } from 'jsonc-parser';
import { customPinyin, pinyin } from 'pinyin-pro';
import { parseSnippet } from '../../server/src/engine/snippetSyntax';
import { SNIPPET_FILES } from '../../server/src/features/completion';
import { sharedEngineData } from '../../server/src/host/data';
import { ROOT } from '../helpers/lspClient';

const DIR = path.join(ROOT, 'snippets');
const FILES = fs.readdirSync(DIR).filter((f) => f.endsWith('.json')).sort();
const HAN = /\p{Script=Han}/u;
const PHRASE_FILES = ['opening', 'transition', 'practice', 'problems', 'causes', 'next-steps', 'closing'];

interface Snippet {
  prefix: string[];
  body: string | string[];
  description: string;
}

/** Reads a snippet file the way VS Code does: JSON with comments and trailing commas allowed. */
function load(file: string): Record<string, Snippet> {
  const errors: ParseError[] = [];
  const value = parse(fs.readFileSync(path.join(DIR, file), 'utf8'), errors, { allowTrailingComma: true, disallowComments: false });
  assert.deepEqual(errors.map((e) => printParseErrorCode(e.error)), [], `${file} does not parse`);
  return value;
}

const all = FILES.flatMap((file) => Object.entries(load(file)).map(([name, snippet]) => ({ file, name, snippet })));

test('every snippet file parses and every entry has the fields VS Code reads', () => {
  assert.ok(FILES.length >= 10, FILES.join());
  for (const { file, name, snippet } of all) {
    const where = `${file}: ${name}`;
    assert.deepEqual(Object.keys(snippet).sort(), ['body', 'description', 'prefix'], where);
    assert.ok(Array.isArray(snippet.prefix) && snippet.prefix.length >= 2, where);
    assert.ok(typeof snippet.body === 'string' || (Array.isArray(snippet.body) && snippet.body.every((l) => typeof l === 'string')), where);
    assert.ok(typeof snippet.description === 'string' && HAN.test(snippet.description), where);
  }
});

test('every body is a valid snippet', () => {
  for (const { file, name, snippet } of all) {
    const body = Array.isArray(snippet.body) ? snippet.body.join('\n') : snippet.body;
    const parsed = parseSnippet(body);
    assert.deepEqual(parsed.errors, [], `${file}: ${name}`);
    assert.ok(parsed.text.length > 0, `${file}: ${name}`);
  }
});

test('the snippet validator accepts the VS Code syntax and rejects broken bodies', () => {
  const ok = (body: string, text: string) => {
    const parsed = parseSnippet(body);
    assert.deepEqual(parsed.errors, [], body);
    assert.equal(parsed.text, text, body);
  };
  ok('一是$1；二是${2}。$0', '一是；二是。');
  ok('在${1:上级党委}的领导下，${1}认真落实', '在上级党委的领导下，上级党委认真落实');
  ok('${1|汇报,报告|}如下：', '汇报如下：');
  ok('${1:外层${2:内层}}', '外层内层');
  ok('花费 \\$5，括号 \\} 与反斜杠 \\\\', '花费 $5，括号 } 与反斜杠 \\');
  ok('${1|甲\\,乙,丙|}', '甲,乙');
  ok('${CURRENT_YEAR}年', '年');
  const bad = (body: string, pattern: RegExp) => {
    const { errors } = parseSnippet(body);
    assert.ok(errors.some((e) => pattern.test(e)), `${body}: ${errors.join('；')}`);
  };
  bad('花费 $ 5', /未转义/);
  bad('多余的 }', /未转义/);
  bad('${1:未闭合', /缺少“}”/);
  bad('${1|甲,乙}', /缺少“\|}”/);
  bad('${1|甲,,乙|}', /空选项/);
  bad('$2 没有 1', /缺少 \$1/);
  bad('${FOO}', /未知变量/);
  bad('${1:甲}${1:乙}', /两个不同的默认值/);
  bad('${1/a/b/}', /变换/);
});

test('pinyin prefixes are the initials of the Chinese prefixes (scripts/snippet-prefixes.mjs)', () => {
  customPinyin(JSON.parse(fs.readFileSync(path.join(ROOT, 'scripts', 'pinyin-overrides.json'), 'utf8')));
  const initials = (text: string) =>
    pinyin(text, { pattern: 'first', toneType: 'none', type: 'array' }).join('').toLowerCase().replace(/[^a-z0-9]/g, '');
  for (const { file, name, snippet } of all) {
    const chinese = snippet.prefix.filter((p) => HAN.test(p));
    const latin = snippet.prefix.filter((p) => !HAN.test(p));
    assert.ok(chinese.length >= 1, `${file}: ${name} has no Chinese prefix`);
    assert.deepEqual(latin, [...new Set(chinese.map(initials))], `${file}: ${name}`);
  }
  // Spot checks, including readings that depend on the word.
  const prefixesOf = (name: string) => all.find((s) => s.name === name)!.snippet.prefix;
  assert.ok(prefixesOf('全面从严治党').includes('qmcyzd'));
  assert.ok(prefixesOf('三重一大').includes('szyd'));
  assert.ok(prefixesOf('调查研究还不够深入').includes('dcyjhbgsr'));
});

test('the phrase files hold at least 120 stock phrases, and the skeletons cover the report types', () => {
  const phrases = all.filter((s) => PHRASE_FILES.includes(s.file.replace(/\.json$/, '')));
  assert.ok(phrases.length >= 120, String(phrases.length));
  const skeletons = all.filter((s) => s.file === 'skeletons.json').map((s) => s.name);
  for (const name of ['工作总结', '情况汇报', '述职报告', '落实全面从严治党主体责任情况报告', '党风廉政建设工作总结', '民主生活会对照检查材料']) {
    assert.ok(skeletons.includes(name), name);
  }
  for (const { name, snippet } of all.filter((s) => s.file === 'skeletons.json')) {
    const body = (snippet.body as string[]).join('\n');
    assert.match(body, /\$\{\d+\|/, `${name} offers a choice`);
    assert.match(body, /^一、/m, `${name} has numbered parts`);
  }
  // A 请示 formula never belongs in a report.
  assert.ok(!all.some((s) => JSON.stringify(s.snippet.body).includes('妥否')));
});

test('every snippet file is contributed in package.json and read for completion', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const contributed = pkg.contributes.snippets.map((s: { path: string }) => path.basename(s.path)).sort();
  assert.deepEqual(contributed, FILES);
  assert.deepEqual(Object.values(SNIPPET_FILES).map((name) => `${name}.json`).sort(), FILES, 'completion reads every file');
  const read = sharedEngineData().snippets();
  assert.deepEqual(Object.keys(read ?? {}).map((name) => `${name}.json`), FILES, 'the host reads every file');
});

test('the grammars and the language configuration are valid and contributed', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  for (const grammar of pkg.contributes.grammars) {
    const content = JSON.parse(fs.readFileSync(path.join(ROOT, grammar.path), 'utf8'));
    assert.equal(content.scopeName, grammar.scopeName);
  }
  assert.ok(pkg.contributes.grammars.some((g: { injectTo?: string[] }) => g.injectTo?.includes('text.html.markdown')));
  const config = JSON.parse(fs.readFileSync(path.join(ROOT, 'language-configuration.json'), 'utf8'));
  const word = new RegExp(config.wordPattern.pattern, config.wordPattern.flags + 'g');
  assert.deepEqual('全面从严治党，12.5%的Office'.match(word), ['全面从严治党', '12.5%', '的', 'Office']);
  for (const [open, close] of [['“', '”'], ['‘', '’'], ['《', '》'], ['（', '）'], ['【', '】']]) {
    assert.ok(config.autoClosingPairs.some((p: { open: string; close: string }) => p.open === open && p.close === close), open);
    assert.ok(config.surroundingPairs.some((p: string[]) => p[0] === open && p[1] === close), open);
  }
});

test('snippets/terms.json is generated from the standard terms: one source for hover, diagnostics and completion', () => {
  const data = JSON.parse(fs.readFileSync(path.join(ROOT, 'server', 'data', 'standard-terms.json'), 'utf8'));
  const terms = load('terms.json');
  const expected = new Map<string, { body: string; description: string }>();
  for (const term of data.terms) {
    for (const s of term.snippets ?? []) {
      expected.set(s.prefix ?? term.term, { body: s.body, description: s.description ?? term.full + term.usage });
    }
  }
  assert.ok(expected.size >= 30, String(expected.size));
  assert.deepEqual(Object.keys(terms).sort(), [...expected.keys()].sort());
  for (const [name, snippet] of Object.entries(terms)) {
    assert.equal(snippet.body, expected.get(name)!.body, name);
    assert.equal(snippet.description, expected.get(name)!.description, name);
  }
  // Every term snippet inserts the term (or its unpunctuated form) as the standard writes it.
  assert.equal(terms['四风'].body, '“四风”');
  assert.match(terms['不敢腐不能腐不想腐'].body as string, /^不敢腐、不能腐、不想腐$/);
  // The generator agrees (it is what `npm run snippets` runs).
  const check = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'snippet-prefixes.mjs'), '--check'], { encoding: 'utf8' });
  assert.equal(check.status, 0, check.stderr);
});
