/**
 * A dictionary of phrases searched in one pass over a line: a character trie, so that finding every
 * phrase in a line costs O(line length × longest phrase), however many phrases there are.
 */
interface TrieNode<V> {
  /** Children by UTF-16 code unit (a character outside the BMP takes two steps). */
  next: Map<number, TrieNode<V>>;
  value?: V;
}

export interface PhraseMatch<V> {
  start: number;
  end: number;
  value: V;
}

const NO_MATCHES: never[] = [];

/** A 16-bit hash of two UTF-16 units. */
function pairBit(first: number, second: number): number {
  return Math.imul((first << 16) | second, 0x9e3779b1) >>> 16;
}

export class PhraseTrie<V> {
  private readonly root: TrieNode<V> = { next: new Map() };
  /** One bit per UTF-16 unit that starts a phrase (8 KB): most positions are ruled out without a Map lookup. */
  private readonly firstUnits = new Int32Array(2048);
  /** One bit per first unit that is a whole phrase by itself (such a unit needs no second one). */
  private readonly singleUnits = new Int32Array(2048);
  /**
   * One bit per hash of the first two units of a phrase (8 KB): a position whose first unit starts phrases
   * (中 starts several standard terms) usually does not start them with its second.
   */
  private readonly firstPairs = new Int32Array(2048);
  size = 0;

  /** Adds a phrase; a phrase added again keeps its first value (built-in data before user data). */
  add(phrase: string, value: V): void {
    if (!phrase) return;
    let node = this.root;
    const first = phrase.charCodeAt(0);
    this.firstUnits[first >>> 5] |= 1 << (first & 31);
    if (phrase.length === 1) this.singleUnits[first >>> 5] |= 1 << (first & 31);
    else {
      const bit = pairBit(first, phrase.charCodeAt(1));
      this.firstPairs[bit >>> 5] |= 1 << (bit & 31);
    }
    for (let i = 0; i < phrase.length; i++) {
      const unit = phrase.charCodeAt(i);
      let child = node.next.get(unit);
      if (!child) node.next.set(unit, (child = { next: new Map() }));
      node = child;
    }
    if (node.value === undefined) {
      node.value = value;
      this.size++;
    }
  }

  /**
   * The first position from `from` on where a phrase may start (text.length if none): a scan can jump
   * there, since matchesAt finds nothing at the positions in between. Never a low surrogate (no phrase
   * starts with one), so a scan that steps by code points would have visited it too.
   */
  nextStart(text: string, from: number): number {
    const firstUnits = this.firstUnits;
    let i = from;
    while (i < text.length) {
      const unit = text.charCodeAt(i);
      if ((firstUnits[unit >>> 5] & (1 << (unit & 31))) !== 0) break;
      i++;
    }
    return i;
  }

  /** Every phrase that starts at `start`, shortest first. Offsets are UTF-16 code units. */
  matchesAt(text: string, start: number): PhraseMatch<V>[] {
    const first = text.charCodeAt(start);
    // Most positions start no phrase: answer those without allocating.
    if ((this.firstUnits[first >>> 5] & (1 << (first & 31))) === 0) return NO_MATCHES;
    if ((this.singleUnits[first >>> 5] & (1 << (first & 31))) === 0) {
      if (start + 1 >= text.length) return NO_MATCHES;
      const bit = pairBit(first, text.charCodeAt(start + 1));
      if ((this.firstPairs[bit >>> 5] & (1 << (bit & 31))) === 0) return NO_MATCHES;
    }
    let node = this.root.next.get(first);
    if (!node) return NO_MATCHES;
    const found: PhraseMatch<V>[] = [];
    let i = start + 1;
    for (;;) {
      if (node.value !== undefined) found.push({ start, end: i, value: node.value });
      if (i >= text.length) break;
      node = node.next.get(text.charCodeAt(i));
      if (!node) break;
      i++;
    }
    return found;
  }

  /**
   * Scans left to right and reports the longest phrase at each position; after a match the scan
   * continues behind it unless `overlapping` (then every position is tried).
   */
  scan(text: string, overlapping = false): PhraseMatch<V>[] {
    const result: PhraseMatch<V>[] = [];
    let i = this.nextStart(text, 0);
    while (i < text.length) {
      const matches = this.matchesAt(text, i);
      if (matches.length) {
        const longest = matches[matches.length - 1];
        result.push(longest);
        if (!overlapping) {
          i = this.nextStart(text, longest.end);
          continue;
        }
      }
      i = this.nextStart(text, i + 1);
    }
    return result;
  }
}
