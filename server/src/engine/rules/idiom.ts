import idiomData from '../../../data/idioms.json';
import misused from '../../../data/misused-words.json';
import type { EngineData } from '../data';
import { charLikeness, minimalEdit, type Likeness } from '../fuzzy';
import { frequencyAt } from '../lexicon';
import type { LineFinding, LineRule } from './rule';

/**
 * Idioms and set phrases (server/data/idioms.json) written with one character replaced by a same- or
 * near-sounding or look-alike one (再接再励 → 再接再厉), two characters swapped (阴奉阳违 → 阳奉阴违), an inner
 * character dropped (迫不待) or a character doubled (一如既既往). The written form must not be a phrase of
 * the list or a word of the dictionary, and the changed character must not form a dictionary word with its
 * neighbour (齐心协历: 协历 is none; 迫不急待: 急待 is one, so it is left to misused-word, which lists it).
 */

// The tables below are built on the rule's first check, not when the module loads: every process loads the
// rules, and the server's first diagnostics come before the lexicon that this rule needs (~20–30 ms at start).
let IDIOMS: Set<string>;
/** Dictionary entries that are wrong twins of listed idioms: a token equal to one of them does not protect it. */
let TWINS: Set<string>;
let LISTED_WRONG: Set<string>;

/**
 * Four-character idioms by three of their characters, the fourth masked (再接再_ → 再接再厉) or dropped (迫不待 →
 * 迫不及待): a hash table over typed arrays, the entries of a slot chained in the order they were added, so
 * that a key's idioms come in list order (an idiom whose second and third characters are the same is
 * listed twice under its drop key, as the rule has always counted it). Built from char codes: the 45 K string
 * keys of the Maps it replaces took ~50 ms to make at start (docs/notes/perf.md, h18-start).
 */
class IdiomIndex {
  private readonly heads: Int32Array;
  private readonly tails: Int32Array;
  private readonly next: Int32Array;
  /** Per entry: the idiom (index into `idioms`) and the position left out. */
  private readonly idiomOf: Int32Array;
  private readonly skipOf: Int8Array;
  private readonly shift: number;
  private count = 0;

  constructor(
    private readonly idioms: readonly string[],
    capacity: number,
  ) {
    let bits = 4;
    while (1 << bits < capacity * 2) bits++;
    this.shift = 32 - bits;
    this.heads = new Int32Array(1 << bits);
    this.tails = new Int32Array(1 << bits);
    this.next = new Int32Array(capacity);
    this.idiomOf = new Int32Array(capacity);
    this.skipOf = new Int8Array(capacity);
  }

  static slot(a: number, b: number, c: number): number {
    let h = Math.imul(0x811c9dc5 ^ a, 0x01000193);
    h = Math.imul(h ^ b, 0x01000193);
    h = Math.imul(h ^ c, 0x01000193);
    return Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
  }

  /** Adds idiom `index` under the key of its characters but the one at `skip`. */
  add(index: number, skip: number): void {
    const idiom = this.idioms[index];
    const slot = IdiomIndex.slot(idiom.charCodeAt(skip === 0 ? 1 : 0), idiom.charCodeAt(skip <= 1 ? 2 : 1), idiom.charCodeAt(skip === 3 ? 2 : 3)) >>> this.shift;
    const entry = this.count++;
    this.idiomOf[entry] = index;
    this.skipOf[entry] = skip;
    if (this.tails[slot] === 0) this.heads[slot] = entry + 1;
    else this.next[this.tails[slot] - 1] = entry + 1;
    this.tails[slot] = entry + 1;
  }

  /**
   * The idioms whose characters but the one at a position in `skips` (a bit set) are a, b, c, in the order
   * they were added.
   */
  find(skips: number, a: number, b: number, c: number): string[] {
    let found: string[] | undefined;
    for (let entry = this.heads[IdiomIndex.slot(a, b, c) >>> this.shift]; entry !== 0; entry = this.next[entry - 1]) {
      const skip = this.skipOf[entry - 1];
      if ((skips & (1 << skip)) === 0) continue;
      const idiom = this.idioms[this.idiomOf[entry - 1]];
      if (idiom.charCodeAt(skip === 0 ? 1 : 0) === a && idiom.charCodeAt(skip <= 1 ? 2 : 1) === b && idiom.charCodeAt(skip === 3 ? 2 : 3) === c) (found ??= []).push(idiom);
    }
    return found ?? NONE;
  }
}
const NONE: string[] = [];

