// The VS Code side of gongwen on the desktop: starts the language server in Node (dist/server.js over stdio);
// the status bar, the commands and the rest are common.ts (shared with the web extension, browserExtension.ts).
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { clientOptions, startClient, stopClient } from './common';

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  // The server keeps its V8 code cache in the extension's storage (removed with the extension).
  const env = { ...process.env, GONGWEN_CACHE_DIR: context.globalStorageUri.fsPath };
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.stdio, options: { env } },
    debug: { module: serverModule, transport: TransportKind.stdio, options: { env, execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const client = new LanguageClient('gongwen', vscode.l10n.t('Gongwen Language Server'), serverOptions, clientOptions({ web: false }));
  await startClient(context, client, { web: false });
}

export async function deactivate(): Promise<void> {
  await stopClient();
}
