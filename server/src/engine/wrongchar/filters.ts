import { isHanCode } from '../chars';
import type { Lexicon } from '../lexicon';
import type { Token } from '../segmentation';
import type { WrongCharTables } from './data';
import { PARAMS } from './params';

/**
 * Which characters the wrong-character rule questions at all, and the signs that characters are meant
 * as they are: quotation, parallel structures, names of organisations, words of a modern dictionary and
 * of the project's own phrase book.
 */

/** The character positions worth questioning (1 in the array): single-character tokens, unknown words, rare words. */
export function suspectPositions(text: string, tokens: readonly Token[], lexicon: Lexicon): Uint8Array {
  const positions = new Uint8Array(text.length);
  for (const token of tokens) {
    if (!isHanCode(text.charCodeAt(token.start))) continue;
    const len = token.end - token.start;
    if (len === 1 || lexicon.frequency(token.text) < PARAMS.trustedWord) {
      for (let i = token.start; i < token.end; i++) if (isHanCode(text.charCodeAt(i))) positions[i] = 1;
    }
  }
  return positions;
}

const OPENERS: Record<string, string> = { '“': '”', '‘': '’', '《': '》', '〈': '〉', '「': '」', '『': '』' };
const OPENER = /[“‘《〈「『]/g;
export const OPENER_ANYWHERE = /[“‘《〈「『]/;

/**
 * Marks the characters inside quotation marks and title marks: slogans (“稳内拓外”), coined names and
 * titles are deliberate wordplay more often than typos.
 */
export function quotedRanges(text: string): Uint8Array {
  const inside = new Uint8Array(text.length);
  OPENER.lastIndex = 0;
  for (let match = OPENER.exec(text); match; match = OPENER.exec(text)) {
    const i = match.index;
    const j = text.indexOf(OPENERS[text[i]], i + 1);
    if (j < 0 || j - i > 60) continue;
    inside.fill(1, i + 1, j);
    OPENER.lastIndex = j + 1;
  }
  return inside;
}

/** A parallel structure around position `i`: an ABAC or ABCB pattern of four Chinese characters (助餐助洁, 先行先试, 知责担责). */
export function inAlternation(text: string, i: number): boolean {
  for (let s = Math.max(0, i - 3); s <= i && s + 4 <= text.length; s++) {
    const c0 = text.charCodeAt(s);
    const c1 = text.charCodeAt(s + 1);
    const c2 = text.charCodeAt(s + 2);
    const c3 = text.charCodeAt(s + 3);
    if ((c0 === c2 || c1 === c3) && isHanCode(c0) && isHanCode(c1) && isHanCode(c2) && isHanCode(c3)) return true;
  }
  return false;
}

/** Between the members of a parallel frame. */
const FRAME_DELIMITER = /[、，；]/g;
/** Lengths of a frame's members (in Chinese characters), longest first. */
const FRAME_LONGEST = 8;
const FRAME_SHORTEST = 3;

const NO_SLOTS = new Uint16Array(0);

/**
 * The varying slots of repeated frames: where the text before a delimiter ends, and the text after it starts,
 * with equally long runs of Chinese characters that are alike but at `PARAMS.frameSlots` places at most
 * (一严到底、一贯到底; 以案促改、以案促治), those places are meant to differ: a writer who repeats a frame
 * chooses what fills it. The array holds, at each slot, the character the other member has there (0 elsewhere):
 * a suggestion to write that very character is still a typo's correction (一种甫助生育技术，辅助生育技术 — the
 * writer repeated a phrase and mistyped it once). ABAC and ABCB within four characters are inAlternation's.
 */
export function parallelSlots(text: string): Uint16Array {
  let slots = NO_SLOTS;
  FRAME_DELIMITER.lastIndex = 0;
  for (let match = FRAME_DELIMITER.exec(text); match; match = FRAME_DELIMITER.exec(text)) {
    const d = match.index;
    for (let len = FRAME_LONGEST; len >= FRAME_SHORTEST; len--) {
      const a = d - len;
      const b = d + 1;
      if (a < 0 || b + len > text.length) continue;
      let differing = 0;
      let han = true;
      for (let k = 0; k < len && han; k++) {
        const x = text.charCodeAt(a + k);
        const y = text.charCodeAt(b + k);
        han = isHanCode(x) && isHanCode(y);
        if (x !== y) differing++;
      }
      if (!han || differing === 0 || differing > (len <= 3 ? Math.min(1, PARAMS.frameSlots) : PARAMS.frameSlots) || len - differing < 2) continue;
      if (slots === NO_SLOTS) slots = new Uint16Array(text.length);
      for (let k = 0; k < len; k++) {
        const x = text.charCodeAt(a + k);
        const y = text.charCodeAt(b + k);
        if (x === y) continue;
        slots[a + k] = y;
        slots[b + k] = x;
      }
      break;
    }
  }
  return slots;
}

