import data from '../../../data/misused-words.json';
import { DEFAULT_CONFIG, ResolvedConfig } from '../config';
import { PhraseTrie } from '../phrases';
import { crossesWord } from '../wordBoundaries';
import type { Severity } from '../types';
import type { LineFinding, LineRule } from './rule';

type PairType = 'misspelling' | 'variant' | 'usage' | 'custom';

interface Pair {
  wrong: string;
  right: string;
  type: PairType;
  note?: string;
  /** Longer correct phrases that contain `wrong`, each with the offset of `wrong` inside it. */
  exceptions: { text: string; offset: number }[];
  /** Length in characters (not code units): pairs of three or more run before segmentation is ready. */
  chars: number;
}

interface Entry {
  wrong: string;
  right: string;
  type: string;
  note?: string;
  exceptions?: string[];
}

const SEVERITY: Record<PairType, Severity> = { misspelling: 'error', usage: 'warning', variant: 'information', custom: 'warning' };

/** Below this length a match needs the segmentation to prove it is not part of a longer word. */
const MIN_CHARS_WITHOUT_TOKENS = 3;

function toPair(e: Entry, type: PairType): Pair {
  const exceptions = (e.exceptions ?? []).filter((x) => x.includes(e.wrong)).map((text) => ({ text, offset: text.indexOf(e.wrong) }));
  return { wrong: e.wrong, right: e.right, type, note: e.note, exceptions, chars: [...e.wrong].length };
}

function builtInTrie(): PhraseTrie<Pair> {
  const trie = new PhraseTrie<Pair>();
  for (const e of (data as { entries: Entry[] }).entries) {
    const type = (['misspelling', 'variant', 'usage'] as const).find((t) => t === e.type);
    if (type && e.wrong !== e.right) trie.add(e.wrong, toPair(e, type));
  }
  return trie;
}

const BUILT_IN = builtInTrie();
const perConfig = new WeakMap<ResolvedConfig, PhraseTrie<Pair>>();

/** The built-in pairs plus the configuration's `replacements` (user pairs win over built-in ones). */
function trieFor(config: ResolvedConfig): PhraseTrie<Pair> {
  if (!config.replacements.length) return BUILT_IN;
  let trie = perConfig.get(config);
  if (!trie) {
    trie = new PhraseTrie<Pair>();
    for (const r of config.replacements) if (r.wrong !== r.right) trie.add(r.wrong, toPair(r as Entry, 'custom'));
    for (const e of (data as { entries: Entry[] }).entries) {
      const type = (['misspelling', 'variant', 'usage'] as const).find((t) => t === e.type);
      if (type && e.wrong !== e.right) trie.add(e.wrong, toPair(e, type));
    }
    perConfig.set(config, trie);
  }
  return trie;
}

function message(pair: Pair): string {
  const note = pair.note ? `（${pair.note}）` : '';
  switch (pair.type) {
    case 'misspelling':
      return `错别字：“${pair.wrong}”应为“${pair.right}”${note}`;
    case 'variant':
      return `“${pair.wrong}”是非推荐词形，宜写作“${pair.right}”${note}`;
    case 'usage':
      return `公文中宜用“${pair.right}”，不用“${pair.wrong}”${note}`;
    case 'custom':
      return `按本工作区的替换词表，“${pair.wrong}”应改为“${pair.right}”${note}`;
  }
}

/**
 * Misused words and idioms from server/data/misused-words.json and the configuration's replacements.
 * One trie pass over the line finds every listed wrong form; a match counts only on word boundaries:
 * it must not begin or end inside a longer word of the segmentation, and must not be part of a listed
 * exception. Until segmentation is ready only forms of three or more characters (idioms) are checked;
 * shorter ones could be pieces of a longer correct word, which only the segmentation can tell.
 */
export const misusedWord: LineRule = {
  id: 'misused-word',
  description: '错别字与误用词语（布署→部署、再接再励→再接再厉等），以及不推荐的异形词',
  defaultSeverity: 'error',
  usesSegmentation: true,
  scope: 'line',
  check({ text, tokens, config }) {
    const trie = trieFor(config ?? DEFAULT_CONFIG);
    const findings: LineFinding[] = [];
    let hint = 0;
    let i = trie.nextStart(text, 0);
    while (i < text.length) {
      // Longest first; a refused long form may still leave a shorter listed form at the same place.
      const candidates = trie.matchesAt(text, i);
      let accepted = 0;
      for (let k = candidates.length - 1; k >= 0 && !accepted; k--) {
        const match = candidates[k];
        const pair = match.value;
        if (!tokens && pair.chars < MIN_CHARS_WITHOUT_TOKENS) continue;
        if (pair.exceptions.some((x) => match.start - x.offset >= 0 && text.startsWith(x.text, match.start - x.offset))) continue;
        if (tokens) {
          const boundary = crossesWord(tokens, match.start, match.end, hint);
          hint = boundary.next;
          if (boundary.crosses) continue;
        }
        findings.push({
          start: match.start,
          end: match.end,
          message: message(pair),
          severity: SEVERITY[pair.type],
          fixes: [{ title: `改为“${pair.right}”`, edits: [{ start: match.start, end: match.end, newText: pair.right }], safe: pair.type !== 'usage' }],
        });
        accepted = match.end;
      }
      i = trie.nextStart(text, accepted || i + (text.codePointAt(i)! > 0xffff ? 2 : 1));
    }
    return findings;
  },
};