/** Idioms by the idiom with one position masked (再接再_ → 再接再厉). */
let BY_MASK: IdiomIndex;
/** Idioms by the idiom without its second or third character (迫不待 → 迫不及待). */
let BY_DROP: IdiomIndex;
/** Four-character idioms by their place in the list (for two swapped characters: the first listed wins). */
let SWAP_ORDER: Map<string, number>;
/**
 * One bit per hash of two characters of an idiom at positions (a, b), for the six pairs of positions: a
 * window one substitution, swap or drop away from an idiom keeps at least one such pair, so most windows
 * are ruled out by a bit test before any string is made.
 */
const PAIRS: [number, number][] = [[0, 1], [2, 3], [1, 3], [0, 2], [1, 2], [0, 3]];
let PAIR_BITS: Int32Array[];
const pairHash = (a: number, b: number) => Math.imul((a << 16) | b, 0x9e3779b1) >>> 16;
const hasPair = (p: number, a: number, b: number) => {
  const h = pairHash(a, b);
  return (PAIR_BITS[p][h >>> 5] & (1 << (h & 31))) !== 0;
};
/** nearKinds bits: a substitution at position k (bit k); the swap of SWAPS[j] (bit 4 + j). */
const SWAPS: [number, number][] = [[0, 1], [2, 3], [1, 3], [0, 2], [1, 2], [0, 3]];
/**
 * What four characters may be one step away from (0: no idiom): a substitution at k keeps every pair
 * without k; a swap of a and b keeps the other pair and has the pair (a, b) reversed.
 */
function nearKinds(c0: number, c1: number, c2: number, c3: number): number {
  const k01 = hasPair(0, c0, c1);
  const k23 = hasPair(1, c2, c3);
  const k13 = hasPair(2, c1, c3);
  const k02 = hasPair(3, c0, c2);
  const k12 = hasPair(4, c1, c2);
  const k03 = hasPair(5, c0, c3);
  let kinds = (k23 && k13 && k12 ? 1 : 0) | (k23 && k02 && k03 ? 2 : 0) | (k01 && k13 && k03 ? 4 : 0) | (k01 && k02 && k12 ? 8 : 0);
  if (k23 && hasPair(0, c1, c0)) kinds |= 16;
  if (k01 && hasPair(1, c3, c2)) kinds |= 32;
  if (k02 && hasPair(2, c3, c1)) kinds |= 64;
  if (k13 && hasPair(3, c2, c0)) kinds |= 128;
  if (k03 && hasPair(4, c2, c1)) kinds |= 256;
  if (k12 && hasPair(5, c3, c0)) kinds |= 512;
  return kinds;
}
let built = false;
function buildTables(): void {
  if (built) return;
  built = true;
  IDIOMS = new Set<string>((idiomData as { idioms: string[] }).idioms);
  TWINS = new Set<string>((idiomData as { wrongTwins?: string[] }).wrongTwins ?? []);
  LISTED_WRONG = new Set<string>((misused as { entries: { wrong: string }[] }).entries.map((e) => e.wrong));
  SWAP_ORDER = new Map();
  PAIR_BITS = PAIRS.map(() => new Int32Array(2048));
  const fours = [...IDIOMS].filter((idiom) => idiom.length === 4);
  BY_MASK = new IdiomIndex(fours, fours.length * 4);
  BY_DROP = new IdiomIndex(fours, fours.length * 2);
  fours.forEach((idiom, index) => {
    PAIRS.forEach(([a, b], p) => {
      const h = pairHash(idiom.charCodeAt(a), idiom.charCodeAt(b));
      PAIR_BITS[p][h >>> 5] |= 1 << (h & 31);
    });
    for (let k = 0; k < 4; k++) BY_MASK.add(index, k);
    SWAP_ORDER.set(idiom, SWAP_ORDER.size);
    BY_DROP.add(index, 1);
    BY_DROP.add(index, 2);
  });
}

