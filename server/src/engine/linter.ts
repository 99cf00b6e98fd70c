import { DEFAULT_CONFIG, ResolvedConfig, RuleSetting, ruleSeverity } from './config';
import type { EngineData } from './data';
import { DocumentKind, DocumentParser, ReportDocument, TreeUpdate } from './document';
import { carryOver, composeChanges, LineChange } from './lineDiff';
import { ALL_RULES } from './rules';
import { Lexicon } from './lexicon';
import { DocumentFinding, DocumentRule, LineFinding, LineRule, MAX_FINDINGS_PER_RULE, Rule, RuleOptions } from './rules/rule';
import { Segmenter, Token, toTokens } from './segmentation';
import { applySuppressions } from './suppressions';
import { Finding, Fix, Range, range, Severity } from './types';

/** Lines per block of checkLines: ~20–60 K characters, whose word tokens stay in the young generation. */
const LINES_PER_BLOCK = 256;
/** Lines longer than this are not segmented (jieba needs ~1 s per MB; a real paragraph is far shorter). */
export const MAX_SEGMENTED_LINE = 20_000;
/** From this many characters on, a document is long enough for document-level corroboration. */
export const LONG_DOCUMENT = 2_000;
/** Occurrence counts stop here: no rule asks for more. */
const COUNT_CAP = 8;

/**
 * How often keys (and corroborating words) occur in the text. Answers are kept from pass to pass: a key
 * without line breaks occurs within lines, so its count can change only if it occurs in a changed line,
 * old or new. (Searching a 1 MB text for every key on every keystroke cost more than the rest of a re-lint.)
 */
class KeyCounts {
  private answers = new Map<string, number>();
  private previous = new Map<string, number>();
  private changedOld = '';
  private changedNew = '';

  /** Starts a pass over `text`; `change` relates its lines to those of the previous pass (undefined: unrelated). */
  begin(oldLines: readonly string[] | undefined, lines: readonly string[], change: LineChange | undefined): void {
    this.previous = oldLines && change ? this.answers : new Map();
    this.answers = new Map();
    this.changedOld = oldLines && change ? oldLines.slice(change.start, change.oldEnd).join('\n') : '';
    this.changedNew = oldLines && change ? lines.slice(change.start, change.newEnd).join('\n') : '';
  }

  /** Non-overlapping occurrences of `key` in `text`, counted up to COUNT_CAP. */
  count(text: string, key: string): number {
    let n = this.answers.get(key);
    if (n !== undefined) return n;
    n = this.previous.get(key);
    if (n === undefined || /[\r\n]/.test(key) || this.changedOld.includes(key) || this.changedNew.includes(key)) {
      n = 0;
      for (let at = text.indexOf(key); at >= 0 && n < COUNT_CAP; at = text.indexOf(key, at + key.length)) n++;
    }
    this.answers.set(key, n);
    return n;
  }

  occursTwice(text: string, key: string): boolean {
    return this.count(text, key) >= 2;
  }

  clear(): void {
    this.answers = new Map();
    this.previous = new Map();
  }
}

