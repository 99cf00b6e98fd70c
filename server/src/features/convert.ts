import { Diagnostic, DiagnosticSeverity, DiagnosticTag } from '../lsp';
import { Finding, Severity } from '../engine';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export const DIAGNOSTIC_SOURCE = 'gongwen';

export function toDiagnostic(finding: Finding): Diagnostic {
  const diagnostic: Diagnostic = {
    range: finding.range,
    severity: SEVERITY[finding.severity],
    source: DIAGNOSTIC_SOURCE,
    code: finding.rule,
    message: finding.message,
  };
  if (finding.rule === 'repeated-word' || finding.rule === 'redundancy') diagnostic.tags = [DiagnosticTag.Unnecessary];
  return diagnostic;
}

/**
 * Diagnostics by finding. The Linter keeps the findings of unchanged lines (and of document rules it did not
 * run again) as the same objects from pass to pass, so a keystroke converts only the findings it changed.
 */
const converted = new WeakMap<Finding, Diagnostic>();

export function cachedDiagnostic(finding: Finding): Diagnostic {
  let diagnostic = converted.get(finding);
  if (!diagnostic) converted.set(finding, (diagnostic = toDiagnostic(finding)));
  return diagnostic;
}

/** The finding behind a diagnostic the client sends back (same rule and range). */
export function findingFor(findings: readonly Finding[], diagnostic: Diagnostic): Finding | undefined {
  const { start, end } = diagnostic.range;
  return findings.find(
    (f) =>
      f.rule === diagnostic.code &&
      f.range.start.line === start.line &&
      f.range.start.character === start.character &&
      f.range.end.line === end.line &&
      f.range.end.character === end.character,
  );
}
