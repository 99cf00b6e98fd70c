// What the desktop client (extension.ts, the server in Node) and the web client (browserExtension.ts, the
// server in a web worker) share: the document selector and options, the character count in the status bar,
// the commands, restarting a crashed server quietly, the .docx view. Each entry creates its LanguageClient
// and hands it to startClient.
import * as vscode from 'vscode';
import { BaseLanguageClient, CloseAction, ErrorAction, ErrorHandler, LanguageClientOptions, State } from 'vscode-languageclient';

import { ANNOTATE_DOCX_COMMAND, DOCX_TEXT_REQUEST, DOCX_VIEW_SCHEME, EXPORT_DOCX_COMMAND, RENUMBER_COMMAND, STATISTICS_REQUEST, StatisticsParams, StatisticsResult } from '../../server/src/protocol';

const DOCX_EDITOR_VIEW_TYPE = 'gongwen.docxView';

let client: BaseLanguageClient | undefined;

/**
 * The client options. The desktop client checks files and untitled documents; the web one any scheme (a
 * browser workspace is vscode-vfs:, vscode-remote:, memfs: …) and has no .docx view.
 */
export function clientOptions({ web }: { web: boolean }): LanguageClientOptions {
  const languages = vscode.workspace.getConfiguration('gongwen').get<string[]>('languages', ['gongwen', 'plaintext', 'markdown']);
  return {
    documentSelector: web
      ? languages.map((language) => ({ language }))
      : languages.flatMap((language) => [
          { scheme: 'file', language },
          { scheme: 'untitled', language },
        ]).concat([{ scheme: DOCX_VIEW_SCHEME, language: 'gongwen' }]),
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/.gongwenrc.json') },
    // A function: evaluated at every (re)start, so a restart after trust is granted sees the new state.
    initializationOptions: () => ({ workspaceTrusted: vscode.workspace.isTrusted }),
    errorHandler: restartQuietly(),
  };
}

/** Registers the status bar item and the commands around `created`, then starts it. */
export async function startClient(context: vscode.ExtensionContext, created: BaseLanguageClient, { web }: { web: boolean }): Promise<void> {
  client = created;
  const statusItem = vscode.window.createStatusBarItem('gongwen.statistics', vscode.StatusBarAlignment.Right, 100);
  statusItem.name = vscode.l10n.t('Gongwen character count');
  statusItem.command = 'gongwen.showStatistics';
  context.subscriptions.push(statusItem);

  let timer: ReturnType<typeof setTimeout> | undefined;
  const updateStatus = (delay = 150) => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void refreshStatus(statusItem), delay);
  };

  context.subscriptions.push(
    vscode.commands.registerCommand('gongwen.renumber', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || !client) return;
      await client.sendRequest('workspace/executeCommand', { command: RENUMBER_COMMAND, arguments: [editor.document.uri.toString()] });
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
      await restart();
    }),
    ...registerDocxCommands(web),
    vscode.window.onDidChangeActiveTextEditor(() => updateStatus(0)),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === vscode.window.activeTextEditor?.document) updateStatus();
    }),
    // Limited mode ends when the user trusts the workspace: restart so that workspace configuration applies.
    vscode.workspace.onDidGrantWorkspaceTrust(() => void restart()),
    client.onDidChangeState((e) => {
      if (e.newState === State.Running) updateStatus(0);
    }),
  );

  await client.start();
  updateStatus(0);
}

/** The Node client's restart (which waits for a debug port) where it has one; stop and start otherwise. */
async function restart(): Promise<void> {
  const running = client as (BaseLanguageClient & { restart?(): Promise<void> }) | undefined;
  if (!running) return;
  if (running.restart) await running.restart();
  else {
    await running.stop();
    await running.start();
  }
}

export async function stopClient(): Promise<void> {
  await client?.stop();
}

/**
 * When the server dies, restart it; tell the user once per session, not at every crash. After 5 crashes
 * within 3 minutes, stop restarting and say so (one more message; the restart command brings it back).
 */
function restartQuietly(): ErrorHandler {
  const crashes: number[] = [];
  let told = false;
  return {
    error: (_error, _message, count) => ({ action: count !== undefined && count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown, handled: true }),
    closed: () => {
      const now = Date.now();
      crashes.push(now);
      while (crashes.length && now - crashes[0] > 3 * 60 * 1000) crashes.shift();
      if (crashes.length > 5) {
        return { action: CloseAction.DoNotRestart, message: vscode.l10n.t('The Gongwen language server stopped repeatedly and will not be restarted. Run the restart server command to try again.') };
      }
      if (!told) {
        told = true;
        void vscode.window.showInformationMessage(vscode.l10n.t('The Gongwen language server stopped unexpectedly and was restarted.'));
      }
      return { action: CloseAction.Restart, handled: true };
    },
  };
}

