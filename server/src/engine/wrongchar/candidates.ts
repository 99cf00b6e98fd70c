import type { Lexicon } from '../lexicon';
import type { WrongCharTables } from './data';
import type { LexiconTables } from './indexes';
import { PARAMS } from './params';

/**
 * A character that may have been meant, and why: it sounds alike (the same syllable; another reading of a
 * polyphone; a near syllable, zh/z or -ing/-in), looks alike (glyph data; one contains the other; both have
 * the same rare component), or completes a long word.
 */
export interface Candidate {
  char: string;
  kind: 'sound' | 'shape' | 'poly' | 'part' | 'share' | 'near' | 'aspirated' | 'any';
  /** Its frequency as a word of its own (when the candidates were made with a lexicon). */
  frequency?: number;
}

/** The syllables one sound away (zh/z, ch/c, sh/s, n/l; -ing/-in, -eng/-en, -ang/-an) that have characters. */
export function nearSyllables(syllable: string, charsOf: ReadonlyMap<string, string>): string[] {
  const out: string[] = [];
  const initial = /^(zh|ch|sh|z|c|s|n|l)/.exec(syllable)?.[0];
  if (initial) {
    const swapped = { zh: 'z', ch: 'c', sh: 's', z: 'zh', c: 'ch', s: 'sh', n: 'l', l: 'n' }[initial]!;
    out.push(swapped + syllable.slice(initial.length));
  }
  const final = /(ing|eng|ang|in|en|an)$/.exec(syllable)?.[0];
  if (final) out.push(syllable.slice(0, -final.length) + (final.endsWith('g') ? final.slice(0, -1) : final + 'g'));
  // u/ü after n and l (卢/虑, 奴/女, 略/虐 … nue/lue).
  const rounded = /^([nl])(u|v)(e?)$/.exec(syllable);
  if (rounded) out.push(rounded[1] + (rounded[2] === 'u' ? 'v' : 'u') + rounded[3]);
  return out.filter((s) => s !== syllable && charsOf.has(s));
}

/**
 * The syllables whose initial is the same sound with or without aspiration (b/p, d/t, g/k, j/q, z/c, zh/ch:
 * 他/大, 区/居, 转/传), a distinction many learners of Chinese do not hear, that have characters.
 */
export function aspiratedSyllables(syllable: string, charsOf: ReadonlyMap<string, string>): string[] {
  const initial = /^(zh|ch|b|p|d|t|g|k|j|q|z|c)/.exec(syllable)?.[0];
  if (!initial) return [];
  const other = ASPIRATED[initial] + syllable.slice(initial.length);
  return charsOf.has(other) ? [other] : [];
}

const ASPIRATED: Record<string, string> = { zh: 'ch', ch: 'zh', b: 'p', p: 'b', d: 't', t: 'd', g: 'k', k: 'g', j: 'q', q: 'j', z: 'c', c: 'z' };

/**
 * Characters that may have been meant instead of `char`: same syllable first, then look-alikes, then the
 * kinds of the optional variant table (other readings, containing or contained characters, shared
 * components); with `near`, also near syllables (for the context model only: too many for the frequency
 * search). Near syllables and other readings must be common characters (minAlikeChar).
 */
export function candidatesFor(char: string, data: WrongCharTables, lexicon?: Lexicon, near = false): Candidate[] {
  const { syllablesOf, charsOf } = data.pinyin;
  const seen = new Set<string>([char]);
  const out: Candidate[] = [];
  const add = (c: string, kind: Candidate['kind']) => {
    if (seen.has(c)) return;
    const frequency = lexicon?.frequency(c);
    if (frequency !== undefined && frequency < (kind === 'poly' || kind === 'near' || kind === 'aspirated' ? PARAMS.minAlikeChar : PARAMS.minCandidateChar)) return;
    seen.add(c);
    out.push(frequency === undefined ? { char: c, kind } : { char: c, kind, frequency });
  };
  const syllables = syllablesOf.get(char) ?? [];
  for (const syllable of syllables) for (const c of charsOf.get(syllable) ?? '') add(c, 'sound');
  for (const c of data.shapes[char] ?? '') add(c, 'shape');
  const variants = data.variants;
  const readings = variants?.poly[char]?.split(' ') ?? [];
  if (variants) {
    // Its other readings' characters, and the characters with another reading that is one of its syllables.
    for (const syllable of readings) for (const c of charsOf.get(syllable) ?? '') add(c, 'poly');
    for (const syllable of syllables) for (const c of variants.polyBySyllable.get(syllable) ?? '') add(c, 'poly');
    for (const c of variants.parts[char] ?? '') add(c, 'part');
    for (const c of variants.shares[char] ?? '') add(c, 'share');
  }
  if (near) for (const syllable of [...syllables, ...readings]) for (const s of nearSyllables(syllable, charsOf)) for (const c of charsOf.get(s) ?? '') add(c, 'near');
  if (near) for (const syllable of [...syllables, ...readings]) for (const s of aspiratedSyllables(syllable, charsOf)) for (const c of charsOf.get(s) ?? '') add(c, 'aspirated');
  return out;
}

/** A character's candidates, with their first UTF-16 units side by side (what the filters read). */
export interface CandidateList {
  /** For the frequency search: without near syllables. */
  candidates: Candidate[];
  codes: Uint16Array;
  /** For the context model: the same, then near syllables. */
  inContext: Candidate[];
}

/**
 * The candidates of the character whose UTF-16 code is `code` (BMP). They depend only on the character
 * and the lexicon: computed once per character (kept in the lexicon's LexiconTables).
 */
export function cachedCandidates(code: number, lexicon: Lexicon, tables: LexiconTables): CandidateList {
  const byChar = tables.candidates;
  let list = byChar.get(code);
  if (!list) {
    const inContext = candidatesFor(String.fromCharCode(code), tables.data, lexicon, true);
    const candidates = inContext.filter((c) => c.kind !== 'near' && c.kind !== 'aspirated');
    byChar.set(code, (list = { candidates, codes: Uint16Array.from(candidates, (c) => c.char.charCodeAt(0)), inContext }));
  }
  return list;
}

/** The cost (natural log) of assuming a typo of this kind in the frequency search. */
export function costOf(kind: Candidate['kind']): number {
  switch (kind) {
    case 'sound':
      return PARAMS.soundCost;
    case 'shape':
      return PARAMS.shapeCost;
    case 'poly':
      return PARAMS.polyCost;
    case 'part':
    case 'share':
      return PARAMS.componentCost;
    default:
      return PARAMS.wildCost;
  }
}
