// The output formats of `gongwen check`: pretty (one line per finding and a summary), JSON and SARIF.
import { applyEdits, Finding } from '../engine';
import type { CheckedFile } from './check';
import { sarifLog } from './sarif';
import { docxDiagnosticJson, prettyDocxLine } from './docx';

export const CHECK_FORMATS = ['pretty', 'json', 'sarif'] as const;

/** Writes the results of `gongwen check` in `format` (one of CHECK_FORMATS); `ioError`: some file could not be read or written. */
export function writeCheckResults(format: string, results: CheckedFile[], ioError: boolean, out: (s: string) => void): void {
  if (format === 'json') out(JSON.stringify(results.map((r) => fileJson(r)), null, 2));
  else if (format === 'sarif') out(JSON.stringify(sarifLog(results, !ioError), null, 2));
  else writePretty(results, out);
}

function writePretty(results: CheckedFile[], out: (s: string) => void): void {
  let errors = 0;
  let warnings = 0;
  let others = 0;
  for (const r of results) {
    for (const [i, f] of r.findings.entries()) {
      out(r.docx ? prettyDocxLine(r.file, r.docx[i]) : `${r.file}:${f.range.start.line + 1}:${f.range.start.character + 1} ${f.severity} ${f.message} [${f.rule}]`);
      if (f.severity === 'error') errors++;
      else if (f.severity === 'warning') warnings++;
      else others++;
    }
  }
  const total = errors + warnings + others;
  if (results.length) out(total ? `共 ${total} 处：错误 ${errors}，警告 ${warnings}，提示 ${others}` : '未发现问题');
}

/** One file's entry in the JSON output (the text is split into lines once, not per finding). */
function fileJson(r: CheckedFile) {
  const lines = r.text.split(/\r\n|\r|\n/);
  if (r.docx) return { file: r.file, diagnostics: r.docx.map((d) => docxDiagnosticJson(d)) };
  return { file: r.file, diagnostics: r.findings.map((f) => diagnosticJson(r.text, f, lines)) };
}

/** The JSON shape other tools read; keep it stable. */
export function diagnosticJson(text: string, finding: Finding, lines = text.split(/\r\n|\r|\n/)) {
  const flagged = sliceRange(lines, finding);
  return {
    rule: finding.rule,
    severity: finding.severity,
    message: finding.message,
    range: finding.range,
    text: flagged,
    suggestions: suggestionsFor(finding, flagged),
  };
}

/** The flagged text with each fix applied, for the fixes that stay inside the flagged range (one line). */
export function suggestionsFor(finding: Finding, flagged: string): string[] {
  const suggestions: string[] = [];
  for (const fix of finding.fixes) {
    const inside = fix.edits.every(
      (e) =>
        e.range.start.line === finding.range.start.line &&
        e.range.end.line === finding.range.end.line &&
        finding.range.start.line === finding.range.end.line &&
        e.range.start.character >= finding.range.start.character &&
        e.range.end.character <= finding.range.end.character,
    );
    if (!inside) continue;
    const shifted = fix.edits.map((e) => ({
      range: {
        start: { line: 0, character: e.range.start.character - finding.range.start.character },
        end: { line: 0, character: e.range.end.character - finding.range.start.character },
      },
      newText: e.newText,
    }));
    const suggestion = applyEdits(flagged, shifted).text;
    if (!suggestions.includes(suggestion)) suggestions.push(suggestion);
  }
  return suggestions;
}

/** The text of a finding's range, lines joined with "\n". */
export function sliceRange(lines: string[], finding: Finding): string {
  const { start, end } = finding.range;
  if (start.line === end.line) return (lines[start.line] ?? '').slice(start.character, end.character);
  const parts = [(lines[start.line] ?? '').slice(start.character)];
  for (let i = start.line + 1; i < end.line; i++) parts.push(lines[i] ?? '');
  parts.push((lines[end.line] ?? '').slice(0, end.character));
  return parts.join('\n');
}