/** The idioms that are `window` (four characters) but for the character at k. */
function byMask(window: string, k: number): string[] {
  return BY_MASK.find(1 << k, window.charCodeAt(k === 0 ? 1 : 0), window.charCodeAt(k <= 1 ? 2 : 1), window.charCodeAt(k === 3 ? 2 : 3));
}

/** jieba's frequency of its rarest entries, many of them misspellings of idioms (自立更生, 翻天复地). */
const RARE = 3;

const isHan = (code: number) => code >= 0x4e00 && code <= 0x9fff;

interface Candidate {
  idiom: string;
  how: 'sound' | 'near' | 'shape' | 'swap' | 'drop' | 'double';
}

const DESCRIPTION: Record<Candidate['how'], string> = {
  sound: '音同字误',
  near: '音近字误',
  shape: '形近字误',
  swap: '字序颠倒',
  drop: '漏字',
  double: '多字',
};

/** Whether a piece of the written text is a dictionary word. */
type IsWord = (start: number, end: number) => boolean;

/** After a phrase: no Chinese character, or a particle (毋庸质疑的, 既往开来，). */
const PHRASE_END = /^(?:[^\u4e00-\u9fff]|[的地得了])/;

function substitution(window: string, at: number, isWord: IsWord, data: EngineData | undefined, kinds: number, after: string): Candidate | undefined {
  // Two words side by side (形成合理通报频次) are an idiom's misspelling only where the phrase ends.
  const halves = isWord(at, at + 2) && isWord(at + 2, at + 4);
  if (halves && !PHRASE_END.test(after)) return undefined;
  for (let k = 0; k < 4; k++) {
    // No idiom has the three other characters in place (nearKinds): skip the lookups.
    if ((kinds & (1 << k)) === 0) continue;
    // The changed character makes a word with its neighbour (瘙痒 in 隔靴瘙痒): only a slip if the other half is
    // no word; two words side by side (毋庸质疑, 迫不急待) only for a same-sounding character.
    const changedHalfIsWord = k < 2 ? isWord(at, at + 2) : isWord(at + 2, at + 4);
    // 在进一步 (…全面深化改革): a changed first or last character beside a three-character word is a word of its own.
    if ((k === 0 && isWord(at + 1, at + 4)) || (k === 3 && isWord(at, at + 3))) continue;
    for (const idiom of byMask(window, k)) {
      const how: Likeness | undefined = charLikeness(window[k], idiom[k], data);
      if (how && (!changedHalfIsWord || (!halves && how !== 'near') || (halves && how === 'sound'))) return { idiom, how };
    }
  }
  return undefined;
}

/** The listed idiom that is the window with two characters swapped (the swaps nearKinds allows). */
function swap(window: string, at: number, isWord: IsWord, kinds: number): Candidate | undefined {
  if (isWord(at, at + 2) && isWord(at + 2, at + 4)) return undefined;
  let best: string | undefined;
  let bestOrder = Infinity;
  SWAPS.forEach(([a, b], j) => {
    if ((kinds & (16 << j)) === 0 || window[a] === window[b]) return;
    const chars = [...window];
    [chars[a], chars[b]] = [chars[b], chars[a]];
    const order = SWAP_ORDER.get(chars.join(''));
    if (order !== undefined && order < bestOrder) {
      best = chars.join('');
      bestOrder = order;
    }
  });
  return best === undefined ? undefined : { idiom: best, how: 'swap' };
}

