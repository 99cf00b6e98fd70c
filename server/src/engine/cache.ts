/**
 * A cache keyed by line text that keeps only what the latest pass used. Each pass reads through
 * `get`/`set`; `endPass` drops entries the pass did not touch, so memory follows the document
 * and never grows with the edit history.
 */
export class GenerationalCache<V> {
  private previous = new Map<string, V>();
  private current = new Map<string, V>();

  get(key: string): V | undefined {
    let value = this.current.get(key);
    if (value !== undefined) return value;
    value = this.previous.get(key);
    if (value !== undefined) this.current.set(key, value);
    return value;
  }

  set(key: string, value: V): void {
    this.current.set(key, value);
  }

  endPass(): void {
    this.previous = this.current;
    this.current = new Map();
  }

  clear(): void {
    this.previous.clear();
    this.current.clear();
  }

  get size(): number {
    return this.previous.size + this.current.size;
  }
}
