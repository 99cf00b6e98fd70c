// The gongwen language server of the web extension (package.json "browser"): the same Analysis and LSP
// feature files as server/src/server.ts, in a web worker started by client/src/browserExtension.ts
// (vscode-languageserver/browser, messages over postMessage). What differs from the Node server: the data
// tables and the dictionaries come over fetch (files.ts, data.ts), segmentation is the WebAssembly build in
// this worker (segmenter.ts), and what needs a disk (.gongwenrc.json, Word files) says so instead.
import {
  BrowserMessageReader,
  BrowserMessageWriter,
  createConnection,
  InitializeParams,
  InitializeResult,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver/browser';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Analysis } from '../analysis';
import { CODE_ACTION_KINDS } from '../features/codeActions';
import { SNIPPET_FILES } from '../features/completion';
import { registerRequestHandlers } from '../features/requests';
import { ANNOTATE_DOCX_COMMAND, EXPORT_DOCX_COMMAND, RENUMBER_COMMAND, UPDATE_CONFIG_COMMAND } from '../protocol';
import { DiagnosticsPublisher } from '../features/diagnostics';
import { DEFAULT_SETTINGS } from '../settings';
import { ClientSettingsSync, InitializationOptions } from '../features/clientSettings';
import { loadBrowserEngineData, sharedEngineData } from './data';
import { FileReader, fileReader, READ_EXTENSION_FILE_REQUEST } from './files';
import { BrowserSegmenter } from './segmenter';
import type { NodejiebaFactory } from '../segmentation/wasmJieba';
// The emscripten glue, bundled into this worker's script (the .wasm itself is fetched).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const createNodejieba = require('../../wasm/nodejieba.js') as NodejiebaFactory;

/** The name the server gives in initialize (the Node server's is gongwen). */
export const BROWSER_SERVER_NAME = 'gongwen-web';
const NO_DOCX = '网页版不能读写 Word 文件（.docx）：请在桌面版 VS Code 中使用，或用命令行 gongwen check';

interface WorkerScope {
  postMessage(message: unknown): void;
  addEventListener(type: string, listener: (event: unknown) => void): void;
}
/** What the end-to-end test reads from the worker: which server it runs, how far it got, how files arrived. */
const status = { kind: 'browser', phase: 'started', filesVia: [] as string[], segmenter: 'idle', error: '', published: {} as Record<string, number>, messages: [] as string[] };
const scope = globalThis as unknown as WorkerScope & { gongwenServer?: typeof status };
scope.gongwenServer = status;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const connection = createConnection(new BrowserMessageReader(scope as any), new BrowserMessageWriter(scope as any));
const documents = new TextDocuments(TextDocument);
// The status records what was published and shown (the last messages only), for the test to read.
{
  const send = connection.sendDiagnostics.bind(connection);
  connection.sendDiagnostics = (params) => {
    status.published[params.uri] = params.diagnostics.length;
    return send(params);
  };
  for (const kind of ['showWarningMessage', 'showInformationMessage', 'showErrorMessage'] as const) {
    const show = connection.window[kind].bind(connection.window) as (message: string) => Promise<unknown>;
    (connection.window as unknown as Record<string, (message: string) => Promise<unknown>>)[kind] = (message) => {
      status.messages = [...status.messages.slice(-19), message];
      return show(message);
    };
  }
}

let files: FileReader | undefined;
let segmenter: BrowserSegmenter | undefined;
let segmenterWords = '';
let segmentationWarned = false;
let wantSegmentation = false;
let lastChange = 0;
const QUIET_MS = 400;

function whenQuiet(run: () => void): void {
  const wait = lastChange + QUIET_MS - Date.now();
  if (wait <= 0) run();
  else setTimeout(() => whenQuiet(run), wait);
}

/** One segmenter for the user words in force; a change of words loads a new one. */
function segmenterFor(userWords: readonly string[]): BrowserSegmenter | undefined {
  if (!files) return undefined;
  const key = userWords.join('\n');
  if (segmenter && key === segmenterWords) return segmenter;
  segmenter?.dispose();
  segmenterWords = key;
  segmenter = new BrowserSegmenter(
    createNodejieba,
    files.read,
    userWords,
    () => {
      analysis.invalidate();
      publishWhenReady();
    },
    (state, detail) => {
      status.segmenter = state;
      if (state === 'failed') status.error = detail ?? '';
      if (state === 'ready') connection.console.info(`gongwen: 分词词典已加载（${detail}）`);
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

/**
 * The data tables arrive after initialize (through the client, whose handlers are installed only once
 * initialize is answered) or during it (over fetch): diagnostics and requests wait for them, since the
 * rules and completion read them synchronously.
 */
let markDataReady: () => void = () => {};
const dataReady = new Promise<void>((resolve) => (markDataReady = resolve));
let dataLoading = false;

async function loadData(): Promise<void> {
  if (dataLoading || !files) return;
  dataLoading = true;
  const started = Date.now();
  status.phase = 'loading data';
  await loadBrowserEngineData(files.read, Object.values(SNIPPET_FILES));
  status.phase = 'ready';
  status.filesVia = [...files.via];
  connection.console.info(`gongwen: 网页版语言服务器已启动（Web Worker；数据经 ${status.filesVia.join('、')} 读取，${Date.now() - started} ms）`);
  analysis.resetConfiguration();
  markDataReady();
}

function publishWhenReady(uri?: string): void {
  void dataReady.then(() => publisher.schedule(uri));
}

const analysis = new Analysis(DEFAULT_SETTINGS, segmenterFor);
const publisher = new DiagnosticsPublisher(connection, documents, analysis);
publisher.onFirstPublish = () => {
  wantSegmentation = true;
  setTimeout(() => segmenter?.start(), 0);
};
analysis.onConfigProblems = (problems) => {
  void connection.window.showWarningMessage(`公文写作助手的配置有误，已按默认值处理有问题的部分：${problems.join('；')}`);
};
sharedEngineData((message) => void connection.window.showWarningMessage(`公文写作助手：${message}。`));

const settings = new ClientSettingsSync(connection, analysis, () => publishWhenReady());

connection.onInitialize(async (params: InitializeParams): Promise<InitializeResult> => {
  const started = Date.now();
  const options = settings.initialize<InitializationOptions & { extensionUri?: string }>(params);
  // No workspace folder paths: the web extension writes no .gongwenrc.json (configActions offers nothing).
  analysis.workspaceFolders = [];
  const base = options.extensionUri === undefined ? undefined : options.extensionUri.replace(/\/?$/, '/');
  files = fileReader(base, (path) => connection.sendRequest(READ_EXTENSION_FILE_REQUEST, { path }));
  // Over fetch the tables come before the first answer; through the client, once it listens (initialized).
  if (base && /^https?:/i.test(base)) await loadData();
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
    serverInfo: { name: BROWSER_SERVER_NAME, version: '0.1.0' },
  };
});

connection.onInitialized(() => {
  void loadData();
  settings.initialized();
});

// A document opened or closed is evidence for the others (engine/evidence.ts; the open documents are this
// server's whole workspace): all are linted again.
documents.onDidOpen((e) => {
  analysis.noteText(e.document);
  analysis.invalidate();
  publishWhenReady();
});
documents.onDidChangeContent((e) => {
  lastChange = Date.now();
  publishWhenReady(e.document.uri);
});
documents.onDidClose((e) => {
  analysis.close(e.document.uri);
  publisher.clear(e.document.uri);
  analysis.invalidate();
  publishWhenReady();
});

registerRequestHandlers({
  connection,
  documents,
  analysis,
  snippetSupport: () => settings.snippetSupport,
  statisticsSegmenter: () => (segmenter && segmenter.state !== 'failed' ? segmenter : undefined),
  republish: () => publishWhenReady(),
  docxCommand: () => ({ ok: false, message: NO_DOCX }),
  docxText: () => ({ error: NO_DOCX }),
  ready: dataReady,
});

// An unexpected error is logged; the user's session goes on.
scope.addEventListener('error', (event) => connection.console.error(`gongwen: ${String((event as { message?: string }).message ?? event)}`));
scope.addEventListener('unhandledrejection', (event) => connection.console.error(`gongwen: ${String((event as { reason?: unknown }).reason)}`));

documents.listen(connection);
connection.listen();
