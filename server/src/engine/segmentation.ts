/** What the engine needs from word segmentation. Backed by nodejieba in the CLI and the server. */
export interface Segmenter {
  /** The words of `text` in order (their concatenation is `text`), or undefined while not ready. */
  cut(text: string): readonly string[] | undefined;
}

export interface Token {
  text: string;
  start: number;
  end: number;
}

/** Maps segmented words back to offsets in `text`. Words that do not line up are skipped safely. */
export function toTokens(text: string, words: readonly string[]): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  for (const word of words) {
    if (!word) continue;
    let start = text.startsWith(word, pos) ? pos : text.indexOf(word, pos);
    if (start < 0) continue;
    tokens.push({ text: word, start, end: start + word.length });
    pos = start + word.length;
  }
  return tokens;
}

/** True when [start, end) begins and ends on token boundaries. */
export function onTokenBoundaries(tokens: readonly Token[], start: number, end: number): boolean {
  let startOk = false;
  for (const token of tokens) {
    if (token.start === start) startOk = true;
    if (token.end === end) return startOk;
    if (token.start >= end) break;
  }
  return false;
}
