import { TextDocument } from 'vscode-languageserver-textdocument';
import { applyEdits, DocumentKind, fixAll, Lexicon, Linter, LintResult, replacementEdit, ReportDocument, ResolvedConfig, safeFixEdits, Segmenter, TextEdit, WorkspaceTexts } from './engine';
import { isHanUnit, isLatinCode } from './engine/chars';
import { fileKeyFor } from './host/configFile';
import { sharedEngineData } from './host/data';
import { ClientSettings, configFileFor, documentPath, effectiveConfig, fileStamp, workspaceEvidenceOn } from './settings';

interface Entry {
  linter: Linter;
  config: ResolvedConfig;
  segmenter?: Segmenter;
  /** The document's key in the configuration's per-file switches. */
  fileKey?: string;
  configKey: string;
  version: number;
  result?: LintResult;
}

/** Plain text and Markdown get support only when they are mostly Chinese. */
export function isMostlyChinese(text: string): boolean {
  const sample = text.length > 20_000 ? text.slice(0, 10_000) + text.slice(-10_000) : text;
  let han = 0;
  let latin = 0;
  for (let i = 0; i < sample.length; i++) {
    // A surrogate pair counts once: by its high half (isHanUnit), never its low half.
    const c = sample.charCodeAt(i);
    if (isHanUnit(c)) han++;
    else if (isLatinCode(c)) latin++;
  }
  // Latin letters come in words of ~5; weigh them so that half Chinese text by meaning counts.
  return han > 0 && han >= latin / 5;
}

/** A document's id among the workspace's texts: its file path (as a scan of the folders finds it), else its URI. */
export function workspaceIdOf(uri: string): string {
  return documentPath(uri) ?? uri;
}

export function documentKind(languageId: string): DocumentKind {
  return languageId === 'markdown' ? 'markdown' : 'plaintext';
}

/**
 * The server's view of the open documents: one incremental linter per document, the latest result
 * per version, and the configuration that applies to each.
 */
export class Analysis {
  private readonly entries = new Map<string, Entry>();
  settings: ClientSettings;
  trusted = true;
  /** File-system paths of the workspace folders (from initialize), where a new .gongwenrc.json goes. */
  workspaceFolders: string[] = [];
  /**
   * The texts of the workspace's documents: the open ones by their live text (set here when they are linted),
   * the others as a background scan read them (features/workspaceEvidence.ts; the browser server has none).
   */
  readonly workspace = new WorkspaceTexts();
  /** Called with Chinese messages about a broken configuration (once per distinct problem). */
  onConfigProblems: (problems: string[]) => void = () => {};
  private readonly reportedProblems = new Set<string>();

  constructor(
    settings: ClientSettings,
    private readonly segmenterFor: (userWords: readonly string[]) => (Segmenter & { readonly lexicon?: Lexicon }) | undefined,
  ) {
    this.settings = settings;
  }

  supports(document: TextDocument): boolean {
    if (!this.settings.languages.includes(document.languageId)) return false;
    if (document.languageId === 'gongwen') return true;
    return isMostlyChinese(document.getText());
  }

  /** The lint result for the document's current version (computed at most once per version). */
  analyze(document: TextDocument): LintResult | undefined {
    if (!this.supports(document)) {
      this.entries.delete(document.uri);
      return undefined;
    }
    const entry = this.entryFor(document);
    if (entry.result && entry.version === document.version) return entry.result;
    const text = document.getText();
    if (workspaceEvidenceOn(this.settings)) this.workspace.set(workspaceIdOf(document.uri), text);
    entry.result = entry.linter.lint(text, documentKind(document.languageId));
    entry.version = document.version;
    return entry.result;
  }

  /**
   * The document model of the current version, linted or not: outline, folding and completion need only the
   * section tree, and right after a keystroke they should not wait for every rule (the lint then reuses the parse).
   */
  structure(document: TextDocument): ReportDocument | undefined {
    if (!this.supports(document)) return undefined;
    const entry = this.entryFor(document);
    if (entry.result && entry.version === document.version) return entry.result.document;
    return entry.linter.structure(document.getText(), documentKind(document.languageId));
  }

  /**
   * Fix-all: every safe fix, re-checked until nothing changes (with a fresh linter, so that the document's
   * own cache keeps following the document). Applying the edits gives a text fix-all leaves unchanged.
   */
  fixAllEdits(document: TextDocument): TextEdit[] {
    const result = this.analyze(document);
    const entry = this.entries.get(document.uri);
    if (!result || !entry) return [];
    const text = document.getText();
    const fixed = fixAll(new Linter({ config: entry.config, segmenter: entry.segmenter, fileKey: entry.fileKey }), text, documentKind(document.languageId));
    if (fixed.text === text) return [];
    // Usually one round does it: then the fixes' own edits, which keep the editor's cursor and marks in place.
    const firstRound = safeFixEdits(result.findings);
    const once = applyEdits(text, firstRound);
    if (once.applied === firstRound.length && once.text === fixed.text) return firstRound;
    const edit = replacementEdit(text, fixed.text);
    return edit ? [edit] : [];
  }

  /** Results are stale once segmentation has new words; the next `analyze` re-lints (cheaply). */
  invalidate(uri?: string): void {
    for (const [key, entry] of this.entries) if (!uri || key === uri) entry.result = undefined;
  }

  /** Forgets linters (and their caches) so that the next analysis reads the configuration again. */
  resetConfiguration(): void {
    this.entries.clear();
    this.reportedProblems.clear();
  }

  /**
   * The document's live text is evidence for the other documents: set when it opens, before any document is
   * linted again, and whenever it is linted (a document the checker does not support is none).
   */
  noteText(document: TextDocument): void {
    if (workspaceEvidenceOn(this.settings) && this.supports(document)) this.workspace.set(workspaceIdOf(document.uri), document.getText());
  }

  /** A closed document's live text is no longer evidence (a scan that read it from disk reads it again). */
  close(uri: string): void {
    this.entries.delete(uri);
    this.workspace.delete(workspaceIdOf(uri));
  }

  lastResult(uri: string): LintResult | undefined {
    return this.entries.get(uri)?.result;
  }

  private entryFor(document: TextDocument): Entry {
    const existing = this.entries.get(document.uri);
    const file = configFileFor(document.uri, this.trusted);
    const configKey = fileStamp(file);
    if (existing && existing.configKey === configKey) return existing;
    const { config, problems } = effectiveConfig(file, this.settings, this.trusted);
    const fresh = problems.filter((p) => !this.reportedProblems.has(p));
    fresh.forEach((p) => this.reportedProblems.add(p));
    if (fresh.length) this.onConfigProblems(fresh);
    const segmenter = this.segmenterFor(config.userWords);
    const fsPath = documentPath(document.uri);
    const fileKey = file && fsPath ? fileKeyFor(file, fsPath) : undefined;
    const evidence = this.workspace.except(workspaceIdOf(document.uri));
    const workspace = () => (workspaceEvidenceOn(this.settings) ? evidence : undefined);
    const linter = new Linter({ config, segmenter, lexicon: () => segmenter?.lexicon, data: sharedEngineData(), fileKey, workspace });
    const entry: Entry = { linter, config, segmenter, fileKey, configKey, version: -1 };
    this.entries.set(document.uri, entry);
    return entry;
  }
}
