import { keyContext, type WorkspaceEvidence } from '../evidence';
import type { LineFinding } from '../rules/rule';
import { Finding, Fix, range, Severity } from '../types';
import type { KeyCounts } from './keyCounts';
import type { LinePass } from './lineCache';

/** From this many characters on, a document is long enough for document-level corroboration. */
export const LONG_DOCUMENT = 2_000;

/**
 * The place-and-corroborate stage: the kept lines' findings as document findings, in line order. A line's
 * placed findings are kept in its slot while the line keeps its number, so they are the same objects from
 * pass to pass. Keyed findings whose key recurs in the text are left out; a finding whose corroborating
 * word the (long) document lacks is shown at its lower severity (or not at all). Last, a keyed finding whose key
 * another document of the workspace uses in words of its own is left out too (engine/evidence.ts).
 */
export function placeFindings(pass: LinePass, text: string, keyCounts: KeyCounts, workspace?: WorkspaceEvidence): Finding[] {
  const findings: Finding[] = [];
  const { slots } = pass;
  for (const i of pass.kept) {
    const slot = slots[i]!;
    const lineFindings = slot.result.findings;
    if (lineFindings.length === 0) continue;
    let placed = slot.placed;
    if (!placed || slot.placedAt !== i) {
      placed = lineFindings.map((f) => ({
        rule: f.rule,
        severity: f.severity,
        message: f.message,
        range: range(i, f.start, f.end),
        fixes: f.fixes ? f.fixes.map((fix) => lineFixToFix(fix, i)) : [],
      }));
      slot.placed = placed;
      slot.placedAt = i;
    }
    const keys = slot.result.uniqueKeys;
    for (let k = 0; k < placed.length; k++) {
      const key = keys && keys[k];
      if (key !== undefined && keyCounts.occursTwice(text, key)) continue;
      const evidence = lineFindings[k].corroboration;
      let shown = placed[k];
      if (evidence && text.length >= LONG_DOCUMENT && keyCounts.count(text, evidence.word) < (evidence.times ?? 1)) {
        // 'off': an uncorroborated guess in a long document is dropped.
        if (evidence.otherwise === 'off') continue;
        shown = uncorroborated(placed[k], evidence.otherwise);
      }
      // The last check (a search of the other documents, so only for what would be shown); a copy of the
      // same words is no evidence.
      if (key !== undefined && workspace?.usedElsewhere(key, keyContext(pass.document.lines[i]!, key, lineFindings[k].start))) continue;
      findings.push(shown);
    }
  }
  return findings;
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
