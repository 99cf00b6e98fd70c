import data from '../../../data/formulation-names.json';
import { editDistance, minimalEdit } from '../fuzzy';
import { PhraseTrie } from '../phrases';
import { wrongFormsIn } from '../terms';
import type { LineFinding, LineRule } from './rule';

/**
 * Full names that must be written exactly (习近平新时代中国特色社会主义思想, 中央八项规定及其实施细则精神,
 * 《中国共产党纪律处分条例》, 国家发展和改革委员会…, server/data/formulation-names.json): a written form one
 * character off (two for names of twelve characters or more), found from the first or the last two
 * characters of the name, is flagged unless it is another listed name, an allowed variant, or merely
 * the name's beginning or end (中央八项规定及其实施细则 is a shorter correct reference); listed wrong
 * forms; and the numbering of party congresses and plenums (二十届三全会, 20大, 20届3中全会).
 */

interface NameEntry {
  name: string;
  allow: string[];
}

const ENTRIES: NameEntry[] = (data as { names: (string | { name: string; allow?: string[] })[] }).names.map((n) =>
  typeof n === 'string' ? { name: n, allow: [] } : { name: n.name, allow: n.allow ?? [] },
);
const EXACT = new Set<string>(ENTRIES.flatMap((e) => [e.name, ...e.allow]));
const EXACT_TRIE = new PhraseTrie<true>();
for (const n of EXACT) EXACT_TRIE.add(n, true);
const WRONG = new PhraseTrie<{ wrong: string; right: string; note?: string }>();
for (const w of (data as { wrongForms: { wrong: string; right: string; note?: string }[] }).wrongForms) WRONG.add(w.wrong, w);
/** Names long enough for fuzzy matching, each with its first and last two characters. */
const FUZZY = ENTRIES.filter((e) => e.name.length >= 8).map((e) => ({ ...e, head: e.name.slice(0, 2), tail: e.name.slice(-2), max: e.name.length >= 12 ? 2 : 1 }));
const ANCHOR_CHARS = new Set(FUZZY.flatMap((e) => [e.head.charCodeAt(0), e.tail.charCodeAt(0)]));
/** The anchors (two characters) → which names start (2 × index) or end (2 × index + 1) with them. */
const ANCHORS = new Map<string, number[]>();
FUZZY.forEach((e, index) => {
  for (const [anchor, order] of [[e.head, 2 * index], [e.tail, 2 * index + 1]] as const) {
    const list = ANCHORS.get(anchor);
    if (list) list.push(order);
    else ANCHORS.set(anchor, [order]);
  }
});

