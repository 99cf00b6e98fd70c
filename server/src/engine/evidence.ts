/**
 * Evidence from the other documents of a workspace. A writer who uses a string in several documents means it:
 * a local project's name (智汇谷), a unit's coinage (数智, 减污) recurs from report to report, a typo rarely
 * does. The wrong-character rule's findings whose written string (LineFinding.key) occurs in another document
 * of the workspace are dropped, as the last check of the place stage (few findings get that far).
 *
 * The trade-off: a typo copied into several files of a workspace is taken for intent (docs/notes/wrongchar.md).
 */

/** What a document's linter asks of the workspace: does another document use this string? */
export interface WorkspaceEvidence {
  usedElsewhere(key: string): boolean;
}

export interface WorkspaceLimits {
  /** At most this many documents are kept (the first ones; later ones are not evidence). */
  maxDocuments: number;
  /** At most this many characters in all (a workspace of books is not a workspace of reports). */
  maxChars: number;
}

export const DEFAULT_WORKSPACE_LIMITS: WorkspaceLimits = { maxDocuments: 100, maxChars: 2_000_000 };

/** Answers kept per document before they are forgotten (bounded memory; an answer costs one search). */
const MAX_ANSWERS = 4096;

/** Keys shorter than this say nothing: one character occurs in every document. */
const MIN_KEY = 2;

/** Bits of a document's pair filter (16 KB): a fraction of the pairs of a 20,000-character report. */
const PAIR_BITS = 1 << 17;

interface Entry {
  text: string;
  /** The keys looked up in this text, and whether they occur (cleared when the text changes). */
  answers: Map<string, boolean>;
  /**
   * A bit per hash of each pair of neighbouring code units in the text, made at the first question: a key with a
   * pair whose bit is clear does not occur, without a search (most keys are in no other document; a search of
   * 2 M characters costs about half a millisecond).
   */
  pairs?: Uint32Array;
}

function pairHash(first: number, second: number): number {
  return Math.imul((first << 16) | second, 0x9e3779b1) >>> 15;
}

function pairFilter(text: string): Uint32Array {
  const bits = new Uint32Array(PAIR_BITS >>> 5);
  for (let i = 0; i + 1 < text.length; i++) {
    const h = pairHash(text.charCodeAt(i), text.charCodeAt(i + 1));
    bits[h >>> 5] |= 1 << (h & 31);
  }
  return bits;
}

/** Whether every pair of the key may occur in the text (false: it certainly does not). */
function pairsMayOccur(bits: Uint32Array, key: string): boolean {
  for (let i = 0; i + 1 < key.length; i++) {
    const h = pairHash(key.charCodeAt(i), key.charCodeAt(i + 1));
    if ((bits[h >>> 5] & (1 << (h & 31))) === 0) return false;
  }
  return true;
}

/**
 * The texts of a workspace's documents, by id (a URI, a path), within limits; answers, for one document,
 * whether a string occurs in any of the others. A changed text forgets only its own answers.
 */
export class WorkspaceTexts {
  private readonly entries = new Map<string, Entry>();
  private chars = 0;
  /** Changes whenever a text is added, changed or removed (a host re-lints the other documents then). */
  generation = 0;

  constructor(private readonly limits: WorkspaceLimits = DEFAULT_WORKSPACE_LIMITS) {}

  /** Sets the text of a document; false when it is not kept (over the limits: it is then no evidence). */
  set(id: string, text: string): boolean {
    const old = this.entries.get(id);
    if (old && old.text === text) return true;
    const chars = this.chars - (old?.text.length ?? 0) + text.length;
    const documents = this.entries.size + (old ? 0 : 1);
    if (chars > this.limits.maxChars || documents > this.limits.maxDocuments) {
      if (old) this.delete(id);
      return false;
    }
    this.entries.set(id, { text, answers: new Map() });
    this.chars = chars;
    this.generation++;
    return true;
  }

  delete(id: string): void {
    const old = this.entries.get(id);
    if (!old) return;
    this.entries.delete(id);
    this.chars -= old.text.length;
    this.generation++;
  }

  has(id: string): boolean {
    return this.entries.has(id);
  }

  get size(): number {
    return this.entries.size;
  }

  /** Characters kept in all. */
  get totalChars(): number {
    return this.chars;
  }

  /** Whether `key` occurs in a document other than `self`. */
  usedElsewhere(key: string, self: string | undefined): boolean {
    if (key.length < MIN_KEY) return false;
    for (const [id, entry] of this.entries) {
      if (id === self) continue;
      let found = entry.answers.get(key);
      if (found === undefined) {
        entry.pairs ??= pairFilter(entry.text);
        found = pairsMayOccur(entry.pairs, key) && entry.text.includes(key);
        if (entry.answers.size >= MAX_ANSWERS) entry.answers.clear();
        entry.answers.set(key, found);
      }
      if (found) return true;
    }
    return false;
  }

  /** The evidence as one document sees it (all documents but itself). */
  except(self: string | undefined): WorkspaceEvidence {
    return { usedElsewhere: (key) => this.usedElsewhere(key, self) };
  }
}
