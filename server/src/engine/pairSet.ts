/**
 * A set of ordered pairs of UTF-16 code units, as an open-addressing hash table of 32-bit keys: it is
 * asked hundreds of thousands of times per 100 K characters, and a Set of numbers above 2^30 would box
 * every key it is asked about. Most answers are no: a one-bit-per-key filter of 128 KB (which stays in
 * the processor's cache, unlike the table) gives most of them without touching the table.
 */
export class PairSet {
  private table: Int32Array<ArrayBufferLike>;
  /** 32 minus log2 of the table size: a slot is the top bits of the multiplicative hash. */
  private shift: number;
  private count = 0;
  private filter: Int32Array<ArrayBufferLike> = new Int32Array(1 << 15);
  /** The key 0 (the pair of two NUL characters) marks an empty slot; whether that pair is in the set is kept here. */
  private hasZero = false;

  /** `expected`: about how many pairs will be added (the table then need not grow on the way). */
  constructor(expected = 0) {
    let bits = 10;
    while (1 << bits < expected * 2) bits++;
    this.table = new Int32Array(1 << bits);
    this.shift = 32 - bits;
  }

  /** The set's state as typed arrays (to be written into a prebuilt file; `fromParts` makes the same set again). */
  parts(): PairSetParts {
    return { table: this.table, filter: this.filter, meta: Int32Array.of(this.shift, this.count, this.hasZero ? 1 : 0) };
  }

  /** The set `parts()` gave, on the same arrays (views on a prebuilt file's bytes: no copy, no hashing). */
  static fromParts(parts: PairSetParts): PairSet {
    const { table, filter, meta } = parts;
    if (filter.length !== 1 << 15 || meta.length !== 3 || table.length < 2 || (table.length & (table.length - 1)) !== 0 || 32 - meta[0] !== Math.log2(table.length)) {
      throw new Error('字符对表的数据不一致');
    }
    const set = new PairSet();
    set.table = table;
    set.filter = filter;
    set.shift = meta[0];
    set.count = meta[1];
    set.hasZero = meta[2] === 1;
    return set;
  }

  add(first: number, second: number): void {
    const key = (first << 16) | second;
    if (key === 0) {
      this.hasZero = true;
      return;
    }
    const bit = Math.imul(key, 0x85ebca6b) >>> 12;
    this.filter[bit >>> 5] |= 1 << (bit & 31);
    if (this.insert(key)) this.count++;
    if (this.count * 2 > this.table.length) {
      const old = this.table;
      this.table = new Int32Array(old.length * 2);
      this.shift--;
      for (const k of old) if (k !== 0) this.insert(k);
    }
  }

  has(first: number, second: number): boolean {
    const key = (first << 16) | second;
    if (key === 0) return this.hasZero;
    const bit = Math.imul(key, 0x85ebca6b) >>> 12;
    if ((this.filter[bit >>> 5] & (1 << (bit & 31))) === 0) return false;
    const table = this.table;
    const mask = table.length - 1;
    for (let slot = Math.imul(key, 0x9e3779b1) >>> this.shift; ; slot = (slot + 1) & mask) {
      const k = table[slot];
      if (k === key) return true;
      if (k === 0) return false;
    }
  }

  /** Puts `key` into the table; false if it was there already. */
  private insert(key: number): boolean {
    const table = this.table;
    const mask = table.length - 1;
    for (let slot = Math.imul(key, 0x9e3779b1) >>> this.shift; ; slot = (slot + 1) & mask) {
      const k = table[slot];
      if (k === key) return false;
      if (k === 0) {
        table[slot] = key;
        return true;
      }
    }
  }
}

/** What `PairSet.parts()` gives: the table, the filter, and [shift, count, whether the NUL pair is in]. */
export interface PairSetParts {
  table: Int32Array;
  filter: Int32Array;
  meta: Int32Array;
}
