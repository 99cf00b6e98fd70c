import { Hover, HoverParams, MarkupKind } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Analysis } from '../analysis';
import { termAt, termMarkdown } from '../engine';

/** Hovering a standard political term (四风, 两个维护, 三重一大…) shows its full content and usage. */
export function hover(document: TextDocument, params: HoverParams, analysis: Analysis): Hover | null {
  if (!analysis.supports(document)) return null;
  const { line, character } = params.position;
  const text = document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$|\r$/, '');
  const found = termAt(text, character);
  if (!found) return null;
  return {
    contents: { kind: MarkupKind.Markdown, value: termMarkdown(found.term) },
    range: { start: { line, character: found.start }, end: { line, character: found.end } },
  };
}
