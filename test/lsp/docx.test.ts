import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import { strFromU8, unzipSync } from 'fflate';
import { readDocx } from '../../server/src/docx/read';
import { checkFormat } from '../../server/src/docx/format';
import { buildDocx, p } from '../helpers/docx';
import { LspTestClient, ROOT } from '../helpers/lspClient';
import { tempDir } from '../helpers/tempDir';

let client: LspTestClient;
const dir = tempDir('gongwen-lsp-docx-');
const docx = path.join(dir, 'report.docx');
const url = (file: string) => pathToFileURL(file).toString();

before(async () => {
  fs.writeFileSync(docx, buildDocx({ body: p('关于2024年工作情况的报告') + p('') + p('截止11月底,完成排查。') }));
  client = new LspTestClient();
  await client.initialize({});
});

after(async () => {
  await client.shutdown();
});

test('lsp: the 公文 view of a .docx — its text from the server, then checked like a report', async () => {
  const view = url(docx).replace(/^file:/, 'gongwen-docx:');
  const answer = await client.request('gongwen/docxText', { uri: view });
  assert.equal(answer.text, '关于2024年工作情况的报告\n\n截止11月底,完成排查。');
  await client.open(view, answer.text);
  const published = await client.waitForDiagnostics(view);
  assert.ok(published.diagnostics.some((d) => d.code === 'halfwidth-punctuation'));
  const broken = path.join(dir, 'old.docx');
  fs.writeFileSync(broken, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
  const error = await client.request('gongwen/docxText', { uri: url(broken) });
  assert.match(error.error, /旧版二进制格式/);
});

test('lsp: export an open report as a 公文 .docx, and write a commented copy of a .docx', async () => {
  const report = url(path.join(dir, 'report.gw'));
  const text = fs.readFileSync(path.join(ROOT, 'examples', 'work-report.txt'), 'utf8');
  await client.open(report, text);
  const out = path.join(dir, 'exported.docx');
  const exported = await client.request('workspace/executeCommand', { command: 'gongwen.server.exportDocx', arguments: [report, url(out)] });
  assert.equal(exported.ok, true, exported.message);
  assert.match(exported.message, /已导出为 Word（GB\/T 9704-2012）/);
  const doc = readDocx(fs.readFileSync(out));
  assert.equal(doc.parts[0].text, text);
  assert.deepEqual(checkFormat(doc), []);

  const copy = path.join(dir, 'annotated.docx');
  const annotated = await client.request('workspace/executeCommand', { command: 'gongwen.server.annotateDocx', arguments: [url(docx), url(copy), true] });
  assert.equal(annotated.ok, true, annotated.message);
  assert.match(annotated.message, /批注 \d+ 条，修订 1 处/);
  const parts = unzipSync(fs.readFileSync(copy));
  assert.match(strFromU8(parts['word/comments.xml']), /\[halfwidth-punctuation\]/);
  const refused = await client.request('workspace/executeCommand', { command: 'gongwen.server.annotateDocx', arguments: [url(docx), url(docx), false] });
  assert.equal(refused.ok, false);
  assert.match(refused.message, /不能是原文件/);
});
