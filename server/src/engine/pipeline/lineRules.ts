import { Token, toTokens } from '../segmentation';
import type { LineCheck } from './segment';
import type { RuleEnvironment, RuleSet } from './rules';

/** Lines per block of checkLines: few enough that their word tokens stay in the young generation. */
const LINES_PER_BLOCK = 256;

/**
 * The line-rule stage: runs the line rules over the lines, one rule at a time over a block of lines (a rule's
 * tables stay in the processor's caches; measured in docs/notes/perf.md), and completes
 * their results. Each line's findings come in the order of the rules, as one line at a time would give them.
 * The blocks bound what the word tokens cost: made per block and dropped after it, they die young
 * (the tokens of all the lines of a large report outlived the young generation).
 */
export function checkLines(toCheck: readonly LineCheck[], rules: RuleSet, environment: RuleEnvironment, markdown: boolean): void {
  if (toCheck.length === 0) return;
  const tokensOf: (Token[] | undefined)[] = [];
  for (let from = 0; from < toCheck.length; from += LINES_PER_BLOCK) {
    const to = Math.min(toCheck.length, from + LINES_PER_BLOCK);
    for (let i = from; i < to; i++) {
      const { line, lengths } = toCheck[i];
      tokensOf[i - from] = lengths ? toTokens(line, lengths) : undefined;
    }
    checkBlock(toCheck, from, to, tokensOf, rules, environment, markdown);
  }
  const { yieldingRules, uniqueKeyRules } = rules;
  for (const { result } of toCheck) {
    const findings = result.findings;
    if (findings.length === 0) continue;
    if (yieldingRules.size > 0 && findings.length > 1) {
      // Only findings that propose a correction count (a sentence-length hint over the whole sentence does not).
      const sure = findings.filter((f) => !yieldingRules.has(f.rule) && (f.fixes?.length ?? 0) > 0);
      if (sure.length > 0) {
        for (let k = findings.length - 1; k >= 0; k--) {
          const f = findings[k];
          if (yieldingRules.has(f.rule) && sure.some((s) => s.start < f.end && f.start < s.end)) findings.splice(k, 1);
        }
      }
    }
    const keyed = findings.some((f) => f.key !== undefined && uniqueKeyRules.has(f.rule));
    if (keyed) result.uniqueKeys = findings.map((f) => (uniqueKeyRules.has(f.rule) ? f.key : undefined));
  }
}

/** The line rules over toCheck[from, to), one rule at a time; `tokensOf[i - from]` are line i's tokens. */
function checkBlock(
  toCheck: readonly LineCheck[],
  from: number,
  to: number,
  tokensOf: readonly (Token[] | undefined)[],
  rules: RuleSet,
  environment: RuleEnvironment,
  markdown: boolean,
): void {
  for (const { rule, severity, userSeverity, options } of rules.lineRules) {
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
        data: environment.data,
        options,
        config: environment.config,
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
