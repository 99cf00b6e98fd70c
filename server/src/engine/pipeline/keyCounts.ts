import { LineChange } from '../lineDiff';

/** Occurrence counts stop here: no rule asks for more. */
const COUNT_CAP = 8;

/**
 * How often keys (and corroborating words) occur in the text. Answers are kept from pass to pass: a key
 * without line breaks occurs within lines, so its count can change only if it occurs in a changed line,
 * old or new. (Searching a 1 MB text for every key on every keystroke cost more than the rest of a re-lint.)
 */
export class KeyCounts {
  private answers = new Map<string, number>();
  private previous = new Map<string, number>();
  private changedOld = '';
  private changedNew = '';

  /** Starts a pass over `lines`; `change` relates them to `oldLines`, those of the previous pass (undefined: unrelated). */
  begin(oldLines: readonly string[] | undefined, lines: readonly string[], change: LineChange | undefined): void {
    this.previous = oldLines && change ? this.answers : new Map();
    this.answers = new Map();
    this.changedOld = oldLines && change ? oldLines.slice(change.start, change.oldEnd).join('\n') : '';
    this.changedNew = oldLines && change ? lines.slice(change.start, change.newEnd).join('\n') : '';
  }

  /** Non-overlapping occurrences of `key` in `text`, counted up to COUNT_CAP. */
  count(text: string, key: string): number {
    let n = this.answers.get(key);
    if (n !== undefined) return n;
    n = this.previous.get(key);
    if (n === undefined || /[\r\n]/.test(key) || this.changedOld.includes(key) || this.changedNew.includes(key)) {
      n = 0;
      for (let at = text.indexOf(key); at >= 0 && n < COUNT_CAP; at = text.indexOf(key, at + key.length)) n++;
    }
    this.answers.set(key, n);
    return n;
  }

  occursTwice(text: string, key: string): boolean {
    return this.count(text, key) >= 2;
  }

  clear(): void {
    this.answers = new Map();
    this.previous = new Map();
  }
}
