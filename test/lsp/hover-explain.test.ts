import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import { tempDir } from '../helpers/tempDir';
import { LspTestClient } from '../helpers/lspClient';

let client: LspTestClient;
let dir: string;

before(async () => {
  dir = tempDir('gongwen-hover-');
  client = new LspTestClient();
  await client.connection.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(dir).href, capabilities: {}, initializationOptions: { workspaceTrusted: true } });
  await client.connection.sendNotification('initialized', {});
});

after(async () => {
  await client.shutdown();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('hover on a formulation or outdated-name finding explains the standard form and its source', async () => {
  const uri = pathToFileURL(path.join(dir, 'explain.txt')).href;
  const line = '增强政治意识、大局意识、看齐意识、核心意识，会同国土资源部开展调查。';
  await client.open(uri, `关于2024年工作情况的报告\n\n${line}\n`);
  await client.waitForDiagnostics(uri, (d) => d.diagnostics.some((x) => x.code === 'formulation-items') && d.diagnostics.some((x) => x.code === 'outdated-formulation'));
  const items = await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: line.indexOf('看齐') } });
  assert.equal(items.contents.kind, 'markdown');
  assert.match(items.contents.value, /四个意识/);
  assert.match(items.contents.value, /政治意识、大局意识、核心意识、看齐意识（顺序固定）/);
  assert.match(items.contents.value, /出处：/);
  assert.equal(items.range.start.character, line.indexOf('政治意识'));
  const outdated = await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: line.indexOf('国土资源部') + 1 } });
  assert.match(outdated.contents.value, /自然资源部/);
  assert.match(outdated.contents.value, /2018年3月/);
});
