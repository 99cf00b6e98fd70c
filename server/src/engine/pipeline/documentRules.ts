import type { ReportDocument, TreeUpdate } from '../document';
import type { LineChange } from '../lineDiff';
import type { DocumentFinding } from '../rules/rule';
import type { Finding, Range } from '../types';
import type { LinePass } from './lineCache';
import type { RuleEnvironment, RuleSet } from './rules';

/**
 * The document-rule stage. Rules that read only headings (and items) keep their findings, moved with their
 * lines, when the tree was updated around an edit that left those alone (see TreeUpdate); the others run.
 */
export class DocumentRuleStage {
  /** Each document rule's findings in the previous pass. */
  private ruleFindings = new Map<string, Finding[]>();

  constructor(
    private readonly rules: RuleSet,
    private readonly environment: RuleEnvironment,
  ) {}

  /** `words`: the pass whose every line is segmented, for rules that read words (undefined: they wait; the server lints again). */
  run(document: ReportDocument, update: TreeUpdate | undefined, words: LinePass | undefined): Finding[] {
    const findings: Finding[] = [];
    const ruleFindings = new Map<string, Finding[]>();
    for (const { rule, severity, userSeverity, options } of this.rules.documentRules) {
      if (rule.needsSegmentation && !words) continue;
      const before = this.ruleFindings.get(rule.id);
      let own: Finding[];
      if (before && update && update.headingsSame && (rule.reuse === 'headings' || (rule.reuse === 'items' && update.itemsSame))) {
        own = moveFindings(before, update.change);
      } else {
        const tokens = rule.needsSegmentation ? (line: number) => words!.tokens(line) : undefined;
        own = rule.check({ document, options, tokens, config: this.environment.config }).map((f: DocumentFinding) => ({
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
    return findings;
  }
}

/** A document rule's findings moved to the lines of the new text (lines in [start, oldEnd) stay); unmoved ones are the same objects. */
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
