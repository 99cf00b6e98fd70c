import { detached, splitLines } from './text';

/** Lines of a text with the offset where each starts (terminators \r\n, \n, \r as in LSP). */
export interface SplitText {
  text: string;
  lines: string[];
  offsets: number[];
}

/**
 * Which lines changed between two versions of a text: lines [start, oldEnd) of the old text became
 * lines [start, newEnd) of the new one; every line before `start` and from `oldEnd` on is unchanged
 * (the latter moved by `newEnd - oldEnd`).
 */
export interface LineChange {
  start: number;
  oldEnd: number;
  newEnd: number;
}

/** A change that changed nothing (the same text parsed again). */
function isEmptyChange(change: LineChange): boolean {
  return change.start === change.oldEnd && change.start === change.newEnd;
}

/**
 * One change for two in a row (`second` applies to the text `first` produced): the span covering both.
 * Lines between two distant changes count as changed too; carryOver finds them again by their text.
 */
export function composeChanges(first: LineChange, second: LineChange): LineChange {
  if (isEmptyChange(second)) return first;
  if (isEmptyChange(first)) return second;
  const firstShift = first.newEnd - first.oldEnd;
  const secondShift = second.newEnd - second.oldEnd;
  // The end of `second`'s span in the oldest text, and the end of `first`'s span in the newest.
  const secondOldEnd = second.oldEnd <= first.start ? second.oldEnd : second.oldEnd >= first.newEnd ? second.oldEnd - firstShift : first.oldEnd;
  const firstNewEnd = first.newEnd <= second.start ? first.newEnd : first.newEnd >= second.oldEnd ? first.newEnd + secondShift : second.newEnd;
  return { start: Math.min(first.start, second.start), oldEnd: Math.max(first.oldEnd, secondOldEnd), newEnd: Math.max(second.newEnd, firstNewEnd) };
}

/** Length of the common prefix of two strings, compared in native-speed halving steps. */
export function commonPrefixLength(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  if (a.substring(0, max) === b.substring(0, max)) return max;
  let lo = 0; // a[0, lo) === b[0, lo)
  let hi = max; // a[0, hi) !== b[0, hi)
  while (hi - lo > 32) {
    const mid = (lo + hi) >>> 1;
    if (a.substring(lo, mid) === b.substring(lo, mid)) lo = mid;
    else hi = mid;
  }
  while (lo < hi && a.charCodeAt(lo) === b.charCodeAt(lo)) lo++;
  return lo;
}

/** Length of the common suffix of two strings, not reaching into the first `floor` characters of either. */
export function commonSuffixLength(a: string, b: string, floor = 0): number {
  const max = Math.min(a.length, b.length) - floor;
  if (max <= 0) return 0;
  if (a.substring(a.length - max) === b.substring(b.length - max)) return max;
  let lo = 0;
  let hi = max;
  while (hi - lo > 32) {
    const mid = (lo + hi) >>> 1;
    if (a.substring(a.length - mid, a.length - lo) === b.substring(b.length - mid, b.length - lo)) lo = mid;
    else hi = mid;
  }
  while (lo < hi && a.charCodeAt(a.length - 1 - lo) === b.charCodeAt(b.length - 1 - lo)) lo++;
  return lo;
}

/** Index of the line containing offset `offset` (its terminator included). */
function lineAt(offsets: readonly number[], offset: number): number {
  let lo = 0;
  let hi = offsets.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (offsets[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Splits `text` into lines, reusing the unchanged lines of `previous`: only the lines around the
 * changed span are split again, so a keystroke in a 1 MB document costs little more than comparing
 * the two versions (a native string comparison). Returns the change in line terms.
 */
export function splitIncrementally(text: string, previous: SplitText | undefined): { split: SplitText; change: LineChange | undefined } {
  if (!previous) return { split: { text, ...splitLines(text) }, change: undefined };
  const old = previous.text;
  if (old === text) {
    const n = previous.lines.length;
    return { split: { text, lines: previous.lines, offsets: previous.offsets }, change: { start: n, oldEnd: n, newEnd: n } };
  }
  const prefix = commonPrefixLength(old, text);
  const suffix = commonSuffixLength(old, text, prefix);
  const oldChangeEnd = old.length - suffix; // exclusive; [prefix, oldChangeEnd) changed
  const { lines: oldLines, offsets: oldOffsets } = previous;
  const lastOld = oldLines.length - 1;
  // A change right after a \r may turn it into \r\n: start with the line the \r ends. Otherwise the line
  // holding the change (a paste at the start of a line leaves the line above alone).
  const start = prefix === 0 ? 0 : lineAt(oldOffsets, old.charCodeAt(prefix - 1) === 13 ? prefix - 1 : prefix);
  // The line containing the last changed character (or the character after an insertion).
  const endLine = lineAt(oldOffsets, Math.min(oldChangeEnd, old.length));
  const delta = text.length - old.length;
  const regionStart = oldOffsets[start];
  // The re-split lines are cut from a copy of their region, not from `text` (see `detached`).
  let middle: string[];
  let oldEnd: number;
  if (endLine >= lastOld) {
    middle = splitLines(detached(text.slice(regionStart))).lines;
    oldEnd = oldLines.length;
  } else {
    // The region ends at the start of line endLine + 1, which lies in the unchanged suffix.
    const regionEnd = oldOffsets[endLine + 1] + delta;
    middle = splitLines(detached(text.slice(regionStart, regionEnd))).lines;
    middle.pop(); // the empty piece after the region's final terminator
    oldEnd = endLine + 1;
  }
  const lines = oldLines.slice(0, start);
  const offsets = oldOffsets.slice(0, start);
  let offset = regionStart;
  for (const line of middle) {
    lines.push(line);
    offsets.push(offset);
    offset += line.length;
    // Terminator length, read from the new text.
    if (text.charCodeAt(offset) === 13 && text.charCodeAt(offset + 1) === 10) offset += 2;
    else offset += 1;
  }
  const newEnd = lines.length;
  for (let i = oldEnd; i < oldLines.length; i++) {
    lines.push(oldLines[i]);
    offsets.push(oldOffsets[i] + delta);
  }
  return { split: { text, lines, offsets }, change: { start, oldEnd, newEnd } };
}

/**
 * Carries per-line values over a change: unchanged lines keep theirs; changed lines get the value of
 * an identical removed line when there is one (a moved paragraph), else `undefined`.
 */
export function carryOver<V>(
  values: readonly (V | undefined)[],
  oldLines: readonly string[],
  newLines: readonly string[],
  change: LineChange,
): (V | undefined)[] {
  const { start, oldEnd, newEnd } = change;
  const removed = new Map<string, V>();
  for (let i = start; i < oldEnd; i++) {
    const v = values[i];
    if (v !== undefined) removed.set(oldLines[i], v);
  }
  const middle = new Array<V | undefined>(newEnd - start);
  for (let i = start; i < newEnd; i++) middle[i - start] = removed.get(newLines[i]);
  // Native copies of the unchanged parts (a 1 MB report has thousands of lines on either side).
  return values.slice(0, start).concat(middle, values.slice(oldEnd));
}
