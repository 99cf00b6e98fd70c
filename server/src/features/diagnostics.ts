import { Connection, Diagnostic, TextDocuments } from '../lsp';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Analysis } from '../analysis';
import { Finding, Severity } from '../engine';
import { problemLimit } from '../settings';
import { sentAsIs } from '../transport';
import { cachedDiagnostic } from './convert';

/**
 * Publishes diagnostics after changes. Changes that arrive together (a burst of keystrokes, a storm of
 * didChange) are coalesced: each document is linted once, at its latest version, after pending I/O.
 */
export class DiagnosticsPublisher {
  private readonly dirty = new Set<string>();
  private scheduled = false;
  private readonly published = new Set<string>();
  /** What was last sent per document: a re-lint of the same version that finds the same is not sent again. */
  private readonly lastSent = new Map<string, { version: number; diagnostics: Diagnostic[] }>();
  /** Documents already told that they are over the size limit (once each, not once per keystroke). */
  private readonly sizeWarned = new Set<string>();
  /** Documents already told that only part of their findings are shown. */
  private readonly limitWarned = new Set<string>();
  /** Called once after the first diagnostics go out (to start the slow segmentation load then). */
  onFirstPublish: () => void = () => {};

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly analysis: Analysis,
  ) {}

  schedule(uri?: string): void {
    if (uri) this.dirty.add(uri);
    else for (const document of this.documents.all()) this.dirty.add(document.uri);
    if (this.scheduled) return;
    this.scheduled = true;
    // A millisecond after the change: requests sent with it (completion after a keystroke, the outline) are
    // answered first, from the section tree alone (Analysis.structure), rather than after every rule has run.
    setTimeout(() => {
      this.scheduled = false;
      const uris = [...this.dirty];
      this.dirty.clear();
      for (const u of uris) this.publish(u);
    }, 1);
  }

  clear(uri: string): void {
    this.dirty.delete(uri);
    this.sizeWarned.delete(uri);
    this.limitWarned.delete(uri);
    this.lastSent.delete(uri);
    if (this.published.delete(uri)) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  private publish(uri: string): void {
    const document = this.documents.get(uri);
    if (!document) return;
    try {
      const result = this.analysis.analyze(document);
      if (!result) {
        this.clear(uri);
        return;
      }
      const first = this.published.size === 0;
      this.published.add(uri);
      const { limit } = problemLimit(this.analysis.settings);
      const shown = mostImportant(result.findings, limit);
      const diagnostics = sentAsIs(shown.map(cachedDiagnostic));
      // Segmentation of the lines just typed usually changes nothing: a second, identical list of
      // thousands of diagnostics for the same version would cost the client as much as the first.
      // (Every new version is always published: clients and tests wait for their version.)
      const last = this.lastSent.get(uri);
      if (last && last.version === document.version && sameDiagnostics(last.diagnostics, diagnostics)) return;
      this.lastSent.set(uri, { version: document.version, diagnostics });
      // The notices go out before the diagnostics they explain: a client (or test) that reacts to this
      // version's diagnostics has them already.
      if (result.structureOnly && !this.sizeWarned.has(uri)) {
        this.sizeWarned.add(uri);
        const size = result.findings.find((f) => f.rule === 'document-size');
        void this.connection.window.showInformationMessage(`公文写作助手：${size?.message ?? '文档过大，只检查标题结构'}。`);
      }
      if (shown.length < result.findings.length && !this.limitWarned.has(uri)) {
        this.limitWarned.add(uri);
        void this.connection.window.showInformationMessage(
          `公文写作助手：本文档共有 ${result.findings.length} 处问题，编辑器只标出最重要的 ${limit} 处（先错误后警告，按在文中的先后）。` +
            '改掉一些后其余的会陆续标出；上限可在设置 gongwen.maxNumberOfProblems 中调整，命令行 gongwen check 列出全部。',
        );
      }
      void this.connection.sendDiagnostics({ uri, version: document.version, diagnostics });
      if (first) this.onFirstPublish();
    } catch (error) {
      // A bug in one rule must not take the server down with the user's document.
      this.connection.console.error(`gongwen: 检查 ${uri} 时出错：${(error as Error).stack ?? error}`);
    }
  }
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };

/**
 * At most `limit` findings (0: all): the most severe ones, the earliest first within a severity, kept in document
 * order. Thousands of diagnostics per keystroke slow the editor down and no one reads them in one sitting.
 */
function mostImportant(findings: readonly Finding[], limit: number): readonly Finding[] {
  if (limit <= 0 || findings.length <= limit) return findings;
  const perRank = [0, 0, 0, 0];
  for (const f of findings) perRank[RANK[f.severity]]++;
  // `rank`: the first severity that does not fit entirely; `room`: how many of it do.
  let rank = 0;
  let room = limit;
  while (perRank[rank] < room) room -= perRank[rank++];
  const kept: Finding[] = [];
  for (const f of findings) {
    const r = RANK[f.severity];
    if (r < rank || (r === rank && room-- > 0)) kept.push(f);
  }
  return kept;
}

/** Equal lists: the same objects mostly (findings of unchanged lines are kept), else the same content. */
function sameDiagnostics(a: readonly Diagnostic[], b: readonly Diagnostic[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i] && JSON.stringify(a[i]) !== JSON.stringify(b[i])) return false;
  }
  return true;
}
