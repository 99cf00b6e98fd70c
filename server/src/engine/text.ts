import { isHan } from './chars';

/** Splitting text into lines the way LSP counts them: \r\n, \n and \r all end a line. */
export interface LineSplit {
  /** Line contents without their terminators. */
  lines: string[];
  /** Offset of each line's first character in the whole text. */
  offsets: number[];
}

/**
 * A copy of `text` that shares no memory with the string it was cut from. V8 makes a slice of a long
 * string a view into it: a line sliced from a document keeps the whole document alive. The lines a
 * keystroke re-splits outlive that version of the document (unchanged lines are carried over from
 * version to version), so without the copy every edit would keep one more full text alive. Prepending
 * a character makes a rope, which slice() flattens into a fresh string the length of `text`.
 */
export function detached(text: string): string {
  return (' ' + text).slice(1);
}

export function splitLines(text: string): LineSplit {
  const lines: string[] = [];
  const offsets: number[] = [];
  let start = 0;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 /* \n */ || code === 13 /* \r */) {
      lines.push(text.slice(start, i));
      offsets.push(start);
      if (code === 13 && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  lines.push(text.slice(start));
  offsets.push(start);
  return { lines, offsets };
}

/** Whitespace used in Chinese documents, including the ideographic space U+3000. */
export function isBlank(line: string): boolean {
  return /^[\s\u3000\uFEFF]*$/.test(line);
}

/** Number of leading whitespace code units (ASCII spaces, tabs, U+3000 and a BOM). */
export function leadingSpace(line: string): number {
  let i = 0;
  while (i < line.length) {
    const c = line.charCodeAt(i);
    if (c === 0x20 || c === 0x09 || c === 0x3000 || c === 0xfeff || c === 0xa0) i++;
    else break;
  }
  return i;
}

/** Exactly the characters /\s/ matches (so that a line counted as blank has no visible characters). */
function isWhiteSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Counts characters a Chinese writer counts: every code point that is not whitespace (as /\s/ defines it). */
export function countVisibleChars(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isWhiteSpace(c)) continue;
    // A surrogate pair is one character.
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    count++;
  }
  return count;
}

export function countHanChars(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // Fast paths: nothing below U+2E80 is Han; U+4E00–U+9FFF all is. The rest asks the regex.
    if (c < 0x2e80) continue;
    if (c >= 0x4e00 && c <= 0x9fff) {
      count++;
      continue;
    }
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      if (isHan(text.slice(i, i + 2))) count++;
      i++;
    } else if (isHan(text[i])) count++;
  }
  return count;
}

/** 1234567 → "1,234,567" (as toLocaleString('en-US') would, without its cost: the outline calls this per node). */
export function formatThousands(n: number): string {
  if (!Number.isSafeInteger(n)) return n.toLocaleString('en-US');
  const digits = String(Math.abs(n));
  let out = '';
  for (let end = digits.length; end > 0; end -= 3) out = digits.slice(Math.max(0, end - 3), end) + (out ? ',' + out : '');
  return n < 0 ? '-' + out : out;
}
