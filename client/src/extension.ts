// The VS Code side of gongwen: starts the language server, shows the character count, offers renumbering.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, State, TransportKind } from 'vscode-languageclient/node';

const STATISTICS_REQUEST = 'gongwen/statistics';
const RENUMBER_SERVER_COMMAND = 'gongwen.server.renumber';

interface Statistics {
  chars: number;
  hanChars: number;
  words: number | null;
  paragraphs: number;
  version: number;
  pending: boolean;
}

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.stdio },
    debug: { module: serverModule, transport: TransportKind.stdio, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const languages = vscode.workspace.getConfiguration('gongwen').get<string[]>('languages', ['gongwen', 'plaintext', 'markdown']);
  const clientOptions: LanguageClientOptions = {
    documentSelector: languages.flatMap((language) => [
      { scheme: 'file', language },
      { scheme: 'untitled', language },
    ]),
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/.gongwenrc.json') },
    initializationOptions: { workspaceTrusted: vscode.workspace.isTrusted },
    // One message if the server keeps dying, not a storm; the client restarts it on its own otherwise.
    connectionOptions: { maxRestartCount: 4 },
  };
  client = new LanguageClient('gongwen', vscode.l10n.t('Gongwen Language Server'), serverOptions, clientOptions);

  const statusItem = vscode.window.createStatusBarItem('gongwen.statistics', vscode.StatusBarAlignment.Right, 100);
  statusItem.name = vscode.l10n.t('Gongwen character count');
  statusItem.command = 'gongwen.showStatistics';
  context.subscriptions.push(statusItem);

  let timer: NodeJS.Timeout | undefined;
  const updateStatus = (delay = 150) => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void refreshStatus(statusItem), delay);
  };

  context.subscriptions.push(
    vscode.commands.registerCommand('gongwen.renumber', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || !client) return;
      await client.sendRequest('workspace/executeCommand', { command: RENUMBER_SERVER_COMMAND, arguments: [editor.document.uri.toString()] });
    }),
    vscode.commands.registerCommand('gongwen.showStatistics', async () => {
      const stats = await requestStatistics();
      if (!stats) return;
      const words = stats.words === null ? vscode.l10n.t('(segmentation unavailable)') : stats.words.toLocaleString();
      void vscode.window.showInformationMessage(
        vscode.l10n.t('Characters: {0}; Chinese characters: {1}; words: {2}; paragraphs: {3}', stats.chars.toLocaleString(), stats.hanChars.toLocaleString(), words, stats.paragraphs.toLocaleString()),
      );
    }),
    vscode.commands.registerCommand('gongwen.restartServer', async () => {
      await client?.restart();
    }),
    vscode.window.onDidChangeActiveTextEditor(() => updateStatus(0)),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === vscode.window.activeTextEditor?.document) updateStatus();
    }),
    client.onDidChangeState((e) => {
      if (e.newState === State.Running) updateStatus(0);
    }),
  );

  await client.start();
  updateStatus(0);
}

async function requestStatistics(): Promise<Statistics | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !client || !client.isRunning()) return undefined;
  try {
    const stats = await client.sendRequest<Statistics | null>(STATISTICS_REQUEST, { uri: editor.document.uri.toString() });
    return stats ?? undefined;
  } catch {
    return undefined;
  }
}

async function refreshStatus(item: vscode.StatusBarItem): Promise<void> {
  const stats = await requestStatistics();
  if (!stats) {
    item.hide();
    return;
  }
  item.text = vscode.l10n.t('$(book) {0} chars', stats.chars.toLocaleString());
  item.tooltip = vscode.l10n.t('Characters (whitespace excluded): {0}\nChinese characters: {1}\nParagraphs: {2}', stats.chars.toLocaleString(), stats.hanChars.toLocaleString(), stats.paragraphs.toLocaleString());
  item.show();
  // Word counts arrive once segmentation is loaded; ask again then.
  if (stats.pending) setTimeout(() => void refreshStatus(item), 1000);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
