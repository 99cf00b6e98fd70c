import type { ReportDocument } from '../document';
import type { LineChange } from '../lineDiff';
import type { LineFinding } from '../rules/rule';
import { Token, toTokens } from '../segmentation';
import type { Finding, Severity } from '../types';

/** A line rule's finding with its rule and severity settled. */
export type CheckedFinding = LineFinding & { rule: string; severity: Severity };

/**
 * What the line rules found in one line's text. It depends on the text only (and on whether words and
 * frequencies were there), so identical lines share one result, and a result lives on while its line is
 * unchanged. Filled in by the line-rule stage; not changed after that pass.
 */
export interface LineResult {
  findings: CheckedFinding[];
  /** Aligned with `findings`: the key of each finding that is dropped when its key recurs (undefined for the others; the whole array is undefined when the line has none). */
  uniqueKeys: (string | undefined)[] | undefined;
  /** Whether the segmentation-based rules ran for this line. */
  segmented: boolean;
  /**
   * The line's word lengths (Segmenter.wordLengths), kept so that the line need not be segmented again
   * (when the lexicon arrives) and for document rules that read words. Lengths, not tokens: a token
   * object and string per word of a large report kept them all alive in the old generation.
   */
  lengths: ArrayLike<number> | undefined;
  /** The tokens made from `lengths` for a document rule that reads words (made on its first request). */
  tokens: Token[] | undefined;
  /** Whether the lexicon-based rules ran for this line. */
  withLexicon: boolean;
}

/** A line of a pass: its result, and the result's findings as document findings while the line keeps its number. */
export interface LineSlot {
  result: LineResult;
  placed: Finding[] | undefined;
  /** The line `placed` is for (-1: not placed). */
  placedAt: number;
}

// Per-line flags (one byte per line, carried over like the slots): an unchanged line without findings and
// with every rule run is skipped without touching its objects (memory latency of thousands of objects was
// most of a pass).
/** The line must be looked at (changed, or not yet checked). */
export const VISIT = 1;
export const HAS_FINDINGS = 2;
/** The segmentation-based rules have not run on the line. */
export const NOT_SEGMENTED = 4;
/** The lexicon-based rules have not run on the line. */
export const NO_LEXICON = 8;

/** One lint's view of the lines: the slots carried over, and what this pass does with them. */
export class LinePass {
  /** The lines of this pass that have a slot (text lines outside Markdown code that were looked at), in order. */
  readonly kept: number[] = [];
  /** Lines checked in this pass by text: identical lines of a new text are checked once. */
  private readonly checkedNow = new Map<string, LineResult>();

  constructor(
    readonly document: ReportDocument,
    /** Aligned with the document's lines. */
    readonly slots: (LineSlot | undefined)[],
    readonly flags: Uint8Array,
    /** The lines of the previous pass when `change` relates them to these (undefined: nothing carried over). */
    readonly oldLines: readonly string[] | undefined,
    readonly change: LineChange | undefined,
    /** Results of the lines the previous change removed (by text), still there to take over. */
    private readonly removedBefore: ReadonlyMap<string, LineResult>,
    /** Results of the lines this change removed, for the next pass. */
    readonly removedNow: Map<string, LineResult>,
  ) {}

  /** The result of a line identical to line `i` checked earlier in this pass (none when line `i` has a slot). */
  checkedTwin(i: number): LineResult | undefined {
    return this.slots[i] ? undefined : this.checkedNow.get(this.document.lines[i]);
  }

  /**
   * The result line `i` had in the previous pass, or that an identical line removed by the previous edit had
   * (an undo, a section cut and pasted back): it may lack the rules that need words or frequencies.
   */
  previousResult(i: number): LineResult | undefined {
    return this.slots[i]?.result ?? this.removedBefore.get(this.document.lines[i]);
  }

  /** Line `i` holds `result` in this pass (a new one is registered for its identical lines). */
  keep(i: number, result: LineResult, checked: boolean): void {
    const slot = this.slots[i];
    if (!slot || slot.result !== result) this.slots[i] = { result, placed: undefined, placedAt: -1 };
    if (checked) this.checkedNow.set(this.document.lines[i], result);
    this.kept.push(i);
  }

