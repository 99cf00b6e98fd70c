import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { tempDir } from '../helpers/tempDir';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const BIN = path.join(ROOT, 'bin', 'gongwen.js');
const FIXTURES = path.join(ROOT, 'test', 'fixtures');

function run(args: string[], cwd = ROOT) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const newDir = () => tempDir('gongwen-cli-');

test('check: pretty output is file:line:col severity message [rule], exit 1 on errors', () => {
  const file = path.join('test', 'fixtures', 'numbering-errors.txt');
  const r = run(['check', file]);
  assert.equal(r.code, 1, r.stderr);
  const lines = r.stdout.trim().split('\n');
  assert.equal(lines[0], `${file}:6:1 error 二级标题序号重复：“（二）”与上一个同级标题相同，应为“（三）” [heading-numbering]`);
  assert.match(lines[lines.length - 1], /^共 \d+ 处：错误 \d+，警告 \d+，提示 \d+$/);
});

test('check: exit 0 when nothing of severity error is found', () => {
  const r = run(['check', path.join(FIXTURES, 'levels.txt')]);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.equal(r.stdout.trim(), '未发现问题');
});

test('check --format json: the stable shape, 0-based UTF-16 ranges, text and suggestions', () => {
  const r = run(['check', '--format', 'json', path.join(FIXTURES, 'numbering-errors.txt'), path.join(FIXTURES, 'levels.txt')]);
  assert.equal(r.code, 1);
  const result = JSON.parse(r.stdout);
  assert.equal(result.length, 2);
  assert.deepEqual(Object.keys(result[0]), ['file', 'diagnostics']);
  assert.deepEqual(result[1].diagnostics, []);
  for (const d of result[0].diagnostics) {
    assert.deepEqual(Object.keys(d), ['rule', 'severity', 'message', 'range', 'text', 'suggestions']);
    assert.ok(['error', 'warning', 'information', 'hint'].includes(d.severity));
    assert.ok(Array.isArray(d.suggestions));
  }
  const punctuation = result[0].diagnostics.find((d: any) => d.rule === 'enumeration-punctuation');
  assert.deepEqual(punctuation.range, { start: { line: 17, character: 0 }, end: { line: 17, character: 3 } });
  assert.equal(punctuation.text, '首先、');
  assert.deepEqual(punctuation.suggestions, ['首先，']);
  const repeat = result[0].diagnostics.find((d: any) => d.rule === 'heading-numbering');
  assert.equal(repeat.text, '（二）');
  assert.deepEqual(repeat.suggestions, ['（三）']);
});

test('outline --format json: nodes with kind, level, marker, number, title, range, children', () => {
  const r = run(['outline', '--format', 'json', path.join(FIXTURES, 'levels.txt')]);
  assert.equal(r.code, 0, r.stderr);
  const nodes = JSON.parse(r.stdout);
  const first = nodes.find((n: any) => n.kind === 'heading');
  assert.equal(first.level, 1);
  assert.equal(first.marker, '一、');
  assert.equal(first.number, 1);
  assert.equal(first.title, '履行主体责任情况');
  assert.deepEqual(first.range.start, { line: 5, character: 0 });
  assert.equal(first.children[0].marker, '（一）');
  assert.equal(first.children[0].children[0].children[0].children[0].kind, 'item');
  const text = run(['outline', path.join(FIXTURES, 'levels.txt')]);
  assert.match(text.stdout, /^ {2}（一） 强化政治建设 {2}（第 7 行，\d+字）$/m);
});

test('stats: characters, words (segmentation), paragraphs', () => {
  const r = run(['stats', '--format', 'json', path.join(FIXTURES, 'no-structure.txt')]);
  assert.equal(r.code, 0, r.stderr);
  const stats = JSON.parse(r.stdout);
  const text = fs.readFileSync(path.join(FIXTURES, 'no-structure.txt'), 'utf8');
  assert.equal(stats.chars, [...text.replace(/\s/g, '')].length);
  assert.equal(stats.paragraphs, 2);
  assert.ok(stats.words > 20 && stats.words < stats.hanChars, `words: ${stats.words}`);
});

