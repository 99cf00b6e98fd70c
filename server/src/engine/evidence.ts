/**
 * Evidence from the other documents of a workspace. A writer who uses a string in several documents means it:
 * a local project's name (智汇谷), a unit's coinage (数智, 减污) recurs from report to report, a typo rarely
 * does. The wrong-character rule's findings whose written string (LineFinding.key) occurs in another document
 * of the workspace are dropped, as the last check of the place stage (few findings get that far).
 *
 * A copy is not evidence: drafts of one report (初稿, 修改稿), a template filled in twice, a paragraph pasted into
 * another report carry the same typo in the same words around it. An occurrence counts only where its
 * neighbours differ (CONTEXT characters on either side): the writer used the string again in a sentence of its
 * own. The trade-off that remains: a typo retyped in new sentences of several files is taken for intent
 * (docs/notes/wrongchar.md).
 */

/** The characters around a string where the document being checked has it (the copy test). */
export interface KeyContext {
  /** Up to CONTEXT characters before the string, on its line. */
  before: string;
  /** Up to CONTEXT characters after it. */
  after: string;
}

/** What a document's linter asks of the workspace: does another document use this string in words of its own? */
export interface WorkspaceEvidence {
  usedElsewhere(key: string, context?: KeyContext): boolean;
}

/** Neighbours compared on each side by the copy test: a sentence retyped rarely keeps four on both sides. */
export const CONTEXT = 4;

/** The context of `key` in `line`: its occurrence nearest to `near` (a finding's start), CONTEXT characters a side. */
export function keyContext(line: string, key: string, near: number): KeyContext | undefined {
  let at = -1;
  for (let i = line.indexOf(key); i >= 0; i = line.indexOf(key, i + 1)) {
    if (at < 0 || Math.abs(i - near) < Math.abs(at - near)) at = i;
  }
  if (at < 0) return undefined;
  return { before: line.slice(Math.max(0, at - CONTEXT), at), after: line.slice(at + key.length, at + key.length + CONTEXT) };
}

/** Whether `text` has `key` somewhere other than inside the same neighbours (a copy); without a context, anywhere. */
function occursInOwnWords(text: string, key: string, context: KeyContext | undefined): boolean {
  for (let i = text.indexOf(key); i >= 0; i = text.indexOf(key, i + 1)) {
    if (!context || !isCopy(text, i, key.length, context)) return true;
  }
  return false;
}

/** The occurrence at `at` has the context's neighbours; a context cut short by its line's end must be cut there too. */
function isCopy(text: string, at: number, length: number, { before, after }: KeyContext): boolean {
  const start = at - before.length;
  const end = at + length + after.length;
  if (start < 0 || !text.startsWith(before, start) || !text.startsWith(after, at + length)) return false;
  if (before.length < CONTEXT && start > 0 && !isLineBreak(text.charCodeAt(start - 1))) return false;
  if (after.length < CONTEXT && end < text.length && !isLineBreak(text.charCodeAt(end))) return false;
  return true;
}

function isLineBreak(code: number): boolean {
  return code === 10 || code === 13;
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

  /** Whether `key` occurs in a document other than `self`, and not only as a copy of `context` (see above). */
  usedElsewhere(key: string, self: string | undefined, context?: KeyContext): boolean {
    if (key.length < MIN_KEY) return false;
    const question = context ? `${key}\u0000${context.before}\u0000${context.after}` : key;
    for (const [id, entry] of this.entries) {
      if (id === self) continue;
      let found = entry.answers.get(question);
      if (found === undefined) {
        entry.pairs ??= pairFilter(entry.text);
        found = pairsMayOccur(entry.pairs, key) && occursInOwnWords(entry.text, key, context);
        if (entry.answers.size >= MAX_ANSWERS) entry.answers.clear();
        entry.answers.set(question, found);
      }
      if (found) return true;
    }
    return false;
  }

  /** The evidence as one document sees it (all documents but itself). */
  except(self: string | undefined): WorkspaceEvidence {
    return { usedElsewhere: (key, context) => this.usedElsewhere(key, self, context) };
  }
}