  /** Line `i` has nothing to check (blank, or Markdown code). */
  drop(i: number): void {
    this.slots[i] = undefined;
    this.flags[i] = 0;
  }

  /** The word tokens of line `i`, made from its kept word lengths on the first request. */
  tokens(i: number): Token[] | undefined {
    const result = this.slots[i]?.result;
    return result?.lengths ? (result.tokens ??= toTokens(this.document.lines[i], result.lengths)) : undefined;
  }
}

/**
 * The line results of one document from pass to pass. Unchanged lines keep their slots (so their findings
 * stay the same objects), changed lines take over the result of an identical removed line, and the results
 * of the lines an edit removed are kept for one more pass.
 */
export class LineCache {
  private previous?: { kind: ReportDocument['kind']; lines: readonly string[]; ignoredCount: number; slots: (LineSlot | undefined)[]; flags: Uint8Array };
  private removedBefore = new Map<string, LineResult>();

  constructor(private readonly needsSegmentation: boolean) {}

  /** Starts a pass over `document`, whose lines `change` relates to those of the previous pass. */
  begin(document: ReportDocument, change: LineChange | undefined): LinePass {
    const { lines, kind, ignoredLines } = document;
    const previous = this.previous && this.previous.kind === kind && change ? this.previous : undefined;
    // Until `finish`: a pass that does not finish leaves nothing to carry over.
    this.previous = undefined;
    const removedNow = new Map<string, LineResult>();
    if (!previous) {
      return new LinePass(document, new Array(lines.length), new Uint8Array(lines.length).fill(VISIT), undefined, change, new Map(), removedNow);
    }
    const { start, oldEnd, newEnd } = change!;
    const oldLines = previous.lines;
    // Changed lines take over the slot of an identical removed line (a moved paragraph); a slot goes to one
    // line only (it remembers where its findings were placed), further identical lines share its result.
    const removed = new Map<string, LineSlot>();
    for (let i = start; i < oldEnd; i++) {
      const slot = previous.slots[i];
      if (!slot) continue;
      removed.set(oldLines[i], slot);
      removedNow.set(oldLines[i], slot.result);
    }
    const middle = new Array<LineSlot | undefined>(newEnd - start);
    const taken = new Set<LineSlot>();
    for (let i = start; i < newEnd; i++) {
      const slot = removed.get(lines[i]);
      if (!slot) continue;
      middle[i - start] = taken.has(slot) ? { result: slot.result, placed: undefined, placedAt: -1 } : slot;
      taken.add(slot);
    }
    // Native copies of the unchanged parts (a 1 MB report has thousands of lines on either side).
    const slots = previous.slots.slice(0, start).concat(middle, previous.slots.slice(oldEnd));
    const flags = new Uint8Array(lines.length);
    // In Markdown a fence can change what the lines after it are: every line is looked at then.
    if (kind === 'markdown' && (ignoredLines.size > 0 || previous.ignoredCount > 0)) flags.fill(VISIT);
    else {
      flags.set(previous.flags.subarray(0, start));
      flags.set(previous.flags.subarray(oldEnd), newEnd);
      flags.fill(VISIT, start, newEnd);
    }
    return new LinePass(document, slots, flags, oldLines, change, this.removedBefore, removedNow);
  }

  /** The flags the kept lines' results call for. Returns whether a line still waits for its words. */
  finish(pass: LinePass): boolean {
    let segmentationPending = false;
    const { slots, flags } = pass;
    for (const i of pass.kept) {
      const result = slots[i]!.result;
      flags[i] = (result.findings.length ? HAS_FINDINGS : 0) | (result.segmented ? 0 : NOT_SEGMENTED) | (result.withLexicon ? 0 : NO_LEXICON);
      if (!result.segmented && this.needsSegmentation) segmentationPending = true;
    }
    const { kind, lines, ignoredLines } = pass.document;
    this.previous = { kind, lines, ignoredCount: ignoredLines.size, slots, flags };
    this.removedBefore = pass.removedNow;
    return segmentationPending;
  }

  /** Forgets every line (the document went over the size limit). */
  clear(): void {
    this.previous = undefined;
    this.removedBefore = new Map();
  }
}
