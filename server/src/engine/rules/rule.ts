import type { ResolvedConfig } from '../config';
import type { EngineData } from '../data';
import type { ReportDocument } from '../document';
import type { Lexicon } from '../lexicon';
import type { LineInfo } from '../lineInfo';
import type { Token } from '../segmentation';
import type { Fix, Range, Severity } from '../types';

export interface RuleMeta {
  /** Stable id used in configuration, disable comments and output ("heading-numbering"). */
  id: string;
  /** One line in Chinese: what the rule checks. */
  description: string;
  defaultSeverity: Severity;
  /**
   * Hover text (Chinese Markdown) for one finding of the rule: what the standard form is and where it comes
   * from. Given the flagged text and the message; undefined when there is nothing to add.
   */
  explain?(flagged: string, message: string): string | undefined;
  /** Rules that are opinions (style hints) may be off until a user turns them on. */
  enabledByDefault?: boolean;
  /** The rule reads word tokens; it is skipped on a line until segmentation is ready. */
  needsSegmentation?: boolean;
  /**
   * The rule runs without tokens too (on what it can decide from the text alone) and is run again
   * with `context.tokens` once segmentation is ready.
   */
  usesSegmentation?: boolean;
  /** The rule reads word frequencies (`context.lexicon`); it is skipped until the lexicon is ready. */
  needsLexicon?: boolean;
  /**
   * The rule guesses (suspect-char): a finding of it is dropped where a finding of another rule on the same
   * line that proposes a correction overlaps it — a word list that knows the error speaks with more authority, and once is enough.
   */
  yieldsToOtherRules?: boolean;
  /**
   * Builds ahead the tables the rule's checks will need from the host's data (optional; never required: a
   * check builds them on first use). A host with idle time calls it — the server while the lexicon loads —
   * so that the first check with the lexicon does not pay for them.
   */
  prepare?(data: EngineData | undefined): void;
}

/** Options a user sets for one rule in the configuration ("maxLength": 120, …). */
export type RuleOptions = Readonly<Record<string, unknown>>;

/** A finding inside one line: offsets are UTF-16 code units within that line. */
export interface LineFinding {
  start: number;
  end: number;
  message: string;
  /** Overrides the rule's default severity for this finding (a user's setting still wins). */
  severity?: Severity;
  fixes?: LineFix[];
  /**
   * For rules that drop findings whose subject recurs in the document (see `recurringKeysAllowed`):
   * the text the finding is about, e.g. the word a suspected typo sits in.
   */
  key?: string;
  /**
   * Document-level evidence a moderate finding needs in a long document: when the document has at
   * least LONG_DOCUMENT characters and contains `word` fewer than `times` times (default 1), the
   * finding gets the severity `otherwise` (a user's severity setting still wins). A writer who means a
   * word uses it elsewhere; a suggested word the whole report never uses points to a name or a coinage.
   * `otherwise: 'off'` drops the finding then (an uncorroborated guess in a long report is noise).
   */
  corroboration?: { word: string; otherwise: Severity | 'off'; times?: number };
}

export interface LineFix {
  title: string;
  edits: { start: number; end: number; newText: string }[];
  safe: boolean;
}

export interface LineContext {
  text: string;
  info: LineInfo;
  markdown: boolean;
  /** Word tokens with offsets; present only for rules with `needsSegmentation`. */
  tokens?: readonly Token[];
  /** Word frequencies; present only for rules with `needsLexicon`. */
  lexicon?: Lexicon;
  /** The data tables the host hands in (LintEnvironment.data); absent when it gave none. */
  data?: EngineData;
  options: RuleOptions;
  /** The configuration in force (custom word pairs, ignored words…); the Linter always sets it, absent means defaults. */
  config?: ResolvedConfig;
}

/** A rule that looks at one line at a time. Its findings are cached by the line's text. */
export interface LineRule extends RuleMeta {
  scope: 'line';
  check(context: LineContext): LineFinding[];
  /**
   * When false, a finding with a `key` is dropped if its key occurs more than once in the document:
   * a real typo is rarely typed twice, while names and new coinages recur (提质 in a 2026 report).
   */
  recurringKeysAllowed?: boolean;
}

export interface DocumentFinding {
  range: Range;
  message: string;
  severity?: Severity;
  fixes?: Fix[];
}

/**
 * No rule reports more than this many findings in one document: nobody reads more, and a pathological
 * input (a megabyte of “（”) must not turn into a million diagnostics. Document rules should stop early.
 */
export const MAX_FINDINGS_PER_RULE = 1000;

export interface DocumentContext {
  document: ReportDocument;
  options: RuleOptions;
  /** The configuration in force; the Linter always sets it, absent means defaults. */
  config?: ResolvedConfig;
  /** Word tokens of a line; given only to rules with `needsSegmentation`, once every line is segmented. */
  tokens?: (line: number) => readonly Token[] | undefined;
}

/** A rule over the whole document (usually the section tree). Runs on every change, so keep it linear. */
export interface DocumentRule extends RuleMeta {
  scope: 'document';
  check(context: DocumentContext): DocumentFinding[];
  /**
   * What the findings depend on, when that is only the section tree's headings ('headings': their lines,
   * markers, levels and place in the tree) or its headings and enumeration items ('items': also the items'
   * markers, numbers, positions and titles). After an edit that leaves those alone (see TreeUpdate), the
   * Linter keeps the previous findings, moved with their lines, instead of running the rule again.
   */
  reuse?: 'headings' | 'items';
}

export type Rule = LineRule | DocumentRule;
