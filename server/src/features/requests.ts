// The request and command handlers of both servers (server.ts in Node, browser/server.ts in a web worker):
// each answers from the Analysis, and an exception becomes an empty answer, never a dead server.
import type { Connection, TextDocuments } from '../lsp';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../analysis';
import type { Segmenter } from '../engine';
import { ANNOTATE_DOCX_COMMAND, DOCX_TEXT_REQUEST, EXPORT_DOCX_COMMAND, RENUMBER_COMMAND, STATISTICS_REQUEST, StatisticsParams, UPDATE_CONFIG_COMMAND } from '../protocol';
import { codeActions, renumberDocumentEdits } from './codeActions';
import { completion } from './completion';
import { executeConfigCommand } from './configActions';
import { documentSymbols } from './documentSymbols';
import { foldingRanges } from './foldingRanges';
import { hover } from './hover';
import { statistics } from './statistics';

type DocxAnswer = { ok: boolean; message: string };

export interface RequestHost {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  analysis: Analysis;
  /** Whether the client accepts snippet completions (from initialize). */
  snippetSupport(): boolean;
  /** The segmenter for word counts, when it works. */
  statisticsSegmenter(): Segmenter | undefined;
  /** Publishes diagnostics again (after a configuration command). */
  republish(): void;
  /** Export and annotate (.docx); the answer is the message the client shows. */
  docxCommand(command: string, args: unknown[]): DocxAnswer | Promise<DocxAnswer>;
  docxText(uri: string): { text?: string; error?: string };
  /** Awaited before any answer (the web server's data tables arrive after initialize). */
  ready?: Promise<void>;
}

export function registerRequestHandlers(host: RequestHost): void {
  const { connection, documents, analysis } = host;

  function answer<P, R>(empty: R, document: TextDocument | undefined, handler: (document: TextDocument, params: P) => R, params: P): R {
    if (!document) return empty;
    try {
      return handler(document, params);
    } catch (error) {
      connection.console.error(`gongwen: ${(error as Error).stack ?? error}`);
      return empty;
    }
  }
  // Without `ready` the answer is given synchronously, in the order the requests came.
  function guarded<P extends { textDocument: { uri: string } }, R>(empty: R, handler: (document: TextDocument, params: P) => R) {
    const { ready } = host;
    if (!ready) return (params: P): R => answer(empty, documents.get(params.textDocument.uri), handler, params);
    return async (params: P): Promise<R> => {
      await ready;
      return answer(empty, documents.get(params.textDocument.uri), handler, params);
    };
  }

  connection.onDocumentSymbol(guarded([], (document) => {
    const report = analysis.structure(document);
    return report ? documentSymbols(report.root) : [];
  }));
  connection.onFoldingRanges(guarded([], (document) => {
    const report = analysis.structure(document);
    return report ? foldingRanges(report.root) : [];
  }));
  connection.onHover(guarded(null, (document, params) => hover(document, params, analysis)));
  connection.onCompletion(guarded({ isIncomplete: false, items: [] }, (document, params) => completion(document, params, analysis, host.snippetSupport())));
  connection.onCodeAction(guarded([], (document, params) => codeActions(document, params, analysis)));

  connection.onExecuteCommand(async (params) => {
    await host.ready;
    if (params.command === UPDATE_CONFIG_COMMAND) {
      const problem = executeConfigCommand(params.arguments, analysis);
      if (problem) void connection.window.showWarningMessage(`公文写作助手：${problem}`);
      host.republish();
      return;
    }
    if (params.command === EXPORT_DOCX_COMMAND || params.command === ANNOTATE_DOCX_COMMAND) return host.docxCommand(params.command, params.arguments ?? []);
    if (params.command !== RENUMBER_COMMAND) return;
    const uri = params.arguments?.[0];
    const document = typeof uri === 'string' ? documents.get(uri) : undefined;
    if (!document) return;
    const edits = renumberDocumentEdits(document, analysis);
    if (edits.length === 0) {
      void connection.window.showInformationMessage('标题与序次语编号已经连续，无需重新编号。');
      return;
    }
    await connection.workspace.applyEdit({ label: '全文重新编号', edit: { changes: { [uri]: edits } } });
  });

  const statisticsOf = guarded(null, (document) => statistics(document, analysis, host.statisticsSegmenter()));
  connection.onRequest(STATISTICS_REQUEST, (params: StatisticsParams) => statisticsOf({ textDocument: { uri: params.uri } }));
  connection.onRequest(DOCX_TEXT_REQUEST, (params: { uri: string }) => host.docxText(String(params?.uri ?? '')));
}
