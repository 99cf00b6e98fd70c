// How the server talks to its client. Over stdio (what VS Code, Neovim and the CLI tests use) messages are
// written by vscode-jsonrpc's stream writer with one change: `textDocument/publishDiagnostics` is encoded from
// the kept JSON of each diagnostic. A keystroke in a 1 M-character report re-publishes thousands of
// diagnostics of which a handful changed; encoding the whole list again cost more than the re-check itself.
import { format } from 'node:util';
import {
  Connection,
  createConnection,
  Diagnostic,
  Message,
  ProposedFeatures,
  PublishDiagnosticsNotification,
  PublishDiagnosticsParams,
  StreamMessageWriter,
} from 'vscode-languageserver/node';

/** The UTF-8 JSON of each diagnostic already sent. Diagnostics are never changed once created (features/convert.ts). */
const encodedDiagnostics = new WeakMap<Diagnostic, Buffer>();
const COMMA = Buffer.from(',');
const CLOSE = Buffer.from(']}}');

/** The JSON-RPC message as UTF-8 bytes: exactly what `JSON.stringify` would give, parts reused where possible. */
export function encodeMessage(message: Message): Buffer {
  const params = publishParams(message);
  if (!params) return Buffer.from(JSON.stringify(message), 'utf8');
  const { diagnostics, ...rest } = params;
  // diagnostics last, so that the kept parts go between the head and `]}}`
  const head = JSON.stringify({ jsonrpc: message.jsonrpc, method: PublishDiagnosticsNotification.method, params: { ...rest, diagnostics: [] } });
  const parts: Buffer[] = [Buffer.from(head.slice(0, -3), 'utf8')];
  for (let i = 0; i < diagnostics.length; i++) {
    const diagnostic = diagnostics[i];
    let json = encodedDiagnostics.get(diagnostic);
    if (!json) encodedDiagnostics.set(diagnostic, (json = Buffer.from(JSON.stringify(diagnostic), 'utf8')));
    if (i > 0) parts.push(COMMA);
    parts.push(json);
  }
  parts.push(CLOSE);
  return Buffer.concat(parts);
}

function publishParams(message: Message): PublishDiagnosticsParams | undefined {
  const candidate = message as { method?: unknown; params?: unknown };
  if (candidate.method !== PublishDiagnosticsNotification.method) return undefined;
  const params = candidate.params as PublishDiagnosticsParams | undefined;
  if (!params || !Array.isArray(params.diagnostics)) return undefined;
  // Kept JSON is only for diagnostics that are plain objects (never for `null` or anything odd).
  return params.diagnostics.every((d) => typeof d === 'object' && d !== null) ? params : undefined;
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