async function requestStatistics(): Promise<StatisticsResult | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !client || !client.isRunning()) return undefined;
  try {
    const params: StatisticsParams = { uri: editor.document.uri.toString() };
    const stats = await client.sendRequest<StatisticsResult | null>(STATISTICS_REQUEST, params);
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

/** The .docx view (a virtual document refreshed when the file changes), export and annotate. */
function registerDocxCommands(web: boolean): vscode.Disposable[] {
  if (web) {
    // No .docx in a web worker: the commands say so instead of opening dialogs that lead nowhere.
    const unavailable = () => void vscode.window.showWarningMessage(vscode.l10n.t('Word documents (.docx) cannot be read or written in the web version of Gongwen. Use desktop VS Code or the gongwen command line.'));
    return [
      ...['gongwen.openDocxView', 'gongwen.exportDocx', 'gongwen.annotateDocx'].map((command) => vscode.commands.registerCommand(command, unavailable)),
      vscode.window.registerCustomEditorProvider(DOCX_EDITOR_VIEW_TYPE, {
        openCustomDocument: (uri) => ({ uri, dispose: () => {} }),
        resolveCustomEditor(_document, panel) {
          panel.dispose();
          unavailable();
        },
      } satisfies vscode.CustomReadonlyEditorProvider),
    ];
  }
  const changed = new vscode.EventEmitter<vscode.Uri>();
  const provider: vscode.TextDocumentContentProvider = {
    onDidChange: changed.event,
    async provideTextDocumentContent(uri) {
      if (!client) return '';
      const answer = await client.sendRequest<{ text?: string; error?: string }>(DOCX_TEXT_REQUEST, { uri: uri.toString() });
      if (answer.error !== undefined) void vscode.window.showErrorMessage(answer.error);
      return answer.text ?? '';
    },
  };
  const watcher = vscode.workspace.createFileSystemWatcher('**/*.docx');
  const refresh = (file: vscode.Uri) => {
    const view = file.with({ scheme: DOCX_VIEW_SCHEME });
    if (vscode.workspace.textDocuments.some((d) => d.uri.toString() === view.toString())) changed.fire(view);
  };
  const pickDocx = async (given?: vscode.Uri) => {
    if (given) return given;
    const active = vscode.window.activeTextEditor?.document.uri;
    if (active?.scheme === DOCX_VIEW_SCHEME) return active.with({ scheme: 'file' });
    const picked = await vscode.window.showOpenDialog({ filters: { Word: ['docx'] }, canSelectMany: false });
    return picked?.[0];
  };
  const report = (answer: { ok: boolean; message: string } | undefined) => {
    if (!answer) return;
    if (answer.ok) void vscode.window.showInformationMessage(answer.message);
    else void vscode.window.showErrorMessage(answer.message);
  };
  const offered = new Set<string>();
  const openDocxView = async (file: vscode.Uri) => {
    const document = await vscode.languages.setTextDocumentLanguage(await vscode.workspace.openTextDocument(file.with({ scheme: DOCX_VIEW_SCHEME })), 'gongwen');
    await vscode.window.showTextDocument(document, { preview: false });
  };
  return [
    vscode.workspace.registerTextDocumentContentProvider(DOCX_VIEW_SCHEME, provider),
    changed,
    watcher,
    watcher.onDidChange(refresh),
    watcher.onDidCreate(refresh),
    vscode.commands.registerCommand('gongwen.openDocxView', async (given?: vscode.Uri) => {
      const file = await pickDocx(given);
      if (file) await openDocxView(file);
    }),
    // “Open With…” on a .docx lists the 公文 view: the custom editor hands over to the text view at once.
    vscode.window.registerCustomEditorProvider(DOCX_EDITOR_VIEW_TYPE, {
      openCustomDocument: (uri) => ({ uri, dispose: () => {} }),
      async resolveCustomEditor(document, panel) {
        panel.dispose();
        await openDocxView(document.uri);
      },
    } satisfies vscode.CustomReadonlyEditorProvider),
    // Opening a .docx as a file (VS Code shows it as binary) offers the 公文 view.
    vscode.window.tabGroups.onDidChangeTabs(({ opened }) => {
      for (const tab of opened) {
        const uri = tab.input instanceof vscode.TabInputText ? tab.input.uri : undefined;
        if (uri?.scheme !== 'file' || !/\.docx$/i.test(uri.path) || offered.has(uri.toString())) continue;
        offered.add(uri.toString());
        const open = vscode.l10n.t('Open as official-document view');
        void vscode.window.showInformationMessage(vscode.l10n.t('{0} is a Word document. Check its text in the official-document view?', uri.path.split('/').pop() ?? ''), open).then((choice) => {
          if (choice === open) void openDocxView(uri);
        });
      }
    }),
    vscode.commands.registerCommand('gongwen.exportDocx', async () => {
      const document = vscode.window.activeTextEditor?.document;
      if (!document || !client) return;
      const base = document.uri.scheme === 'file' ? document.uri.with({ path: document.uri.path.replace(/\.[^./]*$/, '') + '.docx' }) : undefined;
      const output = await vscode.window.showSaveDialog({ defaultUri: base, filters: { Word: ['docx'] } });
      if (!output) return;
      report(await client.sendRequest('workspace/executeCommand', { command: EXPORT_DOCX_COMMAND, arguments: [document.uri.toString(), output.toString()] }));
    }),
    vscode.commands.registerCommand('gongwen.annotateDocx', async (given?: vscode.Uri) => {
      const file = await pickDocx(given);
      if (!file || !client) return;
      const commentsOnly = vscode.l10n.t('Comments only');
      const withFixes = vscode.l10n.t('Comments, and safe fixes as tracked changes');
      const choice = await vscode.window.showQuickPick([commentsOnly, withFixes]);
      if (!choice) return;
      const output = await vscode.window.showSaveDialog({ defaultUri: file.with({ path: file.path.replace(/\.docx$/i, '') + vscode.l10n.t('-annotated') + '.docx' }), filters: { Word: ['docx'] } });
      if (!output) return;
      report(await client.sendRequest('workspace/executeCommand', { command: ANNOTATE_DOCX_COMMAND, arguments: [file.toString(), output.toString(), choice === withFixes] }));
    }),
  ];
}
