// The editor shows at most `gongwen.maxNumberOfProblems` diagnostics per document (errors first), says so
// once, and the limit follows the setting. Over real LSP.
import { strict as assert } from 'node:assert';
import { after, test } from 'node:test';
import { LspTestClient } from '../helpers/lspClient';

// Each line: one warning (截止 → 截至) before one error (half-width comma).
const LINE = '截止目前，全年完成任务,继续推进工作。\n';
const clients: LspTestClient[] = [];
after(async () => {
  await Promise.all(clients.map((c) => c.shutdown()));
});

async function start(settings: unknown): Promise<LspTestClient> {
  const client = new LspTestClient();
  clients.push(client);
  client.settings = settings;
  // as the settings arrive at initialization (Neovim) and when asked (VS Code)
  await client.initialize(settings ? { settings } : {}, { workspace: { configuration: true } });
  return client;
}

const lineOf = (d: { range: { start: { line: number } } }) => d.range.start.line;

test('over the default limit of 1,000: all errors, then the earliest warnings, in document order, said once', async () => {
  const client = await start(null);
  const uri = 'untitled:many';
  await client.open(uri, LINE.repeat(600));
  for (let v = 2; v <= 6; v++) await client.change(uri, v, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '新' }]);
  const published = await client.waitForDiagnostics(uri, (d) => d.version === 6);
  const errors = published.diagnostics.filter((d) => d.severity === 1);
  const warnings = published.diagnostics.filter((d) => d.severity === 2);
  assert.equal(published.diagnostics.length, 1000);
  assert.equal(errors.length, 600, 'every error is kept');
  assert.equal(warnings.length, 400);
  assert.deepEqual(warnings.map(lineOf), [...Array(400).keys()], 'the earliest warnings');
  const positions = published.diagnostics.map((d) => d.range.start.line * 1e4 + d.range.start.character);
  assert.deepEqual(positions, [...positions].sort((a, b) => a - b), 'document order');
  const notices = client.messages.filter((m) => m.message.includes('maxNumberOfProblems'));
  assert.equal(notices.length, 1, JSON.stringify(client.messages));
  assert.match(notices[0].message, /共有 1200 处问题.*最重要的 1000 处/);
});

test('the limit follows the setting: 0 shows all, a small limit the most severe, a bad value the default', async () => {
  const client = await start({ maxNumberOfProblems: 0 });
  const uri = 'untitled:setting';
  await client.open(uri, LINE.repeat(600));
  let published = await client.waitForDiagnostics(uri, (d) => d.version === 1 && d.diagnostics.length > 0);
  assert.equal(published.diagnostics.length, 1200);
  assert.equal(client.messages.filter((m) => m.message.includes('maxNumberOfProblems')).length, 0);

  const changed = async (settings: unknown, expected: number) => {
    client.settings = settings;
    const before = client.published.length;
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    return client.waitForDiagnostics(uri, (d) => client.published.indexOf(d) >= before && d.diagnostics.length === expected);
  };
  published = await changed({ maxNumberOfProblems: 5 }, 5);
  assert.deepEqual(published.diagnostics.map((d) => [lineOf(d), d.severity]), [[0, 1], [1, 1], [2, 1], [3, 1], [4, 1]]);

  published = await changed({ maxNumberOfProblems: -3 }, 1000);
  assert.ok(
    client.messages.some((m) => m.message.includes('maxNumberOfProblems 应为不小于 0 的整数')),
    JSON.stringify(client.messages),
  );
});
