// Over real LSP: the open documents are evidence for each other — a suspected typo whose written string
// another open document uses is not reported; closing that document, or the setting
// gongwen.wrongChar.workspaceEvidence = false, brings it back.
import { strict as assert } from 'node:assert';
import { after, test } from 'node:test';
import { LspTestClient, PublishedDiagnostics } from '../helpers/lspClient';

const PLAN = 'untitled:plan';
const BROCHURE = 'untitled:brochure';
const clients: LspTestClient[] = [];
after(async () => {
  await Promise.all(clients.map((c) => c.shutdown()));
});

const suspects = (d: PublishedDiagnostics) => d.diagnostics.filter((x) => x.code === 'suspect-char').map((x) => x.message);
const newer = (client: LspTestClient, count: number) => (d: PublishedDiagnostics) => client.published.indexOf(d) >= count;

test('an open document that uses the string keeps the suspect quiet; closed, it is reported again', async () => {
  const client = new LspTestClient();
  clients.push(client);
  client.settings = {};
  await client.initialize({}, { workspace: { configuration: true } });
  await client.open(PLAN, '全面推进津融合作，建设智汇平台。\n');
  // Segmentation loads after the first diagnostics: wait for the rule's findings.
  let plan = await client.waitForDiagnostics(PLAN, (d) => suspects(d).length === 2, 30_000);
  assert.ok(suspects(plan).some((m) => m.includes('智慧')));

  let before = client.published.length;
  await client.open(BROCHURE, '本市打造智汇谷，吸引人才落户。\n');
  plan = await client.waitForDiagnostics(PLAN, (d) => newer(client, before)(d) && suspects(d).length === 1);
  assert.match(suspects(plan)[0], /津/, '津融 is used nowhere else');

  before = client.published.length;
  await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: BROCHURE } });
  plan = await client.waitForDiagnostics(PLAN, (d) => newer(client, before)(d) && suspects(d).length === 2);

  // Open again, but with the setting off: no evidence from the other document.
  await client.open(BROCHURE, '本市打造智汇谷，吸引人才落户。\n');
  await client.waitForDiagnostics(PLAN, (d) => suspects(d).length === 1);
  client.settings = { wrongChar: { workspaceEvidence: false } };
  before = client.published.length;
  await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
  plan = await client.waitForDiagnostics(PLAN, (d) => newer(client, before)(d) && suspects(d).length === 2);
  assert.equal(suspects(plan).length, 2);
});
