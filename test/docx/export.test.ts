import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { Linter } from '../../server/src/engine';
import { checkDocx } from '../../server/src/docx/check';
import { exportDocx } from '../../server/src/docx/export';
import { checkFormat } from '../../server/src/docx/format';
import { layoutLines } from '../../server/src/docx/layout';
import { readDocx } from '../../server/src/docx/read';
import { tempDir } from '../helpers/tempDir';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const REPORT = fs.readFileSync(path.join(ROOT, 'examples', 'work-report.txt'), 'utf8');
const linter = new Linter({});

test('export: layout roles of a report (title, headings by level, signature, date)', () => {
  const text = '关于2024年工作情况的报告\n\n市委：\n现将有关情况报告如下。\n一、主要工作\n（一）坚持学习。正文内容。\n1.抓好落实\n附件：1.统计表\n\n××局\n2024年12月20日\n';
  const roles = layoutLines(linter.lint(text).document).map((l) => l.role);
  assert.deepEqual(roles, ['title', 'blank', 'addressee', 'body', 'heading1', 'heading2', 'heading3', 'attachment', 'blank', 'signature', 'date', 'blank']);
});

test('export: the .docx passes the GB/T 9704 format check and gives the same text findings as its source', async () => {
  const source = linter.lint(REPORT);
  const bytes = await exportDocx(source.document);
  const doc = readDocx(bytes);
  assert.deepEqual(checkFormat(doc).map((f) => f.finding.message), []);
  const body = doc.parts[0];
  assert.equal(body.text, REPORT.replace(/\r\n/g, '\n'));
  const [exported] = checkDocx(doc, linter);
  const strip = (fs: readonly { rule: string; message: string; range: unknown }[]) => fs.map((f) => ({ rule: f.rule, message: f.message, range: f.range }));
  assert.deepEqual(strip(exported.findings), strip(source.findings));
  // Paragraph numbers are line numbers: the title is paragraph 1, the date the last one.
  assert.equal(body.paragraphs[0].text, REPORT.split('\n')[0]);
});

test('export: LibreOffice opens the file and converts it to a PDF of A4 pages', async (t) => {
  const soffice = ['soffice', 'libreoffice'].find((bin) => spawnSync(bin, ['--version'], { encoding: 'utf8' }).status === 0);
  if (!soffice) {
    t.skip('LibreOffice（soffice）未安装：跳过导出文件的打开测试（CI 中安装 libreoffice-writer-nogui）');
    return;
  }
  const dir = tempDir('gongwen-export-');
  const file = path.join(dir, 'report.docx');
  fs.writeFileSync(file, await exportDocx(linter.lint(REPORT).document));
  const r = spawnSync(soffice, ['--headless', '--norestore', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, file], { encoding: 'utf8', timeout: 120_000 });
  assert.equal(r.status, 0, r.stderr);
  const pdf = fs.readFileSync(path.join(dir, 'report.pdf'));
  assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
  const text = pdf.toString('latin1');
  assert.match(text, /\/MediaBox\s*\[\s*0 0 595\.\d+ 841\.\d+\s*\]/, 'A4 pages');
  const pages = (text.match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  assert.ok(pages >= 2 && pages <= 4, `pages: ${pages}`);
});
