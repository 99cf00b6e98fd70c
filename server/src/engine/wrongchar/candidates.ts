import type { Lexicon } from '../lexicon';
import type { WrongCharTables } from './data';
import type { LexiconTables } from './indexes';
import { PARAMS } from './params';

/** A character that may have been meant, and why: it sounds alike, looks alike, or completes a long word. */
export interface Candidate {
  char: string;
  kind: 'sound' | 'shape' | 'any';
}

/** Characters that may have been meant instead of `char`: same syllable first, then look-alikes. */
export function candidatesFor(char: string, data: WrongCharTables, lexicon?: Lexicon): Candidate[] {
  const { syllablesOf, charsOf } = data.pinyin;
  const seen = new Set<string>([char]);
  const out: Candidate[] = [];
  const add = (c: string, kind: Candidate['kind']) => {
    if (seen.has(c)) return;
    seen.add(c);
    if (lexicon && lexicon.frequency(c) < PARAMS.minCandidateChar) return;
    out.push({ char: c, kind });
  };
  for (const syllable of syllablesOf.get(char) ?? []) for (const c of charsOf.get(syllable) ?? '') add(c, 'sound');
  for (const c of data.shapes[char] ?? '') add(c, 'shape');
  return out;
}

/** A character's candidates, with their first UTF-16 units side by side (what the filters read). */
export interface CandidateList {
  candidates: Candidate[];
  codes: Uint16Array;
}

/**
 * The candidates of the character whose UTF-16 code is `code` (BMP). They depend only on the character
 * and the lexicon: computed once per character (kept in the lexicon's LexiconTables).
 */
export function cachedCandidates(code: number, lexicon: Lexicon, tables: LexiconTables): CandidateList {
  const byChar = tables.candidates;
  let list = byChar.get(code);
  if (!list) {
    const candidates = candidatesFor(String.fromCharCode(code), tables.data, lexicon);
    byChar.set(code, (list = { candidates, codes: Uint16Array.from(candidates, (c) => c.char.charCodeAt(0)) }));
  }
  return list;
}

/** The cost (natural log) of assuming a typo of this kind. */
export function costOf(kind: Candidate['kind']): number {
  return kind === 'sound' ? PARAMS.soundCost : kind === 'shape' ? PARAMS.shapeCost : PARAMS.wildCost;
}
