import { DEFAULT_CONFIG, ResolvedConfig, RuleSetting, ruleSeverity } from './config';
import { DocumentKind, DocumentParser, ReportDocument } from './document';
import { carryOver } from './lineDiff';
import { ALL_RULES } from './rules';
import { Lexicon } from './lexicon';
import { DocumentRule, LineFinding, LineRule, MAX_FINDINGS_PER_RULE, Rule, RuleOptions } from './rules/rule';
import { Segmenter, Token, toTokens } from './segmentation';
import { applySuppressions } from './suppressions';
import { Finding, Fix, range, Severity } from './types';

/** Lines longer than this are not segmented (jieba needs ~1 s per MB; a real paragraph is far shorter). */
export const MAX_SEGMENTED_LINE = 20_000;
/** From this many characters on, a document is long enough for document-level corroboration. */
export const LONG_DOCUMENT = 2_000;

/** Whether `key` occurs at least twice in `text` (memoised per lint pass). */
function occursTwice(text: string, key: string, memo: Map<string, boolean>): boolean {
  let twice = memo.get(key);
  if (twice === undefined) {
    const first = text.indexOf(key);
    twice = first >= 0 && text.indexOf(key, first + 1) >= 0;
    memo.set(key, twice);
  }
  return twice;
}

/** Whether `word` occurs at least `times` times in `text`. */
function occurs(text: string, word: string, times: number, memo: Map<string, number>): boolean {
  let count = memo.get(word);
  if (count === undefined) {
    count = 0;
    for (let at = text.indexOf(word); at >= 0 && count < 8; at = text.indexOf(word, at + word.length)) count++;
    memo.set(word, count);
  }
  return count >= times;
}

/** Keeps the first MAX_FINDINGS_PER_RULE findings of each rule (sorted input) and says once where it stopped. */
function capPerRule(findings: Finding[]): Finding[] {
  if (findings.length <= MAX_FINDINGS_PER_RULE) return findings;
  const counts = new Map<string, number>();
  const shown: Finding[] = [];
  for (const f of findings) {
    const n = (counts.get(f.rule) ?? 0) + 1;
    counts.set(f.rule, n);
    if (n <= MAX_FINDINGS_PER_RULE) shown.push(f);
    else if (n === MAX_FINDINGS_PER_RULE + 1) {
      shown.push({
        rule: f.rule,
        severity: 'information',
        message: `此规则在本文档中发现的问题超过 ${MAX_FINDINGS_PER_RULE} 处，此处之后不再逐一列出`,
        range: f.range,
        fixes: [],
      });
    }
  }
  return shown;
}

export interface LintEnvironment {
  config?: ResolvedConfig;
  segmenter?: Segmenter;
  rules?: readonly Rule[];
  /** The document's key in the configuration's `files` map (see fileKeyFor), for per-file switches. */
  fileKey?: string;
  /** Word frequencies for rules with `needsLexicon`: a lexicon, or a getter while it is still loading. */
  lexicon?: Lexicon | (() => Lexicon | undefined);
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
  /** Whether the lexicon-based rules ran for this line. */
  withLexicon: boolean;
}

/**
 * Lints one document again and again as it changes. Line-rule results are kept per line and carried
 * over each change (lineDiff.ts), so an edit re-checks only the lines it touched; document rules (the section tree) run every time.
 */
export class Linter {
  private readonly parser = new DocumentParser();
  /** Per-line results of the previous lint, aligned with its lines. */
  private previous?: { kind: DocumentKind; lines: readonly string[]; results: (CachedLine | undefined)[] };
  private readonly config: ResolvedConfig;
  private readonly segmenter?: Segmenter;
  private readonly lineRules: ActiveRule<LineRule>[] = [];
  private readonly documentRules: ActiveRule<DocumentRule>[] = [];
  private readonly needsSegmentation: boolean;
  /** Rules whose keyed findings are dropped when the key recurs in the document. */
  private readonly uniqueKeyRules = new Set<string>();
  private readonly fileKey?: string;
  private readonly needsLexicon: boolean;
  private readonly lexiconSource?: Lexicon | (() => Lexicon | undefined);

  constructor(environment: LintEnvironment = {}) {
    this.config = environment.config ?? DEFAULT_CONFIG;
    this.segmenter = environment.segmenter;
    this.fileKey = environment.fileKey;
    this.lexiconSource = environment.lexicon;
    for (const rule of environment.rules ?? ALL_RULES) {
      const setting: RuleSetting | undefined = this.config.rules[rule.id];
      const severity = ruleSeverity(setting, rule.defaultSeverity, rule.enabledByDefault !== false);
      if (severity === 'off') continue;
      const options: RuleOptions = typeof setting === 'object' ? setting : {};
      const userSeverity = typeof setting === 'string' || (typeof setting === 'object' && setting.severity !== undefined);
      if (rule.scope === 'line') {
        this.lineRules.push({ rule, severity, userSeverity, options });
        if (rule.recurringKeysAllowed === false) this.uniqueKeyRules.add(rule.id);
      }
      else this.documentRules.push({ rule, severity, userSeverity, options });
    }
    this.needsSegmentation =
      this.lineRules.some((r) => r.rule.needsSegmentation || r.rule.usesSegmentation) || this.documentRules.some((r) => r.rule.needsSegmentation);
    this.needsLexicon = this.lexiconSource !== undefined && this.lineRules.some((r) => r.rule.needsLexicon);
  }