/** A document rule's findings moved to the lines of the new text (lines in [start, oldEnd) stay). */
function moveFindings(findings: Finding[], change: LineChange): Finding[] {
  const delta = change.newEnd - change.oldEnd;
  if (delta === 0) return findings;
  const at = (r: Range): Range =>
    r.start.line < change.oldEnd && r.end.line < change.oldEnd
      ? r
      : {
          start: { line: r.start.line >= change.oldEnd ? r.start.line + delta : r.start.line, character: r.start.character },
          end: { line: r.end.line >= change.oldEnd ? r.end.line + delta : r.end.line, character: r.end.character },
        };
  return findings.map((f) => {
    const moved = at(f.range) !== f.range || f.fixes.some((fix) => fix.edits.some((e) => at(e.range) !== e.range));
    if (!moved) return f;
    return { ...f, range: at(f.range), fixes: f.fixes.map((fix) => ({ ...fix, edits: fix.edits.map((e) => ({ ...e, range: at(e.range) })) })) };
  });
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
  /** The data tables the host loads (pinyin, shapes, known words, snippets), handed to the rules. */
  data?: EngineData;
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

// Per-line flags of a pass (see Linter.lint).
/** The line must be looked at (changed, or not yet checked). */
const VISIT = 1;
const HAS_FINDINGS = 2;
/** The segmentation-based rules have not run on the line. */
const NOT_SEGMENTED = 4;
/** The lexicon-based rules have not run on the line. */
const NO_LEXICON = 8;

interface CachedLine {
  findings: (LineFinding & { rule: string; severity: Severity })[];
  /** Whether the segmentation-based rules ran for this line. */
  segmented: boolean;
  /**
   * The line's word lengths (Segmenter.wordLengths), kept so that the line need not be segmented again
   * (when the lexicon arrives) and for document rules that read words. Lengths, not tokens: a token
   * object and string per word of a 1 M-character report kept ~600 K objects alive in the old generation.
   */
  lengths: ArrayLike<number> | undefined;
  /** The tokens made from `lengths` for a document rule that reads words (made on its first request). */
  tokens: Token[] | undefined;
  /** Whether the lexicon-based rules ran for this line. */
  withLexicon: boolean;
  /** `findings` as document findings for line `placedAt` (kept while the line keeps its number). */
  placed: Finding[] | undefined;
  placedAt: number;
  /** Aligned with `findings`: the key of each finding that is dropped when its key recurs (undefined for the others; the whole array is undefined when the line has none). */
  uniqueKeys: (string | undefined)[] | undefined;
}

/** A line to check in this pass (see Linter.checkLines). */
interface LineCheck {
  line: string;
  info: ReportDocument['lineInfos'][number];
  lengths: ArrayLike<number> | undefined;
  lexicon: Lexicon | undefined;
  /** Filled in by checkLines. */
  result: CachedLine;
}

interface ParsedAhead {
  text: string;
  kind: DocumentKind;
  document: ReportDocument;
  change: LineChange | undefined;
  treeUpdate: TreeUpdate | undefined;
}

/**
 * Lints one document again and again as it changes. Line-rule results are kept per line and carried
 * over each change (lineDiff.ts), so an edit re-checks only the lines it touched. Document rules run
 * every time, except those that read only headings and items when the edit left them alone (`reuse`).
 */
export class Linter {
  private readonly parser = new DocumentParser();
  /** Per-line results of the previous lint, aligned with its lines. */
  private previous?: { kind: DocumentKind; lines: readonly string[]; results: (CachedLine | undefined)[]; flags: Uint8Array; ignoredCount: number };
  private readonly config: ResolvedConfig;
  private readonly segmenter?: Segmenter;
  private readonly lineRules: ActiveRule<LineRule>[] = [];
  private readonly documentRules: ActiveRule<DocumentRule>[] = [];
  private readonly needsSegmentation: boolean;
  /** Rules whose keyed findings are dropped when the key recurs in the document. */
  private readonly uniqueKeyRules = new Set<string>();
  /** Rules whose findings give way to overlapping findings of other rules (`yieldsToOtherRules`). */
  private readonly yieldingRules = new Set<string>();
  private readonly fileKey?: string;
  private readonly needsLexicon: boolean;
  private readonly lexiconSource?: Lexicon | (() => Lexicon | undefined);
  private readonly data?: EngineData;
  private readonly keyCounts = new KeyCounts();
  /** Results of the lines removed by the previous change, by text (kept for one pass). */
  private removedBefore = new Map<string, CachedLine>();
  /** Each document rule's findings in the previous pass. */
  private ruleFindings = new Map<string, Finding[]>();
  /** Parses done by `structure` since the last lint, for the next lint to take over. */
  private parsedAhead?: ParsedAhead;

  constructor(environment: LintEnvironment = {}) {
    this.config = environment.config ?? DEFAULT_CONFIG;
    this.segmenter = environment.segmenter;
    this.fileKey = environment.fileKey;
    this.lexiconSource = environment.lexicon;
    this.data = environment.data;
    for (const rule of environment.rules ?? ALL_RULES) {
      const setting: RuleSetting | undefined = this.config.rules[rule.id];
      const severity = ruleSeverity(setting, rule.defaultSeverity, rule.enabledByDefault !== false);
      if (severity === 'off') continue;
      const options: RuleOptions = typeof setting === 'object' ? setting : {};
      const userSeverity = typeof setting === 'string' || (typeof setting === 'object' && setting.severity !== undefined);
      if (rule.scope === 'line') {
        this.lineRules.push({ rule, severity, userSeverity, options });
        if (rule.recurringKeysAllowed === false) this.uniqueKeyRules.add(rule.id);
        if (rule.yieldsToOtherRules) this.yieldingRules.add(rule.id);
      }
      else this.documentRules.push({ rule, severity, userSeverity, options });
    }
    this.needsSegmentation =
      this.lineRules.some((r) => r.rule.needsSegmentation || r.rule.usesSegmentation) || this.documentRules.some((r) => r.rule.needsSegmentation);
    this.needsLexicon = this.lexiconSource !== undefined && this.lineRules.some((r) => r.rule.needsLexicon);
  }

  /**
   * The document model (lines, section tree) of `text` without running any rule: what outline, folding and
   * completion need right after a keystroke. The next `lint` of the same text takes the parse over.
   */
  structure(text: string, kind: DocumentKind = 'plaintext'): ReportDocument {
    const ahead = this.parsedAhead;
    if (ahead && ahead.text === text && ahead.kind === kind) return ahead.document;
    const document = this.parser.parse(text, kind);
    const change = this.parser.lastChange;
    this.parsedAhead = {
      text,
      kind,
      document,
      // Line changes since the last lint, as one; a second parse gives up the tree update (the document rules
      // then run again rather than move findings over two changes).
      change: !ahead ? change : ahead.change && change ? composeChanges(ahead.change, change) : undefined,
      treeUpdate: ahead ? undefined : this.parser.lastTreeUpdate,
    };
    return document;
  }

  lint(text: string, kind: DocumentKind = 'plaintext'): LintResult {
    this.structure(text, kind);
    const { document, change, treeUpdate } = this.parsedAhead!;
    this.parsedAhead = undefined;
    const structureOnly = text.length > this.config.maxDocumentChars;
    const findings: Finding[] = [];
    let segmentationPending = false;
    let lineResults: (CachedLine | undefined)[] = [];
    if (!structureOnly) {
      const { lines, lineInfos, ignoredLines } = document;
      const markdown = kind === 'markdown';
      // Carry the results of unchanged lines over the change (by position; moved lines by text).
      const previous = this.previous && this.previous.kind === kind && change ? this.previous : undefined;
      const carried = previous ? carryOver(previous.results, previous.lines, lines, change!) : new Array<CachedLine | undefined>(lines.length);
      lineResults = carried;
      this.keyCounts.begin(previous?.lines, lines, change);
      const lexicon = this.needsLexicon ? this.lexicon() : undefined;
      // Results of the lines this change removed, for the next pass.
      const removedNow = new Map<string, CachedLine>();
      if (previous) {
        for (let i = change!.start; i < change!.oldEnd; i++) {
          const removed = previous.results[i];
          if (removed) removedNow.set(previous.lines[i], removed);
        }
      }
      // Which lines need a look, as flags in a flat array (carried over like the results): an unchanged line
      // without findings and with every rule run is skipped without touching its objects.
      let flags: Uint8Array;
      if (previous && (!markdown || (ignoredLines.size === 0 && previous.ignoredCount === 0))) {
        flags = new Uint8Array(lines.length);
        flags.set(previous.flags.subarray(0, change!.start));
        flags.set(previous.flags.subarray(change!.oldEnd), change!.newEnd);
        flags.fill(VISIT, change!.start, change!.newEnd);
      } else {
        flags = new Uint8Array(lines.length).fill(VISIT);
      }
      const visit = VISIT | HAS_FINDINGS | (this.needsSegmentation ? NOT_SEGMENTED : 0) | (lexicon ? NO_LEXICON : 0);
      // Lines checked in this pass by text: identical lines of a new text are checked once.
      const checkedNow = new Map<string, CachedLine>();
      // The rules run after this loop, each over all the lines to check (see checkLines), so every line is
      // segmented before any rule runs (jieba's dictionary and the rules' tables do not evict each other from
      // the processor's caches); lines that take over the results of such a line get them then.
      const toCheck: LineCheck[] = [];
      const twinsNow: [copy: CachedLine, twin: CachedLine][] = [];
      const shown: number[] = [];
      for (let i = 0; i < lines.length; i++) {
        if ((flags[i] & visit) === 0) continue;
        const info = lineInfos[i];
        if (info.blank || ignoredLines.has(i)) {
          carried[i] = undefined;
          flags[i] = 0;
          continue;
        }
        const line = lines[i];
        let cached = carried[i];
        if (!cached) {
          // A line checked earlier in this pass, or removed by the previous edit (an undo, a section cut and pasted back).
          const twin = checkedNow.get(line) ?? (previous ? this.removedBefore.get(line) : undefined);
          if (twin) {
            // Same field order as in lineToCheck (one object shape keeps this loop fast).
            cached = { findings: twin.findings, placed: undefined, placedAt: -1, uniqueKeys: twin.uniqueKeys, segmented: twin.segmented, lengths: twin.lengths, tokens: twin.tokens, withLexicon: twin.withLexicon };
            if (checkedNow.get(line) === twin) twinsNow.push([cached, twin]);
          }
        }
        const stale = cached && ((!cached.segmented && this.needsSegmentation && this.segmenter) || (!cached.withLexicon && lexicon));
        if (!cached || stale) {
          // A "paragraph" of tens of thousands of characters is pasted data, not prose: not segmented.
          const segmentable = line.length <= MAX_SEGMENTED_LINE;
          const lengths = this.needsSegmentation && segmentable ? this.segmenter?.wordLengths(line) : undefined;
          if (!cached || lengths || lexicon || !segmentable) {
            cached = this.lineToCheck(toCheck, line, info, lengths ?? cached?.lengths, lexicon, !segmentable);
            checkedNow.set(line, cached);
          }
        }
        carried[i] = cached!;
        shown.push(i);
      }
      this.checkLines(toCheck, markdown);
      for (const [copy, twin] of twinsNow) {
        copy.findings = twin.findings;
        copy.uniqueKeys = twin.uniqueKeys;
      }
      for (const i of shown) {
        const result = carried[i]!;
        flags[i] = (result.findings.length ? HAS_FINDINGS : 0) | (result.segmented ? 0 : NOT_SEGMENTED) | (result.withLexicon ? 0 : NO_LEXICON);
        if (!result.segmented && this.needsSegmentation) segmentationPending = true;
        const lineFindings = result.findings;
        if (lineFindings.length === 0) continue;
        // The findings as document findings are kept while the line keeps its number.
        let placed = result.placed;
        if (!placed || result.placedAt !== i) {
          placed = lineFindings.map((f) => ({
            rule: f.rule,
            severity: f.severity,
            message: f.message,
            range: range(i, f.start, f.end),
            fixes: f.fixes ? f.fixes.map((fix) => lineFixToFix(fix, i)) : [],
          }));
          result.placed = placed;
          result.placedAt = i;
        }
        const keys = result.uniqueKeys;
        for (let k = 0; k < placed.length; k++) {
          const key = keys && keys[k];
          if (key !== undefined && this.keyCounts.occursTwice(text, key)) continue;
          const evidence = lineFindings[k].corroboration;
          if (evidence && text.length >= LONG_DOCUMENT && this.keyCounts.count(text, evidence.word) < (evidence.times ?? 1)) {
            if (evidence.otherwise !== 'off') findings.push(uncorroborated(placed[k], evidence.otherwise));
          } else findings.push(placed[k]);
        }
      }
      this.previous = { kind, lines, results: carried, flags, ignoredCount: ignoredLines.size };
      this.removedBefore = removedNow;
    } else {
      this.previous = undefined;
      this.removedBefore = new Map();
      this.keyCounts.clear();
      findings.push({
        rule: 'document-size',
        severity: 'information',
        message: `文档超过 ${this.config.maxDocumentChars.toLocaleString('en-US')} 字符，只检查标题结构（可在配置 maxDocumentChars 中调整）`,
        range: range(0, 0, 0),
        fixes: [],
      });
    }
    // Rules that read only headings (and items) keep their findings when the tree was updated around an edit
    // that left those alone (see TreeUpdate).
    const update = treeUpdate;
    const ruleFindings = new Map<string, Finding[]>();
    for (const { rule, severity, userSeverity, options } of this.documentRules) {
      // Rules that read words wait until every line is segmented (the server lints again then).
      if (rule.needsSegmentation && (structureOnly || segmentationPending || !this.segmenter)) continue;
      const before = this.ruleFindings.get(rule.id);
      let own: Finding[];
      if (before && update && update.headingsSame && (rule.reuse === 'headings' || (rule.reuse === 'items' && update.itemsSame))) {
        own = moveFindings(before, update.change);
      } else {
        const tokens = rule.needsSegmentation
          ? (line: number) => {
              const result = lineResults[line];
              return result?.lengths ? (result.tokens ??= toTokens(document.lines[line], result.lengths)) : undefined;
            }
          : undefined;
        own = rule.check({ document, options, tokens, config: this.config }).map((f: DocumentFinding) => ({
          rule: rule.id,
          severity: userSeverity ? severity : f.severity ?? severity,
          message: f.message,
          range: f.range,
          fixes: f.fixes ?? [],
        }));
      }
      ruleFindings.set(rule.id, own);
      for (const f of own) findings.push(f);
    }
    this.ruleFindings = ruleFindings;
    findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    const shown = capPerRule(findings);
    return { document, findings: applySuppressions(shown, document, this.config, this.fileKey, text), segmentationPending, structureOnly };
  }

  private lexicon(): Lexicon | undefined {
    return typeof this.lexiconSource === 'function' ? this.lexiconSource() : this.lexiconSource;
  }

  /** A line whose rules are to run (see checkLines), with the results it will hold. */
  private lineToCheck(
    toCheck: LineCheck[],
    line: string,
    info: ReportDocument['lineInfos'][number],
    lengths: ArrayLike<number> | undefined,
    lexicon: Lexicon | undefined,
    unsegmentable: boolean,
  ): CachedLine {
    const result: CachedLine = {
      findings: [],
      placed: undefined,
      placedAt: -1,
      uniqueKeys: undefined,
      segmented: lengths !== undefined || !this.needsSegmentation || unsegmentable,
      lengths,
      tokens: undefined,
      // Lexicon rules that also need segmentation have not run without words.
      withLexicon: lexicon !== undefined && (lengths !== undefined || !this.needsSegmentation),
    };
    toCheck.push({ line, info, lengths, lexicon, result });
    return result;
  }

  /**
   * Runs the line rules over the lines, one rule at a time over a block of lines (a rule's tables stay in
   * the processor's caches: ~15 % of the rules' time against one line at a time), and completes their
   * results. Each line's findings come in the order of the rules, as one line at a time would give them.
   * The blocks bound what the word tokens cost: made per block and dropped after it, they die young
   * (the tokens of all the lines of a 1 M-character report, ~600 K objects, outlived the young generation).
   */
  private checkLines(toCheck: readonly LineCheck[], markdown: boolean): void {
    if (toCheck.length === 0) return;
    const tokensOf: (Token[] | undefined)[] = [];
    for (let from = 0; from < toCheck.length; from += LINES_PER_BLOCK) {
      const to = Math.min(toCheck.length, from + LINES_PER_BLOCK);
      for (let i = from; i < to; i++) {
        const { line, lengths } = toCheck[i];
        tokensOf[i - from] = lengths ? toTokens(line, lengths) : undefined;
      }
      this.checkBlock(toCheck, from, to, tokensOf, markdown);
    }
    for (const { result } of toCheck) {
      const findings = result.findings;
      if (findings.length === 0) continue;
      if (this.yieldingRules.size > 0 && findings.length > 1) {
        // Only findings that propose a correction count (a sentence-length hint over the whole sentence does not).
        const sure = findings.filter((f) => !this.yieldingRules.has(f.rule) && (f.fixes?.length ?? 0) > 0);
        if (sure.length > 0) {
          for (let k = findings.length - 1; k >= 0; k--) {
            const f = findings[k];
            if (this.yieldingRules.has(f.rule) && sure.some((s) => s.start < f.end && f.start < s.end)) findings.splice(k, 1);
          }
        }
      }
      const keyed = findings.some((f) => f.key !== undefined && this.uniqueKeyRules.has(f.rule));
      if (keyed) result.uniqueKeys = findings.map((f) => (this.uniqueKeyRules.has(f.rule) ? f.key : undefined));
    }
  }

  /** The line rules over toCheck[from, to), one rule at a time; `tokensOf[i - from]` are line i's tokens. */
  private checkBlock(toCheck: readonly LineCheck[], from: number, to: number, tokensOf: readonly (Token[] | undefined)[], markdown: boolean): void {
    for (const { rule, severity, userSeverity, options } of this.lineRules) {
      for (let i = from; i < to; i++) {
        const { line, info, lexicon, result } = toCheck[i];
        const tokens = tokensOf[i - from];
        if (rule.needsSegmentation && !tokens) continue;
        if (rule.needsLexicon && !lexicon) continue;
        const context = {
          text: line,
          info,
          markdown,
          tokens: rule.needsSegmentation || rule.usesSegmentation ? tokens : undefined,
          lexicon: rule.needsLexicon ? lexicon : undefined,
          data: this.data,
          options,
          config: this.config,
        };
        for (const f of rule.check(context)) {
          // A finding's own severity refines the rule's default; a user's setting overrides both.
          const own = { ...f, rule: rule.id, severity: userSeverity ? severity : f.severity ?? severity };
          // A user's severity setting wins over the document-level downgrade too.
          if (userSeverity) delete own.corroboration;
          result.findings.push(own);
        }
      }
    }
  }
}

/** The finding at a lower severity (its corroborating word is missing from the document); one copy per finding. */
const downgraded = new WeakMap<Finding, Finding>();
function uncorroborated(finding: Finding, severity: Severity): Finding {
  let copy = downgraded.get(finding);
  if (!copy || copy.severity !== severity) downgraded.set(finding, (copy = { ...finding, severity }));
  return copy;
}

function lineFixToFix(fix: NonNullable<LineFinding['fixes']>[number], line: number): Fix {
  return {
    title: fix.title,
    safe: fix.safe,
    edits: fix.edits.map((e) => ({ range: range(line, e.start, e.end), newText: e.newText })),
  };
}