export const idiom: LineRule = {
  id: 'idiom',
  description: '成语与固定说法的错字（音同、音近、形近）、字序颠倒、漏字、多字，如“再接再励”“迫不待”',
  defaultSeverity: 'warning',
  needsLexicon: true,
  scope: 'line',
  prepare(data) {
    buildTables();
    // charLikeness's tables (syllables by character), built on their first use.
    charLikeness('一', '二', data);
  },
  explain(flagged, message) {
    const right = /“([^“”]{1,60})”/.exec(message)?.[1];
    return right && `**${right}**（成语、固定说法）\n\n成语和固定说法的字形、字序固定，不换字、不增减字。依据：本项目的成语表 server/data/idioms.json（来源见 README）。`;
  },
  check({ text, lexicon, data }) {
    const out: LineFinding[] = [];
    if (!lexicon || text.length < 3) return out;
    buildTables();
    const isWord: IsWord = (s, e) => frequencyAt(lexicon, text, s, e) > 0;
    // A dictionary entry at the lowest frequency beside a far more frequent idiom is a recorded misspelling (集思广义).
    const rareTwin = (written: string, right: string) => lexicon.frequency(written) <= RARE && lexicon.frequency(right) >= RARE * 5;
    let hanRun = 0;
    let lastEnd = 0;
    // A window [start, end) that resembles `found`, reported once past the previous finding.
    const tryWindow = (start: number, end: number, found: Candidate | undefined) => {
      if (!found || start < lastEnd) return false;
      // 康复大学等高校: the written form begins or ends inside a word of the text around it.
      if ((start > 0 && isWord(start - 1, start + 1)) || (end < text.length && isWord(end - 1, end + 1))) return false;
      const written = text.slice(start, end);
      const severity = found.how === 'sound' || found.how === 'swap' ? 'warning' : 'information';
      out.push({
        start,
        end,
        severity,
        message: `成语、固定说法“${found.idiom}”疑误写作“${written}”（${DESCRIPTION[found.how]}）`,
        fixes: [{ title: `改为“${found.idiom}”`, edits: [minimalEdit(start, written, found.idiom)], safe: false }],
      });
      lastEnd = end;
      return true;
    };
    for (let i = 0; i < text.length; i++) {
      hanRun = isHan(text.charCodeAt(i)) ? hanRun + 1 : 0;
      if (hanRun < 3) continue;
      if (hanRun >= 4) {
        const s = i - 3;
        const kinds = nearKinds(text.charCodeAt(s), text.charCodeAt(s + 1), text.charCodeAt(s + 2), text.charCodeAt(s + 3));
        if (kinds !== 0) {
          const w = text.slice(s, i + 1);
          if (!IDIOMS.has(w) && !LISTED_WRONG.has(w)) {
            const found = substitution(w, s, isWord, data, kinds, text.slice(i + 1, i + 2)) ?? (kinds >= 16 ? swap(w, s, isWord, kinds) : undefined);
            if (found && !(isWord(s, i + 1) && !TWINS.has(w) && !rareTwin(w, found.idiom)) && tryWindow(s, i + 1, found)) continue;
          }
        }
      }
      let doubled = false;
      for (let k = i - 3; k <= i && hanRun >= 5 && !doubled; k++) doubled = text.charCodeAt(k) === text.charCodeAt(k - 1);
      if (doubled) {
        // 一如既既往: a doubled character whose removal leaves a listed idiom.
        const s = i - 4;
        const w = text.slice(s, i + 1);
        for (let k = 1; k < 5; k++) {
          if (w[k] !== w[k - 1] || isWord(s + k - 1, s + k + 1)) continue;
          const shorter = w.slice(0, k) + w.slice(k + 1);
          if (IDIOMS.has(shorter) && !IDIOMS.has(w.slice(0, 4)) && !IDIOMS.has(w.slice(1)) && tryWindow(s, i + 1, { idiom: shorter, how: 'double' })) break;
        }
      }
      // 迫不待: three characters, no word in them (大文章, 有温度, 一张图 are phrases of their own), that an idiom holds but for its second or third.
      const s3 = i - 2;
      const w0 = text.charCodeAt(s3);
      const w1 = text.charCodeAt(s3 + 1);
      const w2 = text.charCodeAt(i);
      if (!(hasPair(1, w1, w2) && hasPair(3, w0, w1)) && !(hasPair(0, w0, w1) && hasPair(2, w1, w2))) continue;
      const idioms = BY_DROP.find(0b110, w0, w1, w2);
      // 稳增长、提质效、抓改革: a three-character item of a list is a slogan of its own.
      const listItem = /[、，；。]/.test(text[s3 - 1] ?? '。') && /[、，；。]/.test(text[i + 1] ?? '。') && (text[s3 - 1] === '、' || text[i + 1] === '、');
      if (idioms.length > 0 && !listItem && !isWord(s3, i + 1) && !isWord(s3, s3 + 2) && !isWord(s3 + 1, i + 1)) {
        const near = text.slice(Math.max(0, s3 - 3), i + 4);
        const left = idioms.filter((x) => !near.includes(x));
        if (left.length === 1) tryWindow(s3, i + 1, { idiom: left[0], how: 'drop' });
      }
    }
    return out;
  },
};
