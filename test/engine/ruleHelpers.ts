import { ALL_RULES, applyEdits, Finding, Linter, resolveConfig, safeFixEdits } from '../../server/src/engine';
import { SyncSegmenter } from '../../server/src/segmentation/syncSegmenter';

/** One segmenter for all rule tests (the dictionary loads once). */
export const segmenter = new SyncSegmenter();

export type Kind = 'plaintext' | 'markdown';

/** Lints `text` with only the given rules switched on (including rules that are off by default). */
export function lint(text: string, ruleIds: string[], kind: Kind = 'plaintext', options: Record<string, unknown> = {}): Finding[] {
  const rules = ALL_RULES.filter((r) => ruleIds.includes(r.id));
  if (rules.length !== ruleIds.length) throw new Error(`unknown rule in ${ruleIds.join()}`);
  const settings: Record<string, unknown> = {};
  // Rules that are on by default keep their own per-finding severities (no user severity).
  for (const r of rules) settings[r.id] = r.enabledByDefault === false ? { severity: r.defaultSeverity, ...options } : { ...options };
  const { config, problems } = resolveConfig({ rules: settings });
  if (problems.length) throw new Error(problems.join());
  return [...new Linter({ config, segmenter, rules }).lint(text, kind).findings];
}

/** The text each finding covers ("line:start-end" is not needed when lines are single). */
export function flagged(text: string, ruleId: string, kind: Kind = 'plaintext', options: Record<string, unknown> = {}): string[] {
  const lines = text.split('\n');
  return lint(text, [ruleId], kind, options).map((f) => {
    if (f.range.start.line !== f.range.end.line) return `${f.range.start.line}-${f.range.end.line}`;
    return lines[f.range.start.line].slice(f.range.start.character, f.range.end.character);
  });
}

/** Applies every safe fix of the given rules once. */
export function fixAll(text: string, ruleIds: string[], kind: Kind = 'plaintext'): string {
  return applyEdits(text, safeFixEdits(lint(text, ruleIds, kind))).text;
}

/** Applies the first fix (safe or not) of each finding. */
export function applyFirstFixes(text: string, ruleIds: string[], kind: Kind = 'plaintext'): string {
  const findings = lint(text, ruleIds, kind);
  return applyEdits(text, findings.flatMap((f) => f.fixes[0]?.edits ?? [])).text;
}
