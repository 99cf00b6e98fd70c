import idiomData from '../../../data/idioms.json';
import misused from '../../../data/misused-words.json';
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

const IDIOMS = new Set<string>((idiomData as { idioms: string[] }).idioms);
/** Dictionary entries that are wrong twins of listed idioms: a token equal to one of them does not protect it. */
const TWINS = new Set<string>((idiomData as { wrongTwins?: string[] }).wrongTwins ?? []);
const LISTED_WRONG = new Set<string>((misused as { entries: { wrong: string }[] }).entries.map((e) => e.wrong));

/** Idioms by the idiom with one position masked (再接再_ → 再接再厉). */
const BY_MASK = new Map<string, string[]>();
/** Idioms by their characters sorted (for two swapped characters). */
const BY_SORTED = new Map<string, string[]>();
/** Idioms by the idiom without its second or third character (迫不待 → 迫不及待). */
const BY_DROP = new Map<string, string[]>();
const push = (map: Map<string, string[]>, key: string, value: string) => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};
for (const idiom of IDIOMS) {
  if (idiom.length !== 4) continue;
  for (let k = 0; k < 4; k++) push(BY_MASK, idiom.slice(0, k) + '_' + idiom.slice(k + 1), idiom);
  push(BY_SORTED, [...idiom].sort().join(''), idiom);
  push(BY_DROP, idiom[0] + idiom[2] + idiom[3], idiom);
  push(BY_DROP, idiom[0] + idiom[1] + idiom[3], idiom);
}

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

function substitution(window: string, at: number, isWord: IsWord): Candidate | undefined {
  for (let k = 0; k < 4; k++) {
    // The changed character must not make a word with its neighbour in the 2 + 2 split (急待 in 迫不急待 does).
    if (k < 2 ? isWord(at, at + 2) : isWord(at + 2, at + 4)) continue;
    // 在进一步 (…全面深化改革): a changed first or last character beside a three-character word is a word of its own.
    if ((k === 0 && isWord(at + 1, at + 4)) || (k === 3 && isWord(at, at + 3))) continue;
    for (const idiom of BY_MASK.get(window.slice(0, k) + '_' + window.slice(k + 1)) ?? []) {
      const how: Likeness | undefined = charLikeness(window[k], idiom[k]);
      if (how) return { idiom, how };
    }
  }
  return undefined;
}

function swap(window: string, at: number, isWord: IsWord): Candidate | undefined {
  if (isWord(at, at + 2) && isWord(at + 2, at + 4)) return undefined;
  for (const idiom of BY_SORTED.get([...window].sort().join('')) ?? []) {
    const diff = [0, 1, 2, 3].filter((k) => idiom[k] !== window[k]);
    if (diff.length === 2 && idiom[diff[0]] === window[diff[1]]) return { idiom, how: 'swap' };
  }
  return undefined;
}

export const idiom: LineRule = {
  id: 'idiom',
  description: '成语与固定说法的错字（音同、音近、形近）、字序颠倒、漏字、多字，如“再接再励”“迫不待”',
  defaultSeverity: 'warning',
  needsLexicon: true,
  scope: 'line',
  explain(flagged, message) {
    const right = /“([^”]+)”/.exec(message)?.[1];
    return right && `**${right}**（成语、固定说法）\n\n成语和固定说法的字形、字序固定，不换字、不增减字。依据：本项目的成语表 server/data/idioms.json（来源见 README）。`;
  },
  check({ text, lexicon }) {
    const out: LineFinding[] = [];
    if (!lexicon || text.length < 3) return out;
    const isWord: IsWord = (s, e) => frequencyAt(lexicon, text, s, e) > 0;
    let hanRun = 0;
    let lastEnd = 0;
    for (let i = 0; i < text.length; i++) {
      hanRun = isHan(text.charCodeAt(i)) ? hanRun + 1 : 0;
      if (hanRun < 3) continue;
      // The window ending at i (three, four or five characters), only once past the previous finding.
      const tryWindow = (start: number, found: Candidate | undefined) => {
        if (!found || start < lastEnd) return false;
        const end = i + 1;
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
      if (hanRun >= 4) {
        const s = i - 3;
        const w = text.slice(s, i + 1);
        const known = IDIOMS.has(w) || LISTED_WRONG.has(w) || (isWord(s, i + 1) && !TWINS.has(w));
        if (!known && tryWindow(s, substitution(w, s, isWord) ?? swap(w, s, isWord))) continue;
      }
      if (hanRun >= 5) {
        // 一如既既往: a doubled character whose removal leaves a listed idiom.
        const s = i - 4;
        const w = text.slice(s, i + 1);
        for (let k = 1; k < 5; k++) {
          if (w[k] !== w[k - 1] || isWord(s + k - 1, s + k + 1)) continue;
          const shorter = w.slice(0, k) + w.slice(k + 1);
          if (IDIOMS.has(shorter) && !IDIOMS.has(w.slice(0, 4)) && !IDIOMS.has(w.slice(1)) && tryWindow(s, { idiom: shorter, how: 'double' })) break;
        }
      }
      // 迫不待: three characters, no word in them (大文章, 有温度, 一张图 are phrases of their own), that an idiom holds but for its second or third.
      const s3 = i - 2;
      const w3 = text.slice(s3, i + 1);
      const idioms = BY_DROP.get(w3);
      if (idioms && !isWord(s3, i + 1) && !isWord(s3, s3 + 2) && !isWord(s3 + 1, i + 1)) {
        const near = text.slice(Math.max(0, s3 - 3), i + 4);
        const left = idioms.filter((x) => !near.includes(x));
        if (left.length === 1) tryWindow(s3, { idiom: left[0], how: 'drop' });
      }
    }
    return out;
  },
};