  lint(text: string, kind: DocumentKind = 'plaintext'): LintResult {
    const document = this.parser.parse(text, kind);
    const structureOnly = text.length > this.config.maxDocumentChars;
    const findings: Finding[] = [];
    let segmentationPending = false;
    const lineTokens = new Map<number, Token[]>();
    const keyCounts = new Map<string, boolean>();
    const wordCounts = new Map<string, number>();
    if (!structureOnly) {
      const { lines, lineInfos, ignoredLines } = document;
      const markdown = kind === 'markdown';
      // Carry the results of unchanged lines over the change (by position; moved lines by text).
      const change = this.parser.lastChange;
      const previous = this.previous;
      const carried =
        previous && previous.kind === kind && change ? carryOver(previous.results, previous.lines, lines, change) : new Array<CachedLine | undefined>(lines.length);
      const lexicon = this.needsLexicon ? this.lexicon() : undefined;
      for (let i = 0; i < lines.length; i++) {
        const info = lineInfos[i];
        if (info.blank || ignoredLines.has(i)) {
          carried[i] = undefined;
          continue;
        }
        const line = lines[i];
        let cached = carried[i];
        const stale = cached && ((!cached.segmented && this.needsSegmentation && this.segmenter) || (!cached.withLexicon && lexicon));
        if (!cached || stale) {
          // A "paragraph" of tens of thousands of characters is pasted data, not prose: not segmented.
          const segmentable = line.length <= MAX_SEGMENTED_LINE;
          const words = this.needsSegmentation && segmentable ? this.segmenter?.cut(line) : undefined;
          if (!cached || words || lexicon || !segmentable) {
            cached = this.checkLine(line, info, markdown, words ? toTokens(line, words) : cached?.tokens, lexicon, !segmentable);
          }
          carried[i] = cached;
        }
        if (!cached.segmented && this.needsSegmentation) segmentationPending = true;
        if (cached.tokens) lineTokens.set(i, cached.tokens);
        for (const f of cached.findings) {
          if (f.key !== undefined && this.uniqueKeyRules.has(f.rule) && occursTwice(text, f.key, keyCounts)) continue;
          const uncorroborated = f.corroboration && text.length >= LONG_DOCUMENT && !occurs(text, f.corroboration.word, f.corroboration.times ?? 1, wordCounts);
          findings.push({
            rule: f.rule,
            severity: uncorroborated ? f.corroboration!.otherwise : f.severity,
            message: f.message,
            range: range(i, f.start, f.end),
            fixes: f.fixes ? f.fixes.map((fix) => lineFixToFix(fix, i)) : [],
          });
        }
      }
      this.previous = { kind, lines, results: carried };
    } else {
      this.previous = undefined;
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
    const shown = capPerRule(findings);
    return { document, findings: applySuppressions(shown, document, this.config, this.fileKey), segmentationPending, structureOnly };
  }

  private lexicon(): Lexicon | undefined {
    return typeof this.lexiconSource === 'function' ? this.lexiconSource() : this.lexiconSource;
  }

  private checkLine(
    line: string,
    info: ReportDocument['lineInfos'][number],
    markdown: boolean,
    tokens: Token[] | undefined,
    lexicon: Lexicon | undefined,
    unsegmentable = false,
  ): CachedLine {
    const findings: CachedLine['findings'] = [];
    for (const { rule, severity, userSeverity, options } of this.lineRules) {
      if (rule.needsSegmentation && !tokens) continue;
      if (rule.needsLexicon && !lexicon) continue;
      const context = {
        text: line,
        info,
        markdown,
        tokens: rule.needsSegmentation || rule.usesSegmentation ? tokens : undefined,
        lexicon: rule.needsLexicon ? lexicon : undefined,
        options,
        config: this.config,
      };
      for (const f of rule.check(context)) {
        // A finding's own severity refines the rule's default; a user's setting overrides both.
        const own = { ...f, rule: rule.id, severity: userSeverity ? severity : f.severity ?? severity };
        if (userSeverity) delete own.corroboration;
        findings.push(own);
      }
    }
    return {
      findings,
      segmented: tokens !== undefined || !this.needsSegmentation || unsegmentable,
      tokens,
      // Lexicon rules that also need segmentation have not run without tokens.
      withLexicon: lexicon !== undefined && (tokens !== undefined || !this.needsSegmentation),
    };
  }
}

function lineFixToFix(fix: NonNullable<LineFinding['fixes']>[number], line: number): Fix {
  return {
    title: fix.title,
    safe: fix.safe,
    edits: fix.edits.map((e) => ({ range: range(line, e.start, e.end), newText: e.newText })),
  };
}
