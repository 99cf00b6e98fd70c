// Over real LSP: the Node server reads the reports of its workspace folders in the background (text,
// Markdown, Word) as evidence for the wrong-character rule; an open document counts by its live text,
// not by what is on disk; with gongwen.wrongChar.workspaceEvidence = false nothing is read.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, test } from 'node:test';
import { buildDocx, p } from '../helpers/docx';
import { LspTestClient, PublishedDiagnostics } from '../helpers/lspClient';
import { tempDir } from '../helpers/tempDir';

const clients: LspTestClient[] = [];
after(async () => {
  await Promise.all(clients.map((c) => c.shutdown()));
});

// Three suspects alone; 制渡 (制度) is used nowhere else, so it shows that the rule has its dictionary.
const PLAN_TEXT = '全面推进津融合作，建设智汇平台，完善财务制渡。\n';
const suspects = (d: PublishedDiagnostics) => d.diagnostics.filter((x) => x.code === 'suspect-char').map((x) => x.message);

/** A workspace folder: the plan, a Markdown brochure that uses 智汇, a Word file (in a subfolder) that uses 津融. */
function workspace(): string {
  const dir = tempDir('gongwen-scan-');
  fs.writeFileSync(path.join(dir, 'plan.txt'), PLAN_TEXT);
  fs.writeFileSync(path.join(dir, 'brochure.md'), '# 人才政策\n\n本市打造智汇谷，吸引人才落户。\n');
  fs.mkdirSync(path.join(dir, '2025'));
  fs.writeFileSync(path.join(dir, '2025', 'groups.docx'), buildDocx({ body: p('关于组建津融集团的报告') + p('津融集团由三家企业重组而成。') }));
  // Not reports: a hidden folder and a file of another kind are not read.
  fs.mkdirSync(path.join(dir, '.history'));
  fs.writeFileSync(path.join(dir, '.history', 'old.txt'), '推进金融合作，建设智慧平台。\n');
  fs.writeFileSync(path.join(dir, 'data.json'), '{"津融": 1}');
  return dir;
}

async function start(folder: string, settings: unknown): Promise<LspTestClient> {
  const client = new LspTestClient();
  clients.push(client);
  client.settings = settings;
  const logs: string[] = [];
  client.connection.onNotification('window/logMessage', (params: { message: string }) => {
    logs.push(params.message);
  });
  (client as unknown as { logs: string[] }).logs = logs;
  await client.connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(folder).href,
    workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'ws' }],
    capabilities: { workspace: { configuration: true } },
    initializationOptions: { workspaceTrusted: true },
  });
  await client.connection.sendNotification('initialized', {});
  return client;
}

const logsOf = (client: LspTestClient) => (client as unknown as { logs: string[] }).logs;

test('the reports of the workspace folder are read in the background: their strings are meant', async () => {
  const dir = workspace();
  const client = await start(dir, {});
  const plan = pathToFileURL(path.join(dir, 'plan.txt')).href;
  await client.open(plan, PLAN_TEXT, 'plaintext');
  // Two suspects are answered by the other files (the Word file's 津融, the brochure's 智汇); the open plan itself,
  // the hidden folder and the JSON file are not read.
  const quiet = await client.waitForDiagnostics(plan, (d) => suspects(d).length === 1 && logsOf(client).some((m) => m.includes('已读入工作区中的 2 个报告')), 30_000);
  assert.match(suspects(quiet)[0], /制度/);

  // Open, the brochure counts by its live text: without 智汇 there, 汇 is a suspect again.
  const brochure = pathToFileURL(path.join(dir, 'brochure.md')).href;
  const before = client.published.length;
  await client.open(brochure, '# 人才政策\n\n本市吸引人才落户。\n', 'markdown');
  const published = await client.waitForDiagnostics(plan, (d) => client.published.indexOf(d) >= before && suspects(d).length === 2);
  assert.ok(suspects(published).some((m) => m.includes('智慧')));
  // Closed again, its text on disk is evidence again.
  const closed = client.published.length;
  await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: brochure } });
  await client.waitForDiagnostics(plan, (d) => client.published.indexOf(d) >= closed && suspects(d).length === 1);
});

test('with gongwen.wrongChar.workspaceEvidence = false the folder is not read', async () => {
  const dir = workspace();
  const client = await start(dir, { wrongChar: { workspaceEvidence: false } });
  const plan = pathToFileURL(path.join(dir, 'plan.txt')).href;
  await client.open(plan, PLAN_TEXT, 'plaintext');
  const published = await client.waitForDiagnostics(plan, (d) => suspects(d).length === 3, 30_000);
  assert.equal(suspects(published).length, 3);
  // The scan would have started with the first diagnostics; give it time to show that it did not.
  await new Promise((resolve) => setTimeout(resolve, 500));
  assert.ok(!logsOf(client).some((m) => m.includes('已读入工作区')), logsOf(client).join('\n'));
});
