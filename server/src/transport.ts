// How the server talks to its client. Over stdio (what VS Code, Neovim and the tests use) messages are
// written by vscode-jsonrpc's stream writer with one change: a list the server marked with `sentAsIs` (the
// diagnostics of a publish, the document symbols of a response) is encoded from the kept JSON of each element.
// A keystroke in a 1 M-character report re-publishes thousands of diagnostics of which a handful changed;
// encoding the whole list again cost more than the re-check itself.
import { format } from 'node:util';
import { Connection, createConnection, Message, ProposedFeatures, StreamMessageWriter } from 'vscode-languageserver/node';

/** Lists whose elements are never changed once created (diagnostics per finding, symbols per section). */
const keptLists = new WeakSet<readonly object[]>();
/** The UTF-8 JSON of each element of such a list, once encoded. */
const encoded = new WeakMap<object, Buffer>();
const COMMA = Buffer.from(',');

/**
 * Marks a list of objects the server will not change again (nor their parts): when it is sent as the
 * diagnostics of a publish or as the result of a request, each element's JSON is encoded once and reused.
 */
export function sentAsIs<T extends object>(list: T[]): T[] {
  keptLists.add(list);
  return list;
}

/** The JSON-RPC message as UTF-8 bytes: exactly what `JSON.stringify` gives, kept parts reused. */
export function encodeMessage(message: Message): Buffer {
  const m = message as { jsonrpc: string; id?: unknown; method?: unknown; params?: { diagnostics?: unknown }; result?: unknown };
  // The kept list goes last, between a head and the closing brackets.
  if (typeof m.method === 'string' && m.params && typeof m.params === 'object' && isKept(m.params.diagnostics)) {
    const { diagnostics, ...rest } = m.params;
    return assemble(JSON.stringify({ jsonrpc: m.jsonrpc, method: m.method, params: { ...rest, diagnostics: [] } }), diagnostics, 3);
  }
  if ('id' in m && !('method' in m) && !('error' in m) && isKept(m.result)) {
    return assemble(JSON.stringify({ jsonrpc: m.jsonrpc, id: m.id, result: [] }), m.result, 2);
  }
  return Buffer.from(JSON.stringify(message), 'utf8');
}

function isKept(value: unknown): value is object[] {
  return Array.isArray(value) && keptLists.has(value) && value.every((v) => typeof v === 'object' && v !== null && !Array.isArray(v));
}

/** `head`, which ends in an empty list and `closers` characters from its `]` on, with the list filled in. */
function assemble(head: string, list: readonly object[], closers: number): Buffer {
  const parts: Buffer[] = [Buffer.from(head.slice(0, head.length - closers), 'utf8')];
  for (let i = 0; i < list.length; i++) {
    const element = list[i];
    let json = encoded.get(element);
    if (!json) encoded.set(element, (json = Buffer.from(JSON.stringify(element), 'utf8')));
    if (i > 0) parts.push(COMMA);
    parts.push(json);
  }
  parts.push(Buffer.from(head.slice(head.length - closers), 'utf8'));
  return Buffer.concat(parts);
}

/**
 * The connection: over `--stdio` with the encoder above, otherwise (`--node-ipc`, `--socket`, `--pipe`) as
 * vscode-languageserver sets it up.
 */
export function createServerConnection(): Connection {
  if (!process.argv.includes('--stdio')) return createConnection(ProposedFeatures.all);
  const writer = new StreamMessageWriter(process.stdout, {
    charset: 'utf-8',
    contentTypeEncoder: {
      name: 'application/json',
      encode: (message) => {
        try {
          return Promise.resolve(encodeMessage(message));
        } catch (error) {
          return Promise.reject(error);
        }
      },
    },
  });
  // Given the stdin stream itself, vscode-languageserver still ends the process when the client goes away; its
  // typings pair a stream with a stream, but it takes any MessageWriter as the output (checked by shape).
  const connection = createConnection(ProposedFeatures.all, process.stdin, writer as unknown as NodeJS.WritableStream);
  redirectConsole(connection);
  return connection;
}

/** stdout carries the protocol: console output goes to the client's log instead (as `--stdio` does by itself). */
function redirectConsole(connection: Connection): void {
  const text = (args: unknown[]) => format(...args);
  console.log = (...args: unknown[]) => connection.console.log(text(args));
  console.info = (...args: unknown[]) => connection.console.info(text(args));
  console.warn = (...args: unknown[]) => connection.console.warn(text(args));
  console.error = (...args: unknown[]) => connection.console.error(text(args));
  console.debug = (...args: unknown[]) => connection.console.log(text(args));
}
