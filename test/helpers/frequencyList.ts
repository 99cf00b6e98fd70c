import { buildLexiconData, LexiconData } from '../../server/src/engine/lexicon';

/**
 * Parses a frequency dictionary, one `word frequency [tag]` a line (the jieba format), a string per word:
 * the plain reference that the tests compare the byte parser (parseHanLexicon) with.
 */
export function parseFrequencyList(text: string, keep: (word: string) => boolean = () => true): LexiconData {
  const entries: [string, number][] = [];
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    // `word frequency [tag]`: the word ends at the first space or tab.
    let space = start;
    while (space < end && text.charCodeAt(space) !== 32 && text.charCodeAt(space) !== 9) space++;
    if (space > start && space < end) {
      const word = text.slice(start, space);
      let f = 0;
      let i = space + 1;
      let digits = 0;
      for (; i < end; i++) {
        const c = text.charCodeAt(i);
        if (c < 48 || c > 57) break;
        f = f * 10 + (c - 48);
        digits++;
      }
      if (digits > 0 && keep(word)) entries.push([word, f]);
    }
    start = end + 1;
  }
  return buildLexiconData(entries);
}
