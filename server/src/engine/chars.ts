/**
 * Character classes and "protected" spans (URLs, code) shared by the text-level proofreading rules.
 * Everything here is linear in the length of the line: plain loops and regexes without nested
 * quantifiers.
 */

/*
 * Three Han sets, each for its own job (they differ on purpose; pick by what the caller needs):
 * - isHan(char): Unicode's Script=Han — every ideograph on every plane, 〇 々, the radicals. For counting
 *   (statistics) and recognising what was typed (completion).
 * - isHanCode(code): a UTF-16 unit in CJK Unified Ideographs or Extension A — the characters the
 *   wrong-character data and the segmentation lexicon cover; nothing astral.
 * - isHanUnit(code) / isHanAt(text, i): the text rules' "Chinese context" — CJK Unified, Extension A,
 *   the compatibility ideographs, 〇, and either half of a surrogate pair of planes 2–3 (Extensions B–H).
 */

const SCRIPT_HAN = /\p{Script=Han}/u;

/** One character (a code point: one UTF-16 unit or a surrogate pair) of Unicode's Han script. */
export function isHan(char: string): boolean {
  return SCRIPT_HAN.test(char);
}

/** A UTF-16 unit in CJK Unified Ideographs (U+4E00–U+9FFF) or Extension A (U+3400–U+4DBF). */
export function isHanCode(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf);
}

/**
 * A UTF-16 unit that is, or begins, a Han ideograph for the text rules: CJK Unified, Extension A, the
 * compatibility ideographs, 〇 and the high surrogates of planes 2–3 (CJK Extensions B–H).
 */
export function isHanUnit(c: number): boolean {
  return (
    isHanCode(c) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    c === 0x3007 || // 〇
    (c >= 0xd840 && c <= 0xd87f) // high surrogates of planes 2–3 (CJK extensions B–H)
  );
}

/** True when the UTF-16 unit at `i` belongs to a Han character by isHanUnit (either half of a surrogate pair). */
export function isHanAt(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false;
  const c = text.charCodeAt(i);
  if (c >= 0xdc00 && c <= 0xdfff) return i > 0 && isHanUnit(text.charCodeAt(i - 1));
  return isHanUnit(c);
}

/** Some unit of text[from, to) is Han by isHanAt. */
export function containsHan(text: string, from = 0, to = text.length): boolean {
  for (let i = from; i < to; i++) if (isHanAt(text, i)) return true;
  return false;
}

/** Every unit of the text is Han by isHanAt (true for ""). */
export function allHan(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (!isHanAt(text, i)) return false;
  return true;
}

export function isDigitCode(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

export function isLatinCode(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

export function isDigitAt(text: string, i: number): boolean {
  return i >= 0 && i < text.length && isDigitCode(text.charCodeAt(i));
}

export function isLatinAt(text: string, i: number): boolean {
  return i >= 0 && i < text.length && isLatinCode(text.charCodeAt(i));
}

/** Full-width (Chinese) punctuation marks. */
const CJK_PUNCT = new Set('，。、；：？！“”‘’（）《》〈〉【】——……·〔〕［］｛｝「」『』～'.split(''));

export function isCjkPunct(char: string | undefined): boolean {
  return char !== undefined && CJK_PUNCT.has(char);
}

/** Han character or Chinese punctuation: the text around is Chinese. */
export function isChineseAt(text: string, i: number): boolean {
  return isHanAt(text, i) || isCjkPunct(text[i]);
}

export function isSpaceCode(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x3000 || c === 0xa0;
}

/** Index of the nearest character before `i` that is not a space, or -1. */
export function prevNonSpace(text: string, i: number): number {
  let j = i - 1;
  while (j >= 0 && isSpaceCode(text.charCodeAt(j))) j--;
  return j;
}

/** Index of the nearest character at or after `i` that is not a space, or text.length. */
export function nextNonSpace(text: string, i: number): number {
  let j = i;
  while (j < text.length && isSpaceCode(text.charCodeAt(j))) j++;
  return j;
}

const URL_ANYWHERE = /(?:[a-zA-Z][a-zA-Z0-9+.-]{0,15}:\/\/|www\.)/;
const EMAIL = /^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$/;
const DOMAIN_OR_FILE = /\.(?:com|cn|net|org|gov|edu|io|html?|pdf|docx?|xlsx?|pptx?|txt|md|json|js|ts|png|jpe?g|gif|zip|rar)$/i;
const CODE_SPAN = /`[^`]*`/g;
const MD_LINK_TARGET = /\]\([^()[\]\s]*\)/g;
const HTML_TAG = /<\/?[a-zA-Z!][^<>]*>/g;

const TRAILING = ',.;:!?)]\'"';
const LEADING = '([\'"';

function isWordishCode(c: number): boolean {
  return c > 0x20 && c < 0x7f;
}

/**
 * Marks the parts of a line that are not prose: URLs, e-mail addresses, domain and file names and,
 * in Markdown, code spans, link targets and HTML tags. mask[i] === 1 means "leave this character alone".
 */
export function protectedMask(text: string, markdown: boolean): Uint8Array {
  const mask = new Uint8Array(text.length);
  // Maximal runs of printable ASCII are classified one by one, so each character is looked at a
  // bounded number of times.
  for (let i = 0; i < text.length; ) {
    if (!isWordishCode(text.charCodeAt(i))) {
      i++;
      continue;
    }
    let end = i;
    while (end < text.length && isWordishCode(text.charCodeAt(end))) end++;
    // Prose punctuation glued to either end of an address is not part of it (a ")" is, when the
    // address opened one).
    let stop = end;
    while (stop > i && TRAILING.includes(text[stop - 1])) stop--;
    let start = stop > i && LEADING.includes(text[i]) ? i + 1 : i;
    const url = URL_ANYWHERE.exec(text.slice(start, stop));
    if (url) start += url.index;
    const candidate = text.slice(start, stop);
    let opens = 0;
    for (const ch of candidate) if (ch === '(') opens++;
    while (opens > 0 && text[stop] === ')') {
      stop++;
      opens--;
    }
    if (candidate.length > 3 && (url || (candidate.includes('@') && EMAIL.test(candidate)) || DOMAIN_OR_FILE.test(candidate))) {
      mask.fill(1, start, stop);
    }
    i = end;
  }
  const mark = (re: RegExp, from = 0) => {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) mask.fill(1, m.index + from, m.index + m[0].length);
  };
  if (markdown) {
    mark(CODE_SPAN);
    mark(MD_LINK_TARGET, 1);
    mark(HTML_TAG);
  }
  return mask;
}
