// The gongwen language server: a thin adapter from LSP to the engine. Run with `node dist/server.js --stdio`
// (a loader that runs this bundle, dist/server-main.js, from V8's code cache: serverBoot.ts).
import * as path from 'node:path';
import {
  InitializeParams,
  InitializeResult,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ALL_RULES, prepareRules } from './engine';
import { codeCacheReady } from './host/codeCache';
import { Analysis, workspaceIdOf } from './analysis';
import { sharedEngineData } from './host/data';
import { CODE_ACTION_KINDS } from './features/codeActions';
import { registerRequestHandlers } from './features/requests';
import { ANNOTATE_DOCX_COMMAND, EXPORT_DOCX_COMMAND, RENUMBER_COMMAND, UPDATE_CONFIG_COMMAND } from './protocol';
import { DiagnosticsPublisher } from './features/diagnostics';
import { configFileFor, DEFAULT_SETTINGS, documentPath, effectiveConfig, workspaceEvidenceOn } from './settings';
import { WorkspaceEvidenceScan } from './features/workspaceEvidence';
import { ClientSettingsSync } from './features/clientSettings';
import { annotateToDocx, docxText, exportToDocx } from './features/docx';
import { WorkerSegmenter } from './segmentation/workerSegmenter';
import { createServerConnection } from './transport';

const connection = createServerConnection();
const documents = new TextDocuments(TextDocument);

let segmenter: WorkerSegmenter | undefined;
/** When a document last changed (ms): work that would hold up typing waits for a pause. */
let lastChange = 0;
const QUIET_MS = 400;

function whenQuiet(run: () => void): void {
  const wait = lastChange + QUIET_MS - Date.now();
  if (wait <= 0) run();
  else setTimeout(() => whenQuiet(run), wait);
}
let segmenterWords = '';
let segmentationWarned = false;
let wantSegmentation = false;

/** One segmentation worker for the user words in force; a change of words restarts it. */
function segmenterFor(userWords: readonly string[]): WorkerSegmenter {
  const key = userWords.join('\n');
  if (segmenter && key === segmenterWords) return segmenter;
  segmenter?.dispose();
  segmenterWords = key;
  segmenter = new WorkerSegmenter(
    path.join(__dirname, 'segmentation-worker.js'),
    { userWords: [...userWords] },
    () => {
      analysis.invalidate();
      publisher.schedule();
    },
    (state, detail) => {
      if (state === 'ready') connection.console.info(`gongwen: 分词词典已加载（${detail}）`);
      if (state === 'loading' && detail) connection.console.warn(`gongwen: ${detail}`);
      if (state === 'failed' && !segmentationWarned) {
        segmentationWarned = true;
        void connection.window.showWarningMessage(`公文写作助手：${detail}。依赖分词的检查和词数统计已停用，其余功能照常使用。`);
      }
    },
    whenQuiet,
  );
  if (wantSegmentation) segmenter.start();
  return segmenter;
}

const analysis = new Analysis(DEFAULT_SETTINGS, segmenterFor);
const publisher = new DiagnosticsPublisher(connection, documents, analysis);
// The dictionary takes long to load (docs/notes/perf.md): start it only after the first diagnostics are out.
publisher.onFirstPublish = () => {
  // The code of a start and of the first lint is compiled now: the moment to save it for the next start.
  codeCacheReady();
  wantSegmentation = true;
  setImmediate(() => {
    segmenter?.start();
    // While the worker loads, the main thread is idle: the lexicon rules' tables (the wrong-character tables,
    // the language model, the idiom indexes) are built now rather than in the first lint with the lexicon.
    setTimeout(() => prepareRules(ALL_RULES.filter((rule) => rule.enabledByDefault !== false), sharedEngineData()), 0);
  });
  firstPublished = true;
  scanWorkspaceIfOn();
};

