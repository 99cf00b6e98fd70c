import { comparePositions, Finding, Position, TextEdit } from './types';

/** Converts a position to an offset in `text` (positions past a line's end clamp to it). */
export function offsetAt(text: string, lineStarts: number[], position: Position): number {
  if (position.line >= lineStarts.length) return text.length;
  const start = lineStarts[position.line];
  const next = position.line + 1 < lineStarts.length ? lineStarts[position.line + 1] : text.length;
  // The line's content ends before its terminator.
  let end = next;
  if (position.line + 1 < lineStarts.length) {
    end = next - 1;
    if (text[end] === '\n' && text[end - 1] === '\r') end--;
  }
  return Math.min(start + position.character, end);
}

export function lineStartOffsets(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

/**
 * Applies edits to `text`. Overlapping edits are skipped (the first one wins), so the result is
 * always well defined; returns the new text and how many edits were applied.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): { text: string; applied: number } {
  const starts = lineStartOffsets(text);
  const sorted = [...edits].sort((a, b) => comparePositions(a.range.start, b.range.start) || comparePositions(a.range.end, b.range.end));
  const pieces: string[] = [];
  let cursor = 0;
  let applied = 0;
  for (const edit of sorted) {
    const start = offsetAt(text, starts, edit.range.start);
    const end = offsetAt(text, starts, edit.range.end);
    if (start < cursor || end < start) continue;
    pieces.push(text.slice(cursor, start), edit.newText);
    cursor = end;
    applied++;
  }
  pieces.push(text.slice(cursor));
  return { text: pieces.join(''), applied };
}

/** The edits of every safe fix, one fix per finding, for "fix all" and `--fix`. */
export function safeFixEdits(findings: readonly Finding[]): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const finding of findings) {
    const fix = finding.fixes.find((f) => f.safe);
    if (fix) edits.push(...fix.edits);
  }
  return edits;
}