/** Units of a place's address that a name of one to four characters follows (蒋村街道, 麻田镇, 八宿县) … */
const PLACE_BEFORE = /(?:街道|办事处|[省市县区旗镇乡])$/;
/** … and that end the next, smaller place's name (山底村, 芹泉镇, 劳动一坊社区). Not 区 or 县: 小区, 园区, 示范区. */
const PLACE_AFTER = /(?:村|镇|乡|社区|嘎查)/y;

/**
 * The characters of place names in an address (麻田镇包村, 义井镇山底村, 街道劳动一坊社区): one to four Chinese
 * characters between the unit of a larger place and the unit that ends the next one. Names of villages and
 * towns are what no dictionary knows and the model reads as typos (包村 → 山村); marked 1.
 */
export function placeNames(text: string): Uint8Array {
  let out: Uint8Array | undefined;
  for (let q = 2; q < text.length; q++) {
    PLACE_AFTER.lastIndex = q;
    if (!PLACE_AFTER.test(text)) continue;
    // The nearest start of the name: the name's characters are Chinese and hold no unit of their own.
    for (let p = q - 1; p >= Math.max(1, q - 4) && isHanCode(text.charCodeAt(p)); p--) {
      if (PLACE_BEFORE.test(text.slice(Math.max(0, p - 3), p))) {
        (out ??= new Uint8Array(text.length)).fill(1, p, q);
        break;
      }
    }
  }
  return out ?? NO_PLACES;
}

const NO_PLACES = new Uint8Array(0);

/** Whether a suggestion to write `char` at `i` goes against a repeated frame (see parallelSlots). */
export function againstFrame(slots: Uint16Array, i: number, char: string): boolean {
  return slots.length > 0 && slots[i] !== 0 && slots[i] !== char.charCodeAt(0);
}

/**
 * Words that end the name of an organisation: a string followed by one of them is a name (弘润石化,
 * 中芯国际), and names are not checked. (Place and facility suffixes — 村, 镇, 路, 线 — cost more
 * typos than they saved.)
 */
const NAME_SUFFIX = /(?:有限公司|股份|公司|集团|石化|生物|信息|科技|人寿|银行|证券|国际|控股|医药|电子)/y;

/** Whether the end of an organisation's name follows position `end`: what precedes it is a name. */
export function nameFollows(text: string, end: number): boolean {
  NAME_SUFFIX.lastIndex = end;
  return NAME_SUFFIX.test(text);
}

/**
 * Whether the character at `i` is part of a word that jieba's 2013 dictionary lacks but a modern
 * dictionary has (电竞, 抗疫, 央企, 大数据): such a word is not a typo.
 */
export function inKnownWord(text: string, i: number, data: WrongCharTables): boolean {
  const { words, pairs } = data.knownWords;
  // Every two neighbouring characters of a listed word are a pair of `pairs`: a window that reaches over
  // two neighbours that are not (the nearest such place before `i`, the nearest from `i` on) is no listed word.
  const from = Math.max(0, i - 3);
  let brokenBefore = -1;
  let brokenAfter = text.length;
  for (let j = from; j < i + 3 && j + 1 < text.length; j++) {
    if (pairs.has(text.charCodeAt(j), text.charCodeAt(j + 1))) continue;
    if (j < i) brokenBefore = j;
    else {
      brokenAfter = j;
      break;
    }
  }
  for (let len = 2; len <= 4; len++) {
    for (let s = Math.max(0, i - len + 1); s <= i && s + len <= text.length; s++) {
      // The window's pairs are (s, s + 1) … (s + len - 2, s + len - 1).
      if (s <= brokenBefore || s + len - 2 >= brokenAfter) continue;
      if (words.hasAt(text, s, s + len)) return true;
    }
  }
  return false;
}

/**
 * Whether the token occurs, with at most two neighbouring characters, in the project's phrase book (standard
 * terms and snippets: 持之以恒纠治“四风”, 更实举措): words that this curated 公文 language uses are not typos,
 * however rare they are in jieba's general dictionary.
 */
export function inOwnPhrases(text: string, token: { start: number; end: number }, data: WrongCharTables): boolean {
  const book = data.phrases;
  const length = token.end - token.start;
  for (let len = Math.max(2, length); len <= Math.max(4, length); len++) {
    // Every window covers the whole token, so `i` too.
    for (let s = Math.max(0, token.end - len); s <= token.start && s + len <= text.length; s++) {
      let pairsInBook = true;
      for (let j = s; j + 1 < s + len && pairsInBook; j++) pairsInBook = book.pairs.has(text.charCodeAt(j), text.charCodeAt(j + 1));
      if (pairsInBook && book.text.includes(text.slice(s, s + len))) return true;
    }
  }
  return false;
}
