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

/**
 * The edits of every safe fix, one fix per finding, for "fix all" and `--fix`. Fixes that overlap one
 * already taken are left for the next round (see fixAll): an editor rejects a WorkspaceEdit whose edits
 * overlap, so one round's edits never do.
 */
export function safeFixEdits(findings: readonly Finding[]): TextEdit[] {
  const fixes = findings
    .map((finding) => finding.fixes.find((f) => f.safe))
    .filter((fix): fix is NonNullable<typeof fix> => fix !== undefined && fix.edits.length > 0)
    .map((fix) => [...fix.edits].sort((a, b) => comparePositions(a.range.start, b.range.start)))
    .sort((a, b) => comparePositions(a[0].range.start, b[0].range.start));
  const edits: TextEdit[] = [];
  let taken: TextEdit | undefined;
  for (const fixEdits of fixes) {
    let cursor = taken;
    const fits = fixEdits.every((edit) => {
      const ok = !cursor || comparePositions(edit.range.start, cursor.range.end) > 0 || (comparePositions(edit.range.start, cursor.range.end) === 0 && !isInsertionAt(cursor, edit));
      cursor = edit;
      return ok;
    });
    if (!fits) continue;
    edits.push(...fixEdits);
    taken = fixEdits[fixEdits.length - 1];
  }
  return edits;
}

/** Two edits touching at one point conflict when both insert there (their order would be ambiguous). */
function isInsertionAt(previous: TextEdit, next: TextEdit): boolean {
  const empty = (e: TextEdit) => comparePositions(e.range.start, e.range.end) === 0;
  return empty(previous) && empty(next);
}

/** Fix-all stops after this many rounds (a fix can reveal another; rules that undo each other must not loop). */
export const MAX_FIX_ROUNDS = 10;

export interface FixAllResult {
  text: string;
  /** Rounds that changed the text. */
  rounds: number;
  /** The findings of the final text. */
  findings: readonly Finding[];
}

/**
 * Applies every safe fix, re-checks, and repeats until nothing changes: fixing one thing can reveal
 * another, and overlapping fixes are applied one per round. The result is a fixed point, so running
 * fix-all on it again changes nothing.
 */
export function fixAll(linter: { lint(text: string, kind?: 'plaintext' | 'markdown'): { findings: readonly Finding[] } }, text: string, kind: 'plaintext' | 'markdown' = 'plaintext'): FixAllResult {
  let findings = linter.lint(text, kind).findings;
  let rounds = 0;
  while (rounds < MAX_FIX_ROUNDS) {
    const edits = safeFixEdits(findings);
    if (!edits.length) break;
    const next = applyEdits(text, edits).text;
    if (next === text) break;
    text = next;
    rounds++;
    findings = linter.lint(text, kind).findings;
  }
  return { text, rounds, findings };
}

/**
 * One edit that turns `before` into `after`: the changed middle between their common prefix and suffix,
 * widened so that it never splits a surrogate pair or a CRLF.
 */
export function replacementEdit(before: string, after: string): TextEdit | undefined {
  if (before === after) return undefined;
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (end < max - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  const splits = (s: string, i: number) => {
    const a = s.charCodeAt(i - 1);
    const b = s.charCodeAt(i);
    return (a >= 0xd800 && a <= 0xdbff && b >= 0xdc00 && b <= 0xdfff) || (a === 13 && b === 10);
  };
  while (start > 0 && (splits(before, start) || splits(after, start))) start--;
  while (end > 0 && (splits(before, before.length - end) || splits(after, after.length - end))) end--;
  const starts = lineStartOffsets(before);
  return { range: { start: positionAt(starts, start), end: positionAt(starts, before.length - end) }, newText: after.slice(start, after.length - end) };
}

function positionAt(lineStarts: number[], offset: number): Position {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, character: offset - lineStarts[lo] };
}
