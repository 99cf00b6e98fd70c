import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { strFromU8, unzipSync } from 'fflate';
import { Linter } from '../../server/src/engine';
import { readDocx } from '../../server/src/docx/read';
import { buildDocx, GONGWEN_NUMBERING, numbered, p } from '../helpers/docx';
import { tempDir } from '../helpers/tempDir';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const BIN = path.join(ROOT, 'bin', 'gongwen.js');
const run = (args: string[], cwd: string) => spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8' });

const SAMPLE = buildDocx({
  numbering: GONGWEN_NUMBERING,
  body: p('关于2024年工作情况的报告') + p('') + p('主要工作', numbered(1, 0)) + p(['截止11月底,完成', '排查,整改', '率100%。']) + p('页脚之外的正文。'),
  footer: p('- 1 -'),
});

test('annotate: a copy with one Word comment per finding at its place; the original untouched', () => {
  const dir = tempDir('gongwen-annotate-');
  const file = path.join(dir, 'report.docx');
  fs.writeFileSync(file, SAMPLE);
  const r = run(['check', '--format', 'json', '--annotate', 'out.docx', 'report.docx'], dir);
  assert.equal(r.status, 1, r.stderr);
  const findings = JSON.parse(r.stdout)[0].diagnostics;
  assert.match(r.stderr, new RegExp(`批注 ${findings.length} 条（原文件未改动）`));
  assert.deepEqual(fs.readFileSync(file), Buffer.from(SAMPLE));
  const parts = unzipSync(fs.readFileSync(path.join(dir, 'out.docx')));
  const comments = strFromU8(parts['word/comments.xml']);
  assert.equal(comments.match(/<w:comment /g)?.length, findings.length);
  assert.match(comments, /中文中应使用全角标点：“,”应改为“，” \[halfwidth-punctuation\]/);
  assert.match(strFromU8(parts['[Content_Types].xml']), /PartName="\/word\/comments\.xml"/);
  assert.match(strFromU8(parts['word/_rels/document.xml.rels']), /relationships\/comments" Target="comments.xml"/);
  const document = strFromU8(parts['word/document.xml']);
  // The comment on the first comma covers exactly that character (its run was split out).
  const id = /<w:comment w:id="(\d+)"[^>]*><w:p><w:r><w:t xml:space="preserve">中文中应使用全角标点/.exec(comments)![1];
  assert.match(document, new RegExp(`<w:commentRangeStart w:id="${id}"/><w:r><w:t xml:space="preserve">,</w:t></w:r><w:commentRangeEnd w:id="${id}"/>`));
  // The copy reads as the same text and gives the same findings.
  const copy = readDocx(fs.readFileSync(path.join(dir, 'out.docx')));
  const original = readDocx(SAMPLE);
  assert.equal(copy.parts[0].text, original.parts[0].text);
  const linter = new Linter({});
  assert.deepEqual(linter.lint(copy.parts[0].text).findings, linter.lint(original.parts[0].text).findings);
});

test('annotate --fix: safe fixes become tracked changes (w:del/w:ins) that read as the fixed text', () => {
  const dir = tempDir('gongwen-annotate-');
  fs.writeFileSync(path.join(dir, 'report.docx'), SAMPLE);
  const r = run(['check', '--fix', '--annotate', 'fixed.docx', 'report.docx'], dir);
  assert.match(r.stderr, /修订 2 处/);
  const parts = unzipSync(fs.readFileSync(path.join(dir, 'fixed.docx')));
  const document = strFromU8(parts['word/document.xml']);
  assert.equal(document.match(/<w:del /g)?.length, 2);
  assert.match(document, /<w:del [^>]*w:author="公文写作助手"[^>]*><w:r><w:delText xml:space="preserve">,<\/w:delText><\/w:r><\/w:del><w:ins [^>]*><w:r><w:t xml:space="preserve">，<\/w:t><\/w:r><\/w:ins>/);
  const fixed = readDocx(fs.readFileSync(path.join(dir, 'fixed.docx')));
  assert.equal(fixed.parts[0].paragraphs[3].text, '截止11月底，完成排查，整改率100%。');
});

test('annotate: usage errors — not a .docx, the original as output, several files', () => {
  const dir = tempDir('gongwen-annotate-');
  fs.writeFileSync(path.join(dir, 'report.docx'), SAMPLE);
  assert.match(run(['check', '--annotate', 'report.docx', 'report.docx'], dir).stderr, /不能是原文件/);
  assert.match(run(['check', '--annotate', 'out.txt', 'report.docx'], dir).stderr, /应以 \.docx 结尾/);
  const two = run(['check', '--annotate', 'out.docx', 'report.docx', 'report.docx'], dir);
  assert.equal(two.status, 2);
  assert.match(two.stderr, /--annotate 需要且只能指定一个 \.docx 文件/);
});

test('annotate: LibreOffice opens the annotated copy with its comments and tracked changes', (t) => {
  const soffice = ['soffice', 'libreoffice'].find((bin) => spawnSync(bin, ['--version'], { encoding: 'utf8' }).status === 0);
  if (!soffice) {
    t.skip('LibreOffice（soffice）未安装：跳过批注副本的打开测试');
    return;
  }
  const dir = tempDir('gongwen-annotate-');
  fs.writeFileSync(path.join(dir, 'report.docx'), SAMPLE);
  run(['check', '--fix', '--annotate', 'fixed.docx', 'report.docx'], dir);
  const r = spawnSync(soffice, ['--headless', '--norestore', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'odt', '--outdir', dir, path.join(dir, 'fixed.docx')], { encoding: 'utf8', timeout: 120_000 });
  assert.equal(r.status, 0, r.stderr);
  const content = strFromU8(unzipSync(fs.readFileSync(path.join(dir, 'fixed.odt')))['content.xml']);
  assert.ok((content.match(/<office:annotation[ >]/g) ?? []).length >= 4, 'comments kept');
  assert.match(content, /<text:changed-region/, 'tracked changes kept');
});
