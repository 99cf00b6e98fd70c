import type { EngineData } from './data';

/**
 * Small helpers for fuzzy matching of fixed wordings (formulations, names, idioms): character edit
 * distance and "these two characters sound or look alike" from server/data/char-pinyin.json and
 * char-shapes.json (handed in by the host as EngineData).
 */

/** Levenshtein distance between two strings of characters (BMP text), or `max + 1` once it exceeds `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = new Array<number>(b.length + 1);
  let current = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (current[j] < rowMin) rowMin = current[j];
    }
    if (rowMin > max) return max + 1;
    [previous, current] = [current, previous];
  }
  return previous[b.length];
}

interface CharTables {
  syllables: Map<string, string[]>;
  shapes: Readonly<Record<string, string>>;
}

/** Per data source: the syllables of each character (null when the host could not give the tables). */
const TABLES = new WeakMap<EngineData, CharTables | null>();

/** The character tables of the host's data (LineContext.data), indexed once per data source. */
function charTables(data: EngineData | undefined): CharTables | undefined {
  if (!data) return undefined;
  let tables = TABLES.get(data);
  if (tables === undefined) {
    const pinyin = data.pinyin();
    const shapes = data.shapes();
    tables = null;
    if (pinyin && shapes) {
      const syllables = new Map<string, string[]>();
      for (const [syllable, chars] of Object.entries(pinyin)) {
        for (const c of chars) {
          const list = syllables.get(c);
          if (list) list.push(syllable);
          else syllables.set(c, [syllable]);
        }
      }
      tables = { syllables, shapes };
    }
    TABLES.set(data, tables);
  }
  return tables ?? undefined;
}

/** Syllables that are easily confused (zh/z, ch/c, sh/s, n/l, -ng/-n, f/h): the same after this. */
function loose(syllable: string): string {
  return syllable.replace(/^([zcs])h/, '$1').replace(/^n/, 'l').replace(/^f/, 'h').replace(/ng$/, 'n');
}

export type Likeness = 'sound' | 'near' | 'shape';

/** How two different characters resemble each other, if they do (nothing without the host's tables). */
export function charLikeness(a: string, b: string, data: EngineData | undefined): Likeness | undefined {
  if (a === b) return undefined;
  const tables = charTables(data);
  if (!tables) return undefined;
  const { syllables, shapes } = tables;
  const sa = syllables.get(a) ?? [];
  const sb = syllables.get(b) ?? [];
  if (sa.some((s) => sb.includes(s))) return 'sound';
  if ((shapes[a] ?? '').includes(b) || (shapes[b] ?? '').includes(a)) return 'shape';
  if (sa.some((s) => sb.some((t) => loose(s) === loose(t)))) return 'near';
  return undefined;
}

/** Where two strings of the same length differ, when they differ in exactly one position. */
export function singleDifference(a: string, b: string): number {
  if (a.length !== b.length) return -1;
  let at = -1;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    if (at >= 0) return -1;
    at = i;
  }
  return at;
}

const HAN = /[\u3400-\u9fff]/;
export const isHanChar = (c: string | undefined): boolean => c !== undefined && HAN.test(c);

/**
 * Whether a finding at [start, end) is in a passage about the past, where an old wording is a quotation:
 * the sentence names a year up to `untilYear`, or says 曾经/时任/当时/历史上/回顾/此前/更名…, or the text
 * right before is 原 (原国土资源部).
 */
export function historicalContext(line: string, start: number, end: number, untilYear?: number): boolean {
  const from = Math.max(0, Math.max(line.lastIndexOf('。', start), line.lastIndexOf('；', start)) + 1);
  let to = line.indexOf('。', end);
  if (to < 0) to = line.length;
  const sentence = line.slice(from, to);
  if (line[start - 1] === '原' || /曾经|曾[是任在把将]|时任|当时|历史上|回顾|此前|更名|改为|改称|前身|那时|年代/.test(sentence)) return true;
  if (untilYear !== undefined) {
    for (const m of sentence.matchAll(/(19|20)\d\d(?=年)/g)) if (Number(m[0]) <= untilYear) return true;
  }
  return false;
}

/**
 * The smallest edit that turns `written` (at `start` in the line) into `right`: the common beginning and end
 * are kept, so that the fix touches only the wrong characters (and the cursor and marks around them stay).
 */
export function minimalEdit(start: number, written: string, right: string): { start: number; end: number; newText: string } {
  let head = 0;
  while (head < written.length && head < right.length && written[head] === right[head]) head++;
  let tail = 0;
  while (tail < written.length - head && tail < right.length - head && written[written.length - 1 - tail] === right[right.length - 1 - tail]) tail++;
  return { start: start + head, end: start + written.length - tail, newText: right.slice(head, right.length - tail) };
}
