/**
 * A set of ordered pairs of UTF-16 code units, as an open-addressing hash table of 32-bit keys: it is
 * asked hundreds of thousands of times per 100 K characters, and a Set of numbers above 2^30 would box
 * every key it is asked about. Most answers are no: a one-bit-per-key filter of 128 KB (which stays in
 * the processor's cache, unlike the table) gives most of them without touching the table.
 */
export class PairSet {
  private table: Int32Array;
  /** 32 minus log2 of the table size: a slot is the top bits of the multiplicative hash. */
  private shift: number;
  private count = 0;
  private readonly filter = new Int32Array(1 << 15);
  /** The key 0 (the pair of two NUL characters) marks an empty slot; whether that pair is in the set is kept here. */
  private hasZero = false;

  /** `expected`: about how many pairs will be added (the table then need not grow on the way). */
  constructor(expected = 0) {
    let bits = 10;
    while (1 << bits < expected * 2) bits++;
    this.table = new Int32Array(1 << bits);
    this.shift = 32 - bits;
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
