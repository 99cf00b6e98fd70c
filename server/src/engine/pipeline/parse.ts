import { DocumentKind, DocumentParser, ParseResult, ReportDocument } from '../document';
import { composeChanges } from '../lineDiff';

/**
 * The parse stage: one DocumentParser per linted document. Outline, folding and completion may ask for the
 * model of a text before it is linted (`ahead`); the lint of that text then takes the parse over (`take`), so
 * a text is parsed once. The change a lint receives always relates to the text of the previous lint.
 */
export class ParseStage {
  private readonly parser = new DocumentParser();
  /** Parsed since the last lint. */
  private pending?: PendingParse;

  /** The model of `text` without linting it; the next `take` of the same text reuses the parse. */
  ahead(text: string, kind: DocumentKind): ReportDocument {
    this.pending = this.parse(text, kind);
    return this.pending.result.document;
  }

  /** The parse of `text` for a lint. */
  take(text: string, kind: DocumentKind): ParseResult {
    const { result } = this.parse(text, kind);
    this.pending = undefined;
    return result;
  }

  private parse(text: string, kind: DocumentKind): PendingParse {
    const pending = this.pending;
    if (pending && pending.text === text && pending.kind === kind) return pending;
    const result = this.parser.parse(text, kind);
    return pending ? pending.followedBy(text, kind, result) : new PendingParse(text, kind, result);
  }
}

/** A parse no lint has taken yet: with several in a row, their line changes as one (since the last lint). */
class PendingParse {
  constructor(
    readonly text: string,
    readonly kind: DocumentKind,
    readonly result: ParseResult,
  ) {}

  /**
   * The pending parse after one more. It gives up the tree update: the document rules then run again rather
   * than move findings over two changes.
   */
  followedBy(text: string, kind: DocumentKind, next: ParseResult): PendingParse {
    const change = this.result.change && next.change ? composeChanges(this.result.change, next.change) : undefined;
    return new PendingParse(text, kind, { document: next.document, change, treeUpdate: undefined });
  }
}
