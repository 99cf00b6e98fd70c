import { DEFAULT_CONFIG, ResolvedConfig } from './config';
import type { EngineData } from './data';
import { DocumentKind, ReportDocument, TreeUpdate } from './document';
import type { WorkspaceEvidence } from './evidence';
import { Lexicon } from './lexicon';
import { capPerRule, sortByPosition } from './pipeline/cap';
import { DocumentRuleStage } from './pipeline/documentRules';
import { KeyCounts } from './pipeline/keyCounts';
import { LineCache } from './pipeline/lineCache';
import { checkLines } from './pipeline/lineRules';
import { ParseStage } from './pipeline/parse';
import { placeFindings } from './pipeline/place';
import { RuleEnvironment, RuleSet } from './pipeline/rules';
import { linesToCheck } from './pipeline/segment';
import { ALL_RULES } from './rules';
import { Rule } from './rules/rule';
import { Segmenter } from './segmentation';
import { applySuppressions } from './suppressions';
import { Finding, range } from './types';

export { LONG_DOCUMENT } from './pipeline/place';
export { MAX_SEGMENTED_LINE } from './pipeline/segment';

export interface LintEnvironment {
  config?: ResolvedConfig;
  segmenter?: Segmenter;
  rules?: readonly Rule[];
  /** The document's key in the configuration's `files` map (see fileKeyFor), for per-file switches. */
  fileKey?: string;
  /** Word frequencies for rules with `needsLexicon`: a lexicon, or a getter while it is still loading. */
  lexicon?: Lexicon | (() => Lexicon | undefined);
  /** The data tables the host loads (pinyin, shapes, known words, snippets), handed to the rules. */
  data?: EngineData;
  /**
   * The other documents of the workspace (or a getter: a host may turn it on and off): a suspected typo whose
   * written string another document uses is a name or a coinage (engine/evidence.ts).
   */
  workspace?: WorkspaceEvidence | (() => WorkspaceEvidence | undefined);
}

/**
 * The findings of one lint, in document order.
 *
 * Identity contract: from one `lint` of a Linter to the next, a finding that did not change is the *same
 * object* — the findings of lines that kept their text and their number, and those of document rules that
 * were not run again (`reuse`) or whose lines did not move. Callers key caches on finding objects (the LSP
 * diagnostics in features/convert.ts, their JSON in transport.ts, the "same list" test in
 * features/diagnostics.ts); do not copy findings to change them. (Tested in test/engine/identity.test.ts.)
 */
export type LintFindings = readonly Readonly<Finding>[];

export interface LintResult {
  document: ReportDocument;
  /** See LintFindings for the identity contract. */
  findings: LintFindings;
  /** Lines whose segmentation-based rules were skipped because segmentation was not ready. */
  segmentationPending: boolean;
  /** True when the document was over the size limit and got structure checks only. */
  structureOnly: boolean;
}

/**
 * Lints one document again and again as it changes, as a pipeline of stages (engine/pipeline/): parse →
 * carry the line results over the change → segment → line rules → place and corroborate → document rules
 * → suppress → cap. Line-rule results are kept per line (LineCache), so an edit re-checks only the lines it
 * touched; document rules run every time, except those that read only headings and items when the edit
 * left them alone (`reuse`).
 */
export class Linter {
  private readonly config: ResolvedConfig;
  private readonly segmenter?: Segmenter;
  private readonly fileKey?: string;
  private readonly lexiconSource?: Lexicon | (() => Lexicon | undefined);
  private readonly workspaceSource?: WorkspaceEvidence | (() => WorkspaceEvidence | undefined);
  /** What the rules' contexts carry from the environment. */
  private readonly environment: RuleEnvironment;
  private readonly rules: RuleSet;
  private readonly parses = new ParseStage();
  private readonly lineCache: LineCache;
  private readonly keyCounts = new KeyCounts();
  private readonly documentRules: DocumentRuleStage;

  constructor(environment: LintEnvironment = {}) {
    this.config = environment.config ?? DEFAULT_CONFIG;
    this.segmenter = environment.segmenter;
    this.fileKey = environment.fileKey;
    this.lexiconSource = environment.lexicon;
    this.workspaceSource = environment.workspace;
    this.environment = { config: this.config, data: environment.data };
    this.rules = new RuleSet(environment.rules ?? ALL_RULES, this.config);
    this.lineCache = new LineCache(this.rules.needsSegmentation);
    this.documentRules = new DocumentRuleStage(this.rules, this.environment);
  }

  /**
   * The document model (lines, section tree) of `text` without running any rule: what outline, folding and
   * completion need right after a keystroke. The next `lint` of the same text takes the parse over.
   */
  structure(text: string, kind: DocumentKind = 'plaintext'): ReportDocument {
    return this.parses.ahead(text, kind);
  }

  lint(text: string, kind: DocumentKind = 'plaintext'): LintResult {
    const { document, change, treeUpdate } = this.parses.take(text, kind);
    if (text.length > this.config.maxDocumentChars) return this.lintStructureOnly(text, document, treeUpdate);
    const pass = this.lineCache.begin(document, change);
    this.keyCounts.begin(pass.oldLines, document.lines, change);
    const toCheck = linesToCheck(pass, this.rules, this.segmenter, this.lexicon());
    checkLines(toCheck, this.rules, this.environment, kind === 'markdown');
    const segmentationPending = this.lineCache.finish(pass);
    const workspace = typeof this.workspaceSource === 'function' ? this.workspaceSource() : this.workspaceSource;
    const lineFindings = placeFindings(pass, text, this.keyCounts, workspace);
    const wordsReady = !segmentationPending && this.segmenter !== undefined;
    const documentFindings = this.documentRules.run(document, treeUpdate, wordsReady ? pass : undefined);
    const findings = this.suppressAndCap(lineFindings.concat(documentFindings), text, document);
    return { document, findings, segmentationPending, structureOnly: false };
  }

  /** A document over the size limit: its structure rules only, and a notice. */
  private lintStructureOnly(text: string, document: ReportDocument, treeUpdate: TreeUpdate | undefined): LintResult {
    this.lineCache.clear();
    this.keyCounts.clear();
    const notice: Finding = {
      rule: 'document-size',
      severity: 'information',
      message: `文档超过 ${this.config.maxDocumentChars.toLocaleString('en-US')} 字符，只检查标题结构（可在配置 maxDocumentChars 中调整）`,
      range: range(0, 0, 0),
      fixes: [],
    };
    const findings = this.suppressAndCap([notice].concat(this.documentRules.run(document, treeUpdate, undefined)), text, document);
    return { document, findings, segmentationPending: false, structureOnly: true };
  }

  /** The suppress and cap stages, in that order: suppressed findings do not use up a rule's shown findings. */
  private suppressAndCap(findings: Finding[], text: string, document: ReportDocument): Finding[] {
    return capPerRule(applySuppressions(sortByPosition(findings), document, this.config, this.fileKey, text));
  }

  /** The lexicon, when a line rule reads it and it is there. */
  private lexicon(): Lexicon | undefined {
    if (this.lexiconSource === undefined || !this.rules.needsLexicon) return undefined;
    return typeof this.lexiconSource === 'function' ? this.lexiconSource() : this.lexiconSource;
  }
}