// The workspace's other reports as evidence of intent for the wrong-character rule (setting
// gongwen.wrongChar.workspaceEvidence): read in the background once diagnostics are out, never before.
const workspaceScan = new WorkspaceEvidenceScan(analysis.workspace, (id) => documents.all().some((d) => workspaceIdOf(d.uri) === id));
let firstPublished = false;
let scanStarted = false;
function scanWorkspaceIfOn(): void {
  if (scanStarted || !firstPublished || !settings.settled || !workspaceEvidenceOn(analysis.settings) || analysis.workspaceFolders.length === 0) return;
  scanStarted = true;
  void workspaceScan.scan(analysis.workspaceFolders).then((read) => {
    connection.console.info(`gongwen: 已读入工作区中的 ${read} 个报告，作为判断疑似错别字的旁证`);
    if (read === 0) return;
    analysis.invalidate();
    publisher.schedule();
  });
}
analysis.onConfigProblems = (problems) => {
  void connection.window.showWarningMessage(`公文写作助手的配置有误，已按默认值处理有问题的部分：${problems.join('；')}`);
};
// A data table that cannot be read (a damaged installation) turns off the rule that needs it; said once.
sharedEngineData((message) => void connection.window.showWarningMessage(`公文写作助手：${message}。`));

const settings = new ClientSettingsSync(connection, analysis, () => {
  publisher.schedule();
  scanWorkspaceIfOn();
});

connection.onInitialize((params: InitializeParams): InitializeResult => {
  settings.initialize(params);
  const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  analysis.workspaceFolders = folders.map((uri) => documentPath(uri)).filter((p): p is string => p !== undefined);
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      documentSymbolProvider: { label: '公文结构' },
      foldingRangeProvider: true,
      hoverProvider: true,
      codeActionProvider: { codeActionKinds: CODE_ACTION_KINDS, resolveProvider: false },
      executeCommandProvider: { commands: [RENUMBER_COMMAND, UPDATE_CONFIG_COMMAND, EXPORT_DOCX_COMMAND, ANNOTATE_DOCX_COMMAND] },
      completionProvider: { resolveProvider: false },
    },
    serverInfo: { name: 'gongwen', version: '0.1.0' },
  };
});

connection.onInitialized(() => settings.initialized());
connection.onDidChangeWatchedFiles(() => {
  analysis.resetConfiguration();
  publisher.schedule();
});

/** Documents whose open event has not been followed yet by the content event TextDocuments fires with it. */
const justOpened = new Set<string>();
// A document opened or closed is evidence for the others (a string it uses is meant there too): all are linted again.
documents.onDidOpen((e) => {
  justOpened.add(e.document.uri);
  analysis.noteText(e.document);
  analysis.invalidate();
  publisher.schedule();
});
documents.onDidChangeContent((e) => {
  // Opening a document is not typing: it need not hold up what waits for a pause (the frequencies' first pass).
  if (!justOpened.delete(e.document.uri)) lastChange = Date.now();
  publisher.schedule(e.document.uri);
});
documents.onDidClose((e) => {
  analysis.close(e.document.uri);
  workspaceScan.restore(workspaceIdOf(e.document.uri));
  publisher.clear(e.document.uri);
  analysis.invalidate();
  publisher.schedule();
});

registerRequestHandlers({
  connection,
  documents,
  analysis,
  snippetSupport: () => settings.snippetSupport,
  statisticsSegmenter: () => (segmenter && segmenter.state !== 'failed' ? segmenter : undefined),
  republish: () => publisher.schedule(),
  docxCommand,
  docxText,
});

/** Export (arguments: report URI, output URI) and annotate (.docx URI, output URI, fix); the answer is the message shown. */
async function docxCommand(command: string, args: unknown[]): Promise<{ ok: boolean; message: string }> {
  const [source, output, fix] = args;
  if (typeof source !== 'string' || typeof output !== 'string') return { ok: false, message: '缺少文件参数' };
  try {
    const { config } = effectiveConfig(configFileFor(source.replace(/^gongwen-docx:/, 'file:'), analysis.trusted), analysis.settings, analysis.trusted);
    if (command === EXPORT_DOCX_COMMAND) {
      const document = documents.get(source);
      if (!document) return { ok: false, message: '请先打开要导出的报告' };
      const kind = document.languageId === 'markdown' ? 'markdown' : 'plaintext';
      return { ok: true, message: await exportToDocx(document.getText(), kind, config, output) };
    }
    return { ok: true, message: await annotateToDocx(source, output, fix === true, config, segmenterFor(config.userWords)) };
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
}

// An unexpected error is logged; the user's session goes on.
process.on('uncaughtException', (error) => connection.console.error(`gongwen: ${error.stack ?? error}`));
process.on('unhandledRejection', (error) => connection.console.error(`gongwen: ${String(error)}`));

documents.listen(connection);
connection.listen();

