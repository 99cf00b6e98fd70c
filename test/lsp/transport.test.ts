// The server's message encoding: lists marked `sentAsIs` (a publish's diagnostics, a response's symbols) are
// built from the kept JSON of each element, and must give exactly the bytes JSON.stringify gives, whatever
// the text and however often an element is sent again. Over --node-ipc the library's own setup serves.
import { strict as assert } from 'node:assert';
import { fork } from 'node:child_process';
import { test } from 'node:test';
import { createMessageConnection, IPCMessageReader, IPCMessageWriter } from 'vscode-jsonrpc/node';
import fc from 'fast-check';
import { encodeMessage, sentAsIs } from '../../server/src/transport';
import { SERVER } from '../helpers/lspClient';

const position = fc.record({ line: fc.nat(), character: fc.nat() });
const range = fc.record({ start: position, end: position });
// any UTF-16, lone surrogates included
const text = fc.string({ unit: 'binary' });
const diagnostic = fc.record(
  { range, severity: fc.integer({ min: 1, max: 4 }), source: fc.constant('gongwen'), code: fc.string(), message: text, tags: fc.array(fc.integer({ min: 1, max: 2 }), { maxLength: 2 }) },
  { requiredKeys: ['range', 'severity', 'message'] },
);
const symbol = fc.letrec((tie) => ({
  node: fc.record(
    { name: text, detail: text, kind: fc.integer({ min: 1, max: 26 }), range, selectionRange: range, children: fc.array(tie('node'), { maxLength: 2 }) },
    { requiredKeys: ['name', 'kind', 'range', 'selectionRange'] },
  ),
})).node;

const bytes = (message: unknown) => Buffer.from(JSON.stringify(message), 'utf8');

test('publishDiagnostics: the same bytes as JSON.stringify, also when diagnostics are sent again', () => {
  fc.assert(
    fc.property(fc.array(diagnostic, { maxLength: 30 }), text, fc.option(fc.integer()), (diagnostics, uri, version) => {
      const params = version === null ? { uri, diagnostics: sentAsIs(diagnostics) } : { uri, version, diagnostics: sentAsIs(diagnostics) };
      const message = { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params };
      assert.deepEqual(encodeMessage(message), bytes(message));
      // again, from the kept parts, in another order and partly repeated
      const again = { ...message, params: { ...params, diagnostics: sentAsIs([...diagnostics].reverse().concat(diagnostics.slice(0, 3))) } };
      assert.deepEqual(encodeMessage(again), bytes(again));
    }),
  );
});

test('a response whose result is a kept list of symbols: the same bytes as JSON.stringify', () => {
  fc.assert(
    fc.property(fc.array(symbol, { maxLength: 8 }), fc.oneof(fc.nat(), fc.string()), (symbols, id) => {
      const response = { jsonrpc: '2.0', id, result: sentAsIs(symbols) };
      assert.deepEqual(encodeMessage(response), bytes(response));
      const again = { jsonrpc: '2.0', id, result: sentAsIs(symbols.slice(1).concat(symbols.slice(0, 1))) };
      assert.deepEqual(encodeMessage(again), bytes(again));
    }),
    { numRuns: 50 },
  );
});

test('unmarked lists, other messages and odd shapes are encoded by JSON.stringify', () => {
  const kept = sentAsIs([{ name: '一、总体情况', kind: 15 }]);
  const messages = [
    { jsonrpc: '2.0', id: 3, result: [{ name: '一、总体情况', kind: 15 }] },
    { jsonrpc: '2.0', id: 4, result: null },
    { jsonrpc: '2.0', id: 5, error: { code: -32603, message: '出错' } },
    { jsonrpc: '2.0', method: 'window/logMessage', params: { type: 3, message: '分词词典已加载' } },
    { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///a', diagnostics: [] } },
    { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///a', diagnostics: sentAsIs([null as never]) } },
    { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///a' } },
    { jsonrpc: '2.0', id: 6, method: 'workspace/configuration', params: { items: kept } },
  ];
  for (const message of messages) assert.equal(encodeMessage(message as never).toString('utf8'), JSON.stringify(message));
});

test('over --node-ipc (vscode-languageserver sets the connection up itself) the server answers and publishes too', async () => {
  const child = fork(SERVER, ['--node-ipc'], { silent: true });
  const connection = createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
  try {
    const published = new Promise<{ diagnostics: { code: string }[] }>((resolve) => connection.onNotification('textDocument/publishDiagnostics', resolve));
    connection.onRequest('client/registerCapability', () => null);
    connection.listen();
    const result = (await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} })) as { capabilities: object };
    assert.ok('documentSymbolProvider' in result.capabilities);
    await connection.sendNotification('initialized', {});
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: 'untitled:ipc', languageId: 'gongwen', version: 1, text: '一.总体情况\n全年完成任务,继续推进。\n' } });
    const { diagnostics } = await published;
    assert.deepEqual(diagnostics.map((d) => d.code).sort(), ['halfwidth-punctuation', 'heading-marker']);
  } finally {
    connection.dispose();
    child.kill();
  }
});
