import data from '../../data/formulations.json';
import type { EngineData } from './data';
import { charLikeness, editDistance } from './fuzzy';

/** A numbered formulation (四个意识) and its items, from server/data/formulations.json. */
export interface Formulation {
  name: string;
  aliases: string[];
  /** Each item's accepted wordings; the first is the standard one. */
  items: string[][];
  ordered: boolean;
  quoted: boolean;
  source: string;
  historic: { name: string; items: string[][]; since: string; untilYear?: number }[];
  /** 四 + 个 + 意识 for names of that shape. */
  anchor?: { numeral: string; classifier: string; head: string };
}

interface Entry {
  name: string;
  aliases?: string[];
  items: (string | string[])[];
  ordered?: boolean;
  quoted?: boolean;
  source: string;
  historic?: { name: string; items: (string | string[])[]; since: string; untilYear?: number }[];
}

const NUMERALS = '一二三四五六七八九十两';
export const CLASSIFIERS = '个项种大条';
const ANCHOR = new RegExp(`^([${NUMERALS}]+)([${CLASSIFIERS}])([\\u4e00-\\u9fff]{2,})$`);

const items = (list: (string | string[])[]): string[][] => list.map((i) => (Array.isArray(i) ? i : [i]));

export const FORMULATIONS: readonly Formulation[] = (data as { formulations: Entry[] }).formulations.map((e) => {
  const m = ANCHOR.exec(e.name);
  return {
    name: e.name,
    aliases: e.aliases ?? [],
    items: items(e.items),
    ordered: e.ordered ?? false,
    quoted: e.quoted ?? false,
    source: e.source,
    historic: (e.historic ?? []).map((h) => ({ ...h, items: items(h.items) })),
    anchor: m ? { numeral: m[1], classifier: m[2], head: m[3] } : undefined,
  };
});

export const NUMERAL_VALUE: Record<string, number> = { 一: 1, 两: 2, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** The number a Chinese numeral of one or two characters stands for (十二 → 12), NaN if none. */
export function numeralValue(text: string): number {
  if (text.length === 1) return NUMERAL_VALUE[text] ?? NaN;
  if (text.length === 2 && text[0] === '十') return 10 + (NUMERAL_VALUE[text[1]] ?? NaN);
  if (text.length === 2 && text[1] === '十') return (NUMERAL_VALUE[text[0]] ?? NaN) * 10;
  return NaN;
}

export type ItemMatch = { item: number; exact: boolean } | undefined;

/** Which item of `list` a listed segment is: exactly one of its wordings, or one character off. */
export function matchItem(segment: string, list: readonly string[][], allowNear: boolean, data?: EngineData): ItemMatch {
  for (let i = 0; i < list.length; i++) if (list[i].includes(segment)) return { item: i, exact: true };
  if (!allowNear) return undefined;
  for (let i = 0; i < list.length; i++) {
    for (const wording of list[i]) {
      if (wording.length < 2 || Math.abs(wording.length - segment.length) > 1) continue;
      if (wording.length === segment.length) {
        let diff = -1;
        let count = 0;
        for (let k = 0; k < wording.length; k++) if (wording[k] !== segment[k]) (diff = k), count++;
        // A two-character item one character off must be a sound-alike or look-alike slip.
        if (count === 1 && (wording.length >= 4 || charLikeness(segment[diff], wording[diff], data))) return { item: i, exact: false };
      } else if (wording.length >= 4 && editDistance(segment, wording, 1) === 1) return { item: i, exact: false };
    }
  }
  return undefined;
}

export interface Segment {
  text: string;
  start: number;
  end: number;
}

/** Splits [from, to) of a line at 、，, and a final 和/及/以及 into trimmed segments. */
export function segments(line: string, from: number, to: number, isItem: (text: string) => boolean = () => false): Segment[] {
  const out: Segment[] = [];
  let start = from;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && /[\s“”‘’]/.test(line[s])) s++;
    while (e > s && /[\s“”‘’]/.test(line[e - 1])) e--;
    if (e > s) out.push({ text: line.slice(s, e), start: s, end: e });
  };
  for (let i = from; i < to; i++) {
    if (line[i] === '、' || line[i] === '，' || line[i] === ',') {
      push(i);
      start = i + 1;
    }
  }
  push(to);
  // 形式主义、官僚主义、享乐主义和奢靡之风: the last segment may join two items.
  const last = out[out.length - 1];
  if (last && !isItem(last.text)) {
    const joint = /^(.+?)(以及|和|及|与)(.+)$/.exec(last.text);
    if (joint) {
      out.pop();
      const second = last.start + joint[1].length + joint[2].length;
      out.push({ text: joint[1], start: last.start, end: last.start + joint[1].length }, { text: joint[3], start: second, end: last.end });
    }
  }
  return out;
}

/** The items in standard form, joined as they are usually written. */
export function itemsText(list: readonly string[][]): string {
  return list.map((i) => i[0]).join('、');
}

/** Hover text for a formulation. */
export function formulationMarkdown(f: Formulation): string {
  const name = f.quoted ? `“${f.name}”` : f.name;
  const parts = [`**${name}**（规范提法）`, '', `内容：${itemsText(f.items)}${f.ordered ? '（顺序固定）' : ''}`, '', `出处：${f.source}`];
  for (const h of f.historic) parts.push('', `旧提法：${h.name}（${itemsText(h.items)}），${h.since}。`);
  return parts.join('\n');
}