test('usage and I/O errors exit 2 with a clear message', () => {
  const none = run(['check']);
  assert.equal(none.code, 2);
  assert.match(none.stderr, /请指定要检查的文件/);
  const missing = run(['check', 'no-such-file.txt']);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /找不到文件 no-such-file\.txt/);
  const badFormat = run(['outline', '--format', 'xml', path.join(FIXTURES, 'levels.txt')]);
  assert.equal(badFormat.code, 2);
  assert.match(badFormat.stderr, /--format 只能是 text、json/);
  const unknown = run(['frobnicate']);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /未知命令“frobnicate”/);
});

test('a broken config file is named, explained, and checking goes on with defaults', () => {
  const dir = newDir();
  fs.writeFileSync(path.join(dir, '.gongwenrc.json'), '{ "rules": { "heading-numbering": "warning", } , oops }');
  fs.copyFileSync(path.join(FIXTURES, 'numbering-errors.txt'), path.join(dir, 'r.txt'));
  const r = run(['check', 'r.txt'], dir);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /配置文件 .*\.gongwenrc\.json：不是有效的 JSON：第 1 行/);
  assert.match(r.stdout, /heading-numbering/);
});

test('a valid config changes severities and turns rules off', () => {
  const dir = newDir();
  fs.writeFileSync(path.join(dir, '.gongwenrc.json'), JSON.stringify({ rules: { 'heading-numbering': 'warning', 'enumeration-punctuation': 'off', 'heading-marker': 'off' } }));
  fs.copyFileSync(path.join(FIXTURES, 'numbering-errors.txt'), path.join(dir, 'r.txt'));
  const r = run(['check', '--format', 'json', 'r.txt'], dir);
  assert.equal(r.code, 0, r.stderr);
  const diagnostics = JSON.parse(r.stdout)[0].diagnostics;
  assert.ok(diagnostics.length > 0);
  assert.ok(diagnostics.every((d: any) => d.severity !== 'error'));
  assert.ok(!diagnostics.some((d: any) => d.rule === 'enumeration-punctuation'));
});

test('--fix writes safe fixes atomically, keeping BOM and CRLF; a second run changes nothing', () => {
  const dir = newDir();
  const file = path.join(dir, 'r.txt');
  const original = '\uFEFF标题\r\n\r\n一.总体情况\r\n（一）、学习情况\r\n首先、统一思想。其次，明确任务。\r\n';
  fs.writeFileSync(file, original);
  const r = run(['check', '--fix', file]);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  const fixed = fs.readFileSync(file, 'utf8');
  assert.equal(fixed, '\uFEFF标题\r\n\r\n一、总体情况\r\n（一）学习情况\r\n首先，统一思想。其次，明确任务。\r\n');
  assert.deepEqual(fs.readdirSync(dir), ['r.txt'], 'no temporary file is left behind');
  run(['check', '--fix', file]);
  assert.equal(fs.readFileSync(file, 'utf8'), fixed);
});

test('--fix refuses a read-only file and leaves it untouched', () => {
  const dir = newDir();
  const file = path.join(dir, 'r.txt');
  const original = '标题\n\n一.总体情况\n';
  fs.writeFileSync(file, original);
  fs.chmodSync(file, 0o444);
  const r = run(['check', '--fix', file]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /只读文件，未写入修改/);
  assert.equal(fs.readFileSync(file, 'utf8'), original);
});

test('a file that is neither UTF-8 nor GB18030 is refused with a clear message', () => {
  const dir = newDir();
  const file = path.join(dir, 'binary.txt');
  const bytes = [0xb9, 0xab, 0xce, 0xc4, 0x00, 0x01, 0xff, 0xfe, 0x81, 0x0a];
  fs.writeFileSync(file, Buffer.from(bytes));
  const r = run(['check', '--fix', file]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /既不是有效的 UTF-8 文本，也不是 GB18030\/GBK 文本/);
  assert.deepEqual([...fs.readFileSync(file)], bytes);
});

