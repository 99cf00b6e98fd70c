import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { buildDocx, GONGWEN_NUMBERING, numbered, p } from '../helpers/docx';
import { tempDir } from '../helpers/tempDir';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const BIN = path.join(ROOT, 'bin', 'gongwen.js');
const run = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8' });

const SAMPLE = buildDocx({
  numbering: GONGWEN_NUMBERING,
  body: p('关于2024年工作情况的报告') + p('') + p('主要工作', numbered(1, 0)) + p('强化质量基础支撑。', numbered(1, 2)) + p(['截止11月底,完成', '排查。']),
});

test('cli: check report.docx prints paragraph numbers and context; JSON adds part, paragraph and offsets', () => {
  const dir = tempDir('gongwen-docx-');
  const file = path.join(dir, 'report.docx');
  fs.writeFileSync(file, SAMPLE);
  const pretty = run(['check', file]);
  assert.equal(pretty.status, 1, pretty.stderr);
  assert.match(pretty.stdout, /report\.docx:正文第4段:1 warning 三级标题序号后应用下脚点.*\[heading-marker\]（1、强化质量基础支撑。）/);
  assert.match(pretty.stdout, /report\.docx:正文第5段:7 error 中文中应使用全角标点/);
  const json = JSON.parse(run(['check', '--format', 'json', file]).stdout);
  const comma = json[0].diagnostics.find((d: any) => d.rule === 'halfwidth-punctuation');
  assert.deepEqual(Object.keys(comma), ['rule', 'severity', 'message', 'range', 'text', 'suggestions', 'part', 'paragraph', 'offset', 'endOffset', 'context']);
  assert.equal(comma.part, 'body');
  assert.equal(comma.paragraph, 5);
  assert.equal(comma.offset, 6);
  assert.equal(comma.endOffset, 7);
  assert.deepEqual(comma.suggestions, ['，']);
  const outline = run(['outline', file]);
  assert.equal(outline.status, 0, outline.stderr);
  assert.match(outline.stdout, /一、 主要工作/);
  const before = fs.readFileSync(file);
  const fix = run(['check', '--fix', file]);
  assert.equal(fix.status, 2);
  assert.match(fix.stderr, /\.docx 不会被改写/);
  assert.deepEqual(fs.readFileSync(file), before);
});

test('cli: a .doc binary, an encrypted file and a .docx without text exit 2 with a Chinese error; other files still checked', () => {
  const dir = tempDir('gongwen-docx-');
  const doc = path.join(dir, 'old.docx');
  const ole = Buffer.alloc(1024);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
  fs.writeFileSync(doc, ole);
  const empty = path.join(dir, 'empty.docx');
  fs.writeFileSync(empty, buildDocx({ body: p('') }));
  const good = path.join(dir, 'good.docx');
  fs.writeFileSync(good, SAMPLE);
  const r = run(['check', doc, empty, good]);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /old\.docx 是旧版二进制格式/);
  assert.match(r.stderr, /empty\.docx 中没有文字/);
  assert.match(r.stdout, /good\.docx:正文第4段/);
  assert.doesNotMatch(r.stderr, /at .*\.js:\d+/, 'no stack trace');
});
