// The server's message encoding: publishDiagnostics is built from the kept JSON of each diagnostic, and must
// give exactly the bytes JSON.stringify gives, whatever the text and however often a diagnostic is reused.
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import fc from 'fast-check';
import { encodeMessage } from '../../server/src/transport';

const position = fc.record({ line: fc.nat(), character: fc.nat() });
const diagnostic = fc.record(
  {
    range: fc.record({ start: position, end: position }),
    severity: fc.integer({ min: 1, max: 4 }),
    source: fc.constant('gongwen'),
    code: fc.string(),
    // any UTF-16, lone surrogates included
    message: fc.string({ unit: 'binary' }),
    tags: fc.array(fc.integer({ min: 1, max: 2 }), { maxLength: 2 }),
  },
  { requiredKeys: ['range', 'severity', 'message'] },
);

test('publishDiagnostics: the same bytes as JSON.stringify, also when diagnostics are sent again', () => {
  fc.assert(
    fc.property(fc.array(diagnostic, { maxLength: 30 }), fc.string({ unit: 'binary' }), fc.option(fc.integer()), (diagnostics, uri, version) => {
      const params = version === null ? { uri, diagnostics } : { uri, version, diagnostics };
      const message = { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params };
      const expected = Buffer.from(JSON.stringify(message), 'utf8');
      assert.deepEqual(encodeMessage(message), expected);
      // again, from the kept parts, with the list reordered and partly repeated
      const again = { ...message, params: { ...params, diagnostics: [...diagnostics].reverse().concat(diagnostics.slice(0, 3)) } };
      assert.deepEqual(encodeMessage(again), Buffer.from(JSON.stringify(again), 'utf8'));
    }),
  );
});

test('other messages and odd publishDiagnostics are encoded by JSON.stringify', () => {
  const messages = [
    { jsonrpc: '2.0', id: 3, result: [{ name: '一、总体情况', kind: 15 }] },
    { jsonrpc: '2.0', method: 'window/logMessage', params: { type: 3, message: '分词词典已加载' } },
    { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///a', diagnostics: [null] } },
    { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///a' } },
  ];
  for (const message of messages) assert.equal(encodeMessage(message as never).toString('utf8'), JSON.stringify(message));
});
