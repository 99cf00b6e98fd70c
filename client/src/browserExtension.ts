// The VS Code side of gongwen in the browser (package.json "browser": vscode.dev, github.dev, code-server's
// web worker extension host): the language server runs in a web worker of its own (dist/browser-server.js,
// server/src/browser/server.ts). It fetches its data from the extension's location; where a worker cannot
// fetch that location, it asks this client, which reads the file through vscode.workspace.fs.
import * as vscode from 'vscode';
import { BrowserMessageReader, BrowserMessageWriter, LanguageClient } from 'vscode-languageclient/browser';
import { clientOptions, startClient, stopClient } from './common';

const READ_EXTENSION_FILE_REQUEST = 'gongwen/readExtensionFile';

/** The part of a DOM Worker used here (the client is compiled without the DOM library). */
interface WebWorker {
  terminate(): void;
}
const WorkerClass = (globalThis as unknown as { Worker: new (url: string) => WebWorker }).Worker;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverMain = vscode.Uri.joinPath(context.extensionUri, 'dist', 'browser-server.js');
  let worker: WebWorker | undefined;
  // A function: a restart (after a crash, or the restart command) gets a fresh worker.
  // The reader and writer are made here: the client's own `instanceof Worker` test fails for the Worker
  // that VS Code's extension host substitutes for the browser's.
  const serverOptions = async () => {
    worker?.terminate();
    worker = await startWorker(serverMain);
    return { reader: new BrowserMessageReader(worker as never), writer: new BrowserMessageWriter(worker as never) };
  };
  const options = clientOptions({ web: true });
  options.initializationOptions = () => ({ workspaceTrusted: vscode.workspace.isTrusted, extensionUri: context.extensionUri.toString(true) });
  const client = new LanguageClient('gongwen', vscode.l10n.t('Gongwen Language Server'), serverOptions, options);
  client.onRequest(READ_EXTENSION_FILE_REQUEST, async (params: { path?: unknown }) => {
    const relative = String(params?.path ?? '');
    if (!/^[\w./-]+$/.test(relative) || relative.split('/').includes('..')) throw new Error(`invalid path ${relative}`);
    const file = vscode.Uri.joinPath(context.extensionUri, relative);
    // The extension host's fetch maps file: and vscode-remote: URIs to the URLs that serve them.
    try {
      const response = await fetch(file.toString(true));
      if (response.ok) return new Uint8Array(await response.arrayBuffer());
    } catch {
      // Not fetchable from here either: the file system API below.
    }
    return vscode.workspace.fs.readFile(file);
  });
  context.subscriptions.push({ dispose: () => worker?.terminate() });
  await startClient(context, client, { web: true });
  void tellAboutConfigFile();
}

/**
 * The server's worker. VS Code starts workers from an extension's https: and file: locations, but not from a
 * remote one (vscode-remote:, e.g. an extension installed in code-server that runs in the browser): there
 * the script is fetched (the extension host's fetch serves vscode-remote: URIs) and started from a blob.
 */
async function startWorker(script: vscode.Uri): Promise<WebWorker> {
  if (script.scheme !== 'vscode-remote') return new WorkerClass(script.toString(true));
  const response = await fetch(script.toString(true));
  if (!response.ok) throw new Error(`${script.toString(true)}: HTTP ${response.status}`);
  const blob = new Blob([await response.text()], { type: 'application/javascript' });
  return new WorkerClass(URL.createObjectURL(blob));
}

/** .gongwenrc.json needs a file system the web worker does not have: say once that the web version skips it. */
async function tellAboutConfigFile(): Promise<void> {
  const found = await vscode.workspace.findFiles('**/.gongwenrc.json', '**/node_modules/**', 1);
  if (found.length === 0) return;
  void vscode.window.showInformationMessage(
    vscode.l10n.t('The web version of Gongwen does not read .gongwenrc.json; set rules and word lists in the gongwen.* settings instead.'),
  );
}

export async function deactivate(): Promise<void> {
  await stopClient();
}
