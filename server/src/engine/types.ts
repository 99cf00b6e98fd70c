/** Positions are 0-based lines and UTF-16 code units within the line, exactly as in LSP. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'information', 'hint'];

export interface TextEdit {
  range: Range;
  newText: string;
}

export interface Fix {
  /** Chinese title shown in the quick-fix menu. */
  title: string;
  edits: TextEdit[];
  /** Safe fixes are applied by "fix all" and `gongwen check --fix`; the rest only on request. */
  safe: boolean;
}

export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  range: Range;
  fixes: Fix[];
}

export function range(line: number, start: number, end: number, endLine = line): Range {
  return { start: { line, character: start }, end: { line: endLine, character: end } };
}

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}
