// The VS Code side of gongwen in the browser (package.json "browser": vscode.dev, github.dev, code-server's
// web worker extension host): the language server runs in a web worker of its own (dist/browser-server.js,
// server/src/browser/server.ts). It fetches its data from the extension's location; where a worker cannot
// fetch that location, it asks this client, which reads the file through vscode.workspace.fs.
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
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
  const serverOptions = () => {
    worker?.terminate();
    worker = new WorkerClass(serverMain.toString(true));
    return Promise.resolve(worker as never);
  };
  const options = clientOptions({ web: true });
  options.initializationOptions = () => ({ workspaceTrusted: vscode.workspace.isTrusted, extensionUri: context.extensionUri.toString(true) });
  const client = new LanguageClient('gongwen', vscode.l10n.t('Gongwen Language Server'), serverOptions, options);
  client.onRequest(READ_EXTENSION_FILE_REQUEST, async (params: { path?: unknown }) => {
    const relative = String(params?.path ?? '');
    if (!/^[\w./-]+$/.test(relative) || relative.split('/').includes('..')) throw new Error(`invalid path ${relative}`);
    return vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, relative));
  });
  context.subscriptions.push({ dispose: () => worker?.terminate() });
  await startClient(context, client, { web: true });
  void tellAboutConfigFile();
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
