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
  /** Rules that are opinions (style hints) may be off until a user turns them on. */
  enabledByDefault?: boolean;
  /** The rule reads word tokens; it is skipped on a line until segmentation is ready. */
  needsSegmentation?: boolean;
  /** The rule reads word frequencies (`context.lexicon`); it is skipped until the lexicon is ready. */
  needsLexicon?: boolean;
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
  options: RuleOptions;
}

/** A rule that looks at one line at a time. Its findings are cached by the line's text. */
export interface LineRule extends RuleMeta {
  scope: 'line';
  check(context: LineContext): LineFinding[];
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
  /** Word tokens of a line; given only to rules with `needsSegmentation`, once every line is segmented. */
  tokens?: (line: number) => readonly Token[] | undefined;
}

/** A rule over the whole document (usually the section tree). Runs on every change, so keep it linear. */
export interface DocumentRule extends RuleMeta {
  scope: 'document';
  check(context: DocumentContext): DocumentFinding[];
}

export type Rule = LineRule | DocumentRule;
