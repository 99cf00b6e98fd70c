import { MAX_FINDINGS_PER_RULE } from '../rules/rule';
import { Finding } from '../types';

/** Findings in document order (a stable sort: on one position, the order they came in). */
export function sortByPosition(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

/**
 * The cap stage: keeps the first MAX_FINDINGS_PER_RULE findings of each rule (sorted input, suppressions
 * already applied, so that only shown findings count) and says once where it stopped.
 */
export function capPerRule(findings: Finding[]): Finding[] {
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
