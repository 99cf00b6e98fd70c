import type { Token } from './segmentation';

/**
 * Whether a phrase match [start, end) sits on word boundaries of the segmentation. A match is refused
 * when a word of two or more characters crosses one of its ends without containing the whole match:
 * then the match's first or last character belongs to a real word next to it ("全部置于" holds no
 * 部置; "在坐标系" holds no 在坐). A word that contains the whole match and more is itself a
 * variant of the wrong form (jieba's dictionary carries common misspellings such as 渡假村), so it does
 * not protect the match. `tokens` are in text order; `from` is a search hint returned for the next call.
 */
export function crossesWord(tokens: readonly Token[], start: number, end: number, from = 0): { crosses: boolean; next: number } {
  let i = from;
  while (i < tokens.length && tokens[i].end <= start) i++;
  const next = i;
  for (; i < tokens.length && tokens[i].start < end; i++) {
    const t = tokens[i];
    if (t.end - t.start < 2 || [...t.text].length < 2) continue;
    const containsMatch = t.start <= start && t.end >= end;
    if (containsMatch) continue;
    if ((t.start < start && start < t.end) || (t.start < end && end < t.end)) return { crosses: true, next };
  }
  return { crosses: false, next };
}
