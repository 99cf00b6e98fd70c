/** What the engine needs from word segmentation. Backed by nodejieba in the CLI and the server. */
export interface Segmenter {
  /**
   * The length of each word of `text`, in order, in UTF-16 code units (they add up to `text.length`), or
   * undefined while not ready. Lengths rather than strings: a 1 M-character report has ~600 K words, and a
   * string per word cost more than segmenting them (see docs/notes/perf.md, "Word lengths").
   */
  wordLengths(text: string): ArrayLike<number> | undefined;
}

export interface Token {
  text: string;
  start: number;
  end: number;
}

/** The tokens of `text` from its word lengths. Lengths that run past the end of the text are cut short there. */
export function toTokens(text: string, lengths: ArrayLike<number>): Token[] {
  const tokens: Token[] = [];
  let start = 0;
  for (let i = 0; i < lengths.length && start < text.length; i++) {
    const length = lengths[i];
    if (!(length > 0)) continue;
    const end = Math.min(text.length, start + length);
    tokens.push({ text: text.slice(start, end), start, end });
    start = end;
  }
  return tokens;
}

/** The word lengths of a list of words (for a segmenter that returns words, such as an unpatched nodejieba). */
export function lengthsOf(words: readonly string[]): Uint32Array {
  const lengths = new Uint32Array(words.length);
  for (let i = 0; i < words.length; i++) lengths[i] = words[i].length;
  return lengths;
}
