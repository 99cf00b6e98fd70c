import type { EngineData } from '../data';
import type { Rule } from './rule';

/** Builds ahead the data tables of the rules that have them (RuleMeta.prepare): for a host with idle time. */
export function prepareRules(rules: readonly Rule[], data: EngineData | undefined): void {
  for (const rule of rules) rule.prepare?.(data);
}