const DIGITS = '〇一二三四五六七八九';
/** 20 → 二十, 3 → 三, 14 → 十四 (numbers below 100). */
function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n];
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? '' : DIGITS[tens]}十${n % 10 ? DIGITS[n % 10] : ''}`;
}

interface Session {
  pattern: RegExp;
  fix: (m: RegExpExecArray) => string;
  message: (m: RegExpExecArray, right: string) => string;
}

const CN = '[一二三四五六七八九十]{1,3}';
const SESSIONS: Session[] = [
  {
    // 二十届三全会 → 二十届三中全会
    pattern: new RegExp(`(?<![省市县区州盟旗]委)(${CN})届([一二三四五六七八九])全会`, 'g'),
    fix: (m) => `${m[1]}届${m[2]}中全会`,
    message: (m, right) => `中央全会的规范简称是“${right}”（第${m[1]}届中央委员会第${m[2]}次全体会议），不写作“${m[0]}”`,
  },
  {
    // 党的二十届三次全会 → 二十届三中全会 (a provincial committee's plenum is 省委十二届八次全会: only after 党的)
    pattern: new RegExp(`(?<=党的)(${CN})届([一二三四五六七八九])次全会`, 'g'),
    fix: (m) => `${m[1]}届${m[2]}中全会`,
    message: (m, right) => `中央全会的规范简称是“${right}”，不写作“${m[0]}”`,
  },
  {
    // 20届3中全会, 二十届3中全会 → 二十届三中全会
    pattern: /(\d{1,2}|[一二三四五六七八九十]{1,3})届(\d|[一二三四五六七八九])中全会/g,
    fix: (m) => `${/\d/.test(m[1]) ? chineseNumber(Number(m[1])) : m[1]}届${/\d/.test(m[2]) ? chineseNumber(Number(m[2])) : m[2]}中全会`,
    message: (m, right) => `届次、会次用汉字数字：“${right}”，不写作“${m[0]}”（GB/T 15835：十一届全国人大一次会议）`,
  },
  {
    // 党的20大, 20大精神 → 二十大
    pattern: /(?<=党的)(\d{1,2})大|(?<![\d.])(\d{1,2})大(?=精神|报告|以来|胜利召开|和\d{1,2}届|和[一二三四五六七八九十]{1,3}届)/g,
    fix: (m) => `${chineseNumber(Number(m[1] ?? m[2]))}大`,
    message: (m, right) => `党代会的简称用汉字数字：“${right}”，不写作“${m[0]}”`,
  },
  {
    // 14届全国人大3次会议 → 十四届全国人大三次会议
    pattern: /(\d{1,2})届(全国人大|全国政协|省人大|市人大|县人大|省政协|市政协|县政协|中央纪委|省委|市委|县委|区委|人大|政协)(\d{1,2})次(全体)?会议/g,
    fix: (m) => `${chineseNumber(Number(m[1]))}届${m[2]}${chineseNumber(Number(m[3]))}次${m[4] ?? ''}会议`,
    message: (m, right) => `届次、会次用汉字数字：“${right}”，不写作“${m[0]}”（GB/T 15835：十一届全国人大一次会议）`,
  },
];

function finding(start: number, end: number, message: string, right: string, safe: boolean, severity: LineFinding['severity'] = 'warning', written = ''): LineFinding {
  const edit = written ? minimalEdit(start, written, right) : { start, end, newText: right };
  return { start, end, message, severity, fixes: [{ title: `改为“${right}”`, edits: [edit], safe }] };
}

/** The best window around an anchor: the written text closest to `name` that starts (or ends) there. */
function closest(text: string, name: string, at: number, fromEnd: boolean, max: number): { start: number; end: number; distance: number } | undefined {
  let best: { start: number; end: number; distance: number } | undefined;
  for (const len of [name.length, name.length - 1, name.length + 1, name.length - 2, name.length + 2]) {
    const start = fromEnd ? at - len : at;
    const end = fromEnd ? at : at + len;
    if (start < 0 || end > text.length) continue;
    const d = editDistance(name, text.slice(start, end), max);
    if (d <= max && (!best || d < best.distance)) best = { start, end, distance: d };
    if (d === 0) break;
  }
  return best;
}

function fuzzyNames(text: string, out: LineFinding[], taken: (s: number, e: number) => boolean): void {
  // The anchors in the text, in one pass, then handled name by name, head before tail, left to right.
  const hits: [number, number][] = [];
  for (let i = 0; i + 1 < text.length; i++) {
    if (!ANCHOR_CHARS.has(text.charCodeAt(i))) continue;
    const orders = ANCHORS.get(text.slice(i, i + 2));
    if (orders) for (const order of orders) hits.push([order, i]);
  }
  if (!hits.length) return;
  hits.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const seen = new Set<string>();
  for (const [order, p] of hits) {
    const e = FUZZY[order >> 1];
    const fromEnd = (order & 1) === 1;
    const w = closest(text, e.name, fromEnd ? p + 2 : p, fromEnd, e.max);
    if (!w || w.distance === 0) continue;
    const written = text.slice(w.start, w.end);
    const key = `${w.start}:${w.end}`;
    if (seen.has(key) || EXACT.has(written) || e.name.startsWith(written) || e.name.endsWith(written) || taken(w.start, w.end)) continue;
    // Only a distortion inside a name, not text that runs on after it (…监委会议): the edges must match.
    if (written[0] !== e.name[0] || written[written.length - 1] !== e.name[e.name.length - 1]) continue;
    seen.add(key);
    out.push(finding(w.start, w.end, `名称应为“${e.name}”，不写作“${written}”`, e.name, false, 'warning', written));
  }
}

export const formulationName: LineRule = {
  id: 'formulation-name',
  description: '全称与固定名称（思想、文件、机构名称）的错字、漏字、多字，党代会与全会届次的不规范写法（二十届三全会、20大）',
  defaultSeverity: 'warning',
  scope: 'line',
  explain(flagged, message) {
    const right = /“([^“”]{1,60})”/.exec(message)?.[1];
    if (!right) return undefined;
    if (/全会|大|会议/.test(right) && /届|大/.test(flagged)) {
      return '**届次写法**：全国代表大会按“次”计（党的二十大 = 中国共产党第二十次全国代表大会），中央委员会按“届”计（二十届三中全会 = 第二十届中央委员会第三次全体会议）；届次、会次用汉字数字（GB/T 15835—2011 4.2）。';
    }
    return `**${right}**：正式名称须完整准确，不增字、不减字、不改字（依据：党章、党内法规和法律的正式标题、机构的正式名称）。`;
  },
  check({ text }) {
    const out: LineFinding[] = [];
    const taken: [number, number][] = wrongFormsIn(text).map((w) => [w.start, w.end]);
    const exact = EXACT_TRIE.scan(text, true);
    const overlaps = (s: number, e: number) => taken.some(([a, b]) => s < b && a < e) || exact.some((m) => m.start <= s && e <= m.end);
    for (const m of WRONG.scan(text)) {
      if (overlaps(m.start, m.end)) continue;
      const note = m.value.note ? `（${m.value.note}）` : '';
      out.push(finding(m.start, m.end, `名称应为“${m.value.right}”，不写作“${m.value.wrong}”${note}`, m.value.right, true));
      taken.push([m.start, m.end]);
    }
    if (/[届大]/.test(text)) {
      for (const s of SESSIONS) {
        s.pattern.lastIndex = 0;
        for (let m = s.pattern.exec(text); m; m = s.pattern.exec(text)) {
          const end = m.index + m[0].length;
          if (overlaps(m.index, end)) continue;
          const right = s.fix(m);
          if (right === m[0]) continue;
          out.push(finding(m.index, end, s.message(m, right), right, true, 'error'));
          taken.push([m.index, end]);
        }
      }
    }
    fuzzyNames(text, out, overlaps);
    return out.sort((a, b) => a.start - b.start);
  },
};
