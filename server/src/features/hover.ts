import { Hover, HoverParams, MarkupKind } from '../lsp';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Analysis } from '../analysis';
import { ALL_RULES, termAt, termMarkdown } from '../engine';

const EXPLAINERS = new Map(ALL_RULES.filter((r) => r.explain).map((r) => [r.id, r]));

/**
 * Hovering a standard political term (四风, 两个维护, 三重一大…) shows its full content and usage; hovering
 * a finding of a rule that explains itself (formulation-items, outdated-formulation, idiom…) shows the
 * standard form and its source.
 */
export function hover(document: TextDocument, params: HoverParams, analysis: Analysis): Hover | null {
  if (!analysis.supports(document)) return null;
  const { line, character } = params.position;
  const text = document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$|\r$/, '');
  const parts: string[] = [];
  let range: Hover['range'];
  // As code actions do: a result made stale by new evidence (segmentation, the workspace) is brought up to date.
  for (const f of analysis.analyze(document)?.findings ?? []) {
    const rule = EXPLAINERS.get(f.rule);
    const { start, end } = f.range;
    if (!rule || start.line !== line || end.line !== line || character < start.character || character >= end.character) continue;
    const explanation = rule.explain!(text.slice(start.character, end.character), f.message);
    if (!explanation || parts.includes(explanation)) continue;
    parts.push(explanation);
    range ??= f.range;
  }
  const found = termAt(text, character);
  if (found) {
    parts.push(termMarkdown(found.term));
    range ??= { start: { line, character: found.start }, end: { line, character: found.end } };
  }
  if (!parts.length) return null;
  return { contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n') }, range };
}