test('the shipped example shows the main job', () => {
  const r = run(['check', 'examples/work-report.txt']);
  assert.equal(r.code, 1);
  assert.match(r.stdout, /examples\/work-report\.txt:8:1 error 带括号的序号后不加标点/);
  // Proofreading: a context pair, half-width punctuation, a suspected wrong character, a misused word.
  assert.match(r.stdout, /examples\/work-report\.txt:13:10 warning 表示“到某时为止”宜用“截至”/);
  assert.match(r.stdout, /examples\/work-report\.txt:13:30 error 中文中应使用全角标点/);
  assert.match(r.stdout, /examples\/work-report\.txt:18:82 warning 疑似错别字：“渡”可能应为“度”（制度）/);
  assert.match(r.stdout, /examples\/work-report\.txt:22:23 error 错别字：“布署”应为“部署”/);
});

test('check honours the ignore words and per-file switches that the editor writes to .gongwenrc.json', () => {
  const dir = newDir();
  fs.mkdirSync(path.join(dir, 'docs'));
  const file = path.join(dir, 'docs', '总结.txt');
  fs.writeFileSync(file, '希望大家再接再励。\n对工作作了认真布署。\n截止目前，全县已完成投资。\n全面从紧治党。\n');
  const words = new Set(['misused-word', 'jiezhi', 'standard-term']);
  const mine = (stdout: string) => JSON.parse(stdout)[0].diagnostics.filter((d: any) => words.has(d.rule)).map((d: any) => d.rule + ':' + d.text);
  const before = mine(run(['check', '--format', 'json', file]).stdout);
  assert.deepEqual(before, ['misused-word:再接再励', 'misused-word:布署', 'jiezhi:截止', 'standard-term:全面从紧治党']);
  fs.writeFileSync(
    path.join(dir, '.gongwenrc.json'),
    JSON.stringify({
      ignoreWords: ['再接再励'],
      rules: { 'standard-term': 'off' },
      files: { 'docs/总结.txt': { disable: ['jiezhi'], disableLines: [{ rule: 'misused-word', line: '对工作作了认真布署。' }] } },
    }),
  );
  const r = run(['check', '--format', 'json', file]);
  assert.equal(r.stderr, '');
  assert.deepEqual(mine(r.stdout), []);
  fs.rmSync(dir, { recursive: true, force: true });
});

test('check --min-severity lists only findings at that level or above, says how many are left out', () => {
  const file = path.join('examples', 'work-report.txt');
  const all = JSON.parse(run(['check', '--format', 'json', file]).stdout)[0].diagnostics;
  const errors = all.filter((d: any) => d.severity === 'error');
  assert.ok(errors.length > 0 && errors.length < all.length, 'the example has errors and other findings');
  const json = run(['check', '--format', 'json', '--min-severity', 'error', file]);
  assert.equal(json.code, 1);
  assert.deepEqual(JSON.parse(json.stdout)[0].diagnostics, errors);
  const pretty = run(['check', '--min-severity', 'error', file]).stdout.trim().split('\n');
  assert.ok(pretty.slice(0, -2).every((line) => / error /.test(line)), pretty.join('\n'));
  assert.equal(pretty[pretty.length - 2], `共 ${errors.length} 处：错误 ${errors.length}，警告 0，提示 0`);
  assert.equal(pretty[pretty.length - 1], `（另有 ${all.length - errors.length} 处低于 error 级别的问题未列出）`);
  const hint = run(['check', '--format', 'json', '--min-severity', 'hint', file]);
  assert.deepEqual(JSON.parse(hint.stdout)[0].diagnostics, all);
  const bad = run(['check', '--min-severity', 'notice', file]);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--min-severity 只能是 error、warning、information、hint/);
});
