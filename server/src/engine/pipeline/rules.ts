import { ResolvedConfig, RuleSetting, ruleSeverity } from '../config';
import type { EngineData } from '../data';
import { DocumentRule, LineRule, Rule, RuleOptions } from '../rules/rule';
import { Severity } from '../types';

/** A rule that is on, with its severity and options from the configuration. */
export interface ActiveRule<R extends Rule> {
  rule: R;
  severity: Severity;
  /** The user set the severity; it then overrides what individual findings say. */
  userSeverity: boolean;
  options: RuleOptions;
}

/** What every rule context carries besides its own input (the Linter's environment, as the rules see it). */
export interface RuleEnvironment {
  config: ResolvedConfig;
  /** The data tables the host hands in (LintEnvironment.data). */
  data: EngineData | undefined;
}

/** The rules a Linter runs, sorted by scope, with what the stages need to know about them. */
export class RuleSet {
  readonly lineRules: ActiveRule<LineRule>[] = [];
  readonly documentRules: ActiveRule<DocumentRule>[] = [];
  /** Rules whose keyed findings are dropped when the key recurs in the document. */
  readonly uniqueKeyRules = new Set<string>();
  /** Rules whose findings give way to overlapping findings of other rules (`yieldsToOtherRules`). */
  readonly yieldingRules = new Set<string>();
  /** Some rule reads words. */
  readonly needsSegmentation: boolean;
  /** Some line rule reads word frequencies. */
  readonly needsLexicon: boolean;

  constructor(rules: readonly Rule[], config: ResolvedConfig) {
    for (const rule of rules) {
      const setting: RuleSetting | undefined = config.rules[rule.id];
      const severity = ruleSeverity(setting, rule.defaultSeverity, rule.enabledByDefault !== false);
      if (severity === 'off') continue;
      const options: RuleOptions = typeof setting === 'object' ? setting : {};
      const userSeverity = typeof setting === 'string' || (typeof setting === 'object' && setting.severity !== undefined);
      if (rule.scope === 'line') {
        this.lineRules.push({ rule, severity, userSeverity, options });
        if (rule.recurringKeysAllowed === false) this.uniqueKeyRules.add(rule.id);
        if (rule.yieldsToOtherRules) this.yieldingRules.add(rule.id);
      } else this.documentRules.push({ rule, severity, userSeverity, options });
    }
    this.needsSegmentation =
      this.lineRules.some((r) => r.rule.needsSegmentation || r.rule.usesSegmentation) || this.documentRules.some((r) => r.rule.needsSegmentation);
    this.needsLexicon = this.lineRules.some((r) => r.rule.needsLexicon);
  }
}
