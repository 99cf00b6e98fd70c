import { GenerationalCache } from './cache';
import { DEFAULT_CONFIG, ResolvedConfig, RuleSetting, ruleSeverity } from './config';
import { DocumentKind, DocumentParser, ReportDocument } from './document';
import { ALL_RULES } from './rules';
import { DocumentRule, LineFinding, LineRule, Rule, RuleOptions } from './rules/rule';
import { Segmenter, Token, toTokens } from './segmentation';
import { applySuppressions } from './suppressions';
import { Finding, Fix, range, Severity } from './types';

export interface LintEnvironment {
  config?: ResolvedConfig;
  segmenter?: Segmenter;
  rules?: readonly Rule[];
  /** The document's key in the configuration's `files` map (see fileKeyFor), for per-file switches. */
  fileKey?: string;
}

export interface LintResult {
  document: ReportDocument;
  findings: Finding[];
  /** Lines whose segmentation-based rules were skipped because segmentation was not ready. */
  segmentationPending: boolean;
  /** True when the document was over the size limit and got structure checks only. */
  structureOnly: boolean;
}

interface ActiveRule<R extends Rule> {
  rule: R;
  severity: Severity;
  /** The user set the severity; it then overrides what individual findings say. */
  userSeverity: boolean;
  options: RuleOptions;
}

interface CachedLine {
  findings: (LineFinding & { rule: string; severity: Severity })[];
  /** Whether the segmentation-based rules ran for this line. */
  segmented: boolean;
  /** The line's word tokens, kept for document rules that read them. */
  tokens?: Token[];
}

/**
 * Lints one document again and again as it changes. Line rules are cached by line text, so an edit
 * re-checks only the lines it touched; document rules (the section tree) run every time.
 */
export class Linter {
  private readonly parser = new DocumentParser();
  private readonly lineCache = new GenerationalCache<CachedLine>();
  private readonly config: ResolvedConfig;
  private readonly segmenter?: Segmenter;
  private readonly lineRules: ActiveRule<LineRule>[] = [];
  private readonly documentRules: ActiveRule<DocumentRule>[] = [];
  private readonly needsSegmentation: boolean;
  private readonly fileKey?: string;

  constructor(environment: LintEnvironment = {}) {
    this.config = environment.config ?? DEFAULT_CONFIG;
    this.segmenter = environment.segmenter;
    this.fileKey = environment.fileKey;
    for (const rule of environment.rules ?? ALL_RULES) {
      const setting: RuleSetting | undefined = this.config.rules[rule.id];
      const severity = ruleSeverity(setting, rule.defaultSeverity, rule.enabledByDefault !== false);
      if (severity === 'off') continue;
      const options: RuleOptions = typeof setting === 'object' ? setting : {};
      const userSeverity = typeof setting === 'string' || (typeof setting === 'object' && setting.severity !== undefined);
      if (rule.scope === 'line') this.lineRules.push({ rule, severity, userSeverity, options });
      else this.documentRules.push({ rule, severity, userSeverity, options });
    }
    this.needsSegmentation =
      this.lineRules.some((r) => r.rule.needsSegmentation || r.rule.usesSegmentation) || this.documentRules.some((r) => r.rule.needsSegmentation);
  }

  lint(text: string, kind: DocumentKind = 'plaintext'): LintResult {
    const document = this.parser.parse(text, kind);
    const structureOnly = text.length > this.config.maxDocumentChars;
    const findings: Finding[] = [];
    let segmentationPending = false;
    const lineTokens = new Map<number, Token[]>();
    if (!structureOnly) {
      const { lines, lineInfos, ignoredLines } = document;
      const markdown = kind === 'markdown';
      const prefix = markdown ? 'm' : 'p';
      for (let i = 0; i < lines.length; i++) {
        const info = lineInfos[i];
        if (info.blank || ignoredLines.has(i)) continue;
        const line = lines[i];
        const key = prefix + line;
        let cached = this.lineCache.get(key);
        if (!cached || (!cached.segmented && this.needsSegmentation && this.segmenter)) {
          const words = this.needsSegmentation ? this.segmenter?.cut(line) : undefined;
          if (!cached || words) cached = this.checkLine(line, info, markdown, words ? toTokens(line, words) : undefined);
          this.lineCache.set(key, cached);
        }
        if (!cached.segmented && this.needsSegmentation) segmentationPending = true;
        if (cached.tokens) lineTokens.set(i, cached.tokens);
        for (const f of cached.findings) {
          findings.push({
            rule: f.rule,
            severity: f.severity,
            message: f.message,
            range: range(i, f.start, f.end),
            fixes: (f.fixes ?? []).map((fix) => lineFixToFix(fix, i)),
          });
        }
      }
      this.lineCache.endPass();
    } else {
      findings.push({
        rule: 'document-size',
        severity: 'information',
        message: `文档超过 ${this.config.maxDocumentChars.toLocaleString('en-US')} 字符，只检查标题结构（可在配置 maxDocumentChars 中调整）`,
        range: range(0, 0, 0),
        fixes: [],
      });
    }
    for (const { rule, severity, userSeverity, options } of this.documentRules) {
      // Rules that read words wait until every line is segmented (the server lints again then).
      if (rule.needsSegmentation && (structureOnly || segmentationPending || !this.segmenter)) continue;
      const tokens = rule.needsSegmentation ? (line: number) => lineTokens.get(line) : undefined;
      for (const f of rule.check({ document, options, tokens, config: this.config })) {
        findings.push({ rule: rule.id, severity: userSeverity ? severity : f.severity ?? severity, message: f.message, range: f.range, fixes: f.fixes ?? [] });
      }
    }
    findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    return { document, findings: applySuppressions(findings, document, this.config, this.fileKey), segmentationPending, structureOnly };
  }

  private checkLine(line: string, info: ReportDocument['lineInfos'][number], markdown: boolean, tokens: Token[] | undefined): CachedLine {
    const findings: CachedLine['findings'] = [];
    for (const { rule, severity, userSeverity, options } of this.lineRules) {
      if (rule.needsSegmentation && !tokens) continue;
      const withTokens = rule.needsSegmentation || rule.usesSegmentation;
      for (const f of rule.check({ text: line, info, markdown, tokens: withTokens ? tokens : undefined, options, config: this.config })) {
        // A finding's own severity refines the rule's default; a user's setting overrides both.
        findings.push({ ...f, rule: rule.id, severity: userSeverity ? severity : f.severity ?? severity });
      }
    }
    return { findings, segmented: tokens !== undefined || !this.needsSegmentation, tokens };
  }
}

function lineFixToFix(fix: NonNullable<LineFinding['fixes']>[number], line: number): Fix {
  return {
    title: fix.title,
    safe: fix.safe,
    edits: fix.edits.map((e) => ({ range: range(line, e.start, e.end), newText: e.newText })),
  };
}
