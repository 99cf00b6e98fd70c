/**
 * A dictionary of phrases searched in one pass over a line: a character trie, so that finding every
 * phrase in a line costs O(line length × longest phrase), however many phrases there are.
 */
interface TrieNode<V> {
  next: Map<string, TrieNode<V>>;
  value?: V;
}

export interface PhraseMatch<V> {
  start: number;
  end: number;
  value: V;
}

export class PhraseTrie<V> {
  private readonly root: TrieNode<V> = { next: new Map() };
  size = 0;

  /** Adds a phrase; a phrase added again keeps its first value (built-in data before user data). */
  add(phrase: string, value: V): void {
    if (!phrase) return;
    let node = this.root;
    for (const char of phrase) {
      let child = node.next.get(char);
      if (!child) node.next.set(char, (child = { next: new Map() }));
      node = child;
    }
    if (node.value === undefined) {
      node.value = value;
      this.size++;
    }
  }

  /** Every phrase that starts at `start`, shortest first. Offsets are UTF-16 code units. */
  matchesAt(text: string, start: number): PhraseMatch<V>[] {
    const found: PhraseMatch<V>[] = [];
    let node: TrieNode<V> | undefined = this.root;
    let i = start;
    while (i < text.length) {
      const code = text.codePointAt(i)!;
      const char = String.fromCodePoint(code);
      node = node.next.get(char);
      if (!node) break;
      i += char.length;
      if (node.value !== undefined) found.push({ start, end: i, value: node.value });
    }
    return found;
  }

  /**
   * Scans left to right and reports the longest phrase at each position; after a match the scan
   * continues behind it unless `overlapping` (then every position is tried).
   */
  scan(text: string, overlapping = false): PhraseMatch<V>[] {
    const result: PhraseMatch<V>[] = [];
    let i = 0;
    while (i < text.length) {
      const matches = this.root.next.has(String.fromCodePoint(text.codePointAt(i)!)) ? this.matchesAt(text, i) : [];
      if (matches.length) {
        const longest = matches[matches.length - 1];
        result.push(longest);
        if (!overlapping) {
          i = longest.end;
          continue;
        }
      }
      i += text.codePointAt(i)! > 0xffff ? 2 : 1;
    }
    return result;
  }
}
