import { parseChineseNumber } from './numerals';

/**
 * Inline enumerations inside paragraphs. Families must not be mixed in one list:
 * 一是/二是 ("shi"), 第一/第二 ("di"), 其一/其二 ("qi"), 首先/其次/再次/最后 ("order").
 */
export type EnumerationFamily = 'shi' | 'di' | 'qi' | 'order';

export interface EnumerationItem {
  family: EnumerationFamily;
  /** 1-based position; 最后 has number 0 (it closes a list of any length). */
  number: number;
  marker: string;
  /** Offsets of the marker (without the punctuation that follows it). */
  markerStart: number;
  markerEnd: number;
  /** Punctuation written right after the marker ("" when none). */
  punctuation: string;
  /** Offset where the item's text ends (the next item or the end of the paragraph). */
  end: number;
}

const ORDER_WORDS: Record<string, number> = { 首先: 1, 其次: 2, 再次: 3, 最后: 0 };

// An item opens a sentence: at the paragraph start or after 。；：！？ (and for 一是, after ，).
// The lookbehind is a single character, so the scan stays linear.
const ITEM =
  /(?<=^|[。；;：:！？!?\s\u3000])(?:([一二三四五六七八九十]{1,2})是|第([一二三四五六七八九十]{1,2})(?=[，,、：:])|其([一二三四五六七八九十])(?=[，,、：:])|(首先|其次|再次|最后)(?=[，,、]))|(?<=，)([一二三四五六七八九十]{1,2})是/gu;

export function findEnumerationItems(line: string, from = 0): EnumerationItem[] {
  const items: EnumerationItem[] = [];
  ITEM.lastIndex = from;
  let m: RegExpExecArray | null;
  let sawOrderStart = false;
  while ((m = ITEM.exec(line))) {
    let family: EnumerationFamily;
    let number: number | undefined;
    if (m[1] !== undefined || m[5] !== undefined) {
      family = 'shi';
      number = parseChineseNumber(m[1] ?? m[5]);
      // "一是一，二是二" and "唯一是" style collocations are not enumerations.
      const after = line[m.index + m[0].length];
      if (after === undefined || /[，。,]/.test(after)) continue;
    } else if (m[2] !== undefined) {
      family = 'di';
      number = parseChineseNumber(m[2]);
    } else if (m[3] !== undefined) {
      family = 'qi';
      number = parseChineseNumber(m[3]);
    } else {
      family = 'order';
      number = ORDER_WORDS[m[4]];
      if (number === 1 || number === 2) sawOrderStart = true;
      // A lone 最后 or 再次 is ordinary prose, not a list.
      if (!sawOrderStart) continue;
    }
    if (number === undefined) continue;
    const markerStart = m.index;
    const markerEnd = m.index + m[0].length;
    const next = line[markerEnd];
    const punctuation = next !== undefined && /[，,、：:]/.test(next) ? next : '';
    items.push({ family, number, marker: m[0], markerStart, markerEnd, punctuation, end: line.length });
  }
  for (let i = 0; i + 1 < items.length; i++) items[i].end = items[i + 1].markerStart;
  return items;
}
