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

interface Entry {
  text: string;
  /** The keys looked up in this text, and whether they occur (cleared when the text changes). */
  answers: Map<string, boolean>;
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
        found = entry.text.includes(key);
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
