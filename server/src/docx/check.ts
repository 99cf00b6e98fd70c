import type { Finding, Linter } from '../engine';
import { DocxDocument, DocxPart, paragraphAt, PartKind } from './read';

/** A finding located in a .docx: the part, the paragraph and the character offsets in its text. */
export interface DocxFinding {
  finding: Finding;
  /** 'page': page setup (a format finding with no paragraph; paragraph 0). */
  kind: PartKind | 'page';
  part: string;
  /** 1-based paragraph number in the part (see DocxParagraph.number). */
  paragraph: number;
  /** Index of the paragraph in the part's paragraph list (for writing back). */
  paragraphIndex: number;
  /** 0-based UTF-16 offsets in the paragraph's text (automatic number included). */
  offset: number;
  endOffset: number;
  /** The flagged text, and the text around it (up to 10 characters either side) for a reader to find the place. */
  text: string;
  context: string;
  /** The finding's JSON in the text shape (rule, severity, message, range in the part's text, suggestions), set by the CLI. */
  json?: Record<string, unknown>;
}

const PART_ORDER: PartKind[] = ['body', 'table', 'header', 'footer'];

/** Where a finding in a part's text lies in the document's paragraphs. */
export function locate(part: DocxPart, finding: Finding): DocxFinding {
  const start = paragraphAt(part, finding.range.start.line, finding.range.start.character);
  const end = paragraphAt(part, finding.range.end.line, finding.range.end.character);
  const text = start.paragraph.text;
  // A finding that runs into a later paragraph is shown up to the end of its first one.
  const endOffset = end.paragraph === start.paragraph ? end.offset : text.length;
  return {
    finding,
    kind: part.kind,
    part: part.part,
    paragraph: start.paragraph.number,
    paragraphIndex: part.paragraphs.indexOf(start.paragraph),
    offset: start.offset,
    endOffset,
    text: text.slice(start.offset, endOffset),
    context: text.slice(Math.max(0, start.offset - 10), Math.min(text.length, endOffset + 10)),
  };
}

/** Checks every text part of a document with the engine, as plain text; findings in part order (body, tables, headers, footers). */
export function checkDocx(doc: DocxDocument, linter: Linter): { part: DocxPart; findings: readonly Finding[]; located: DocxFinding[] }[] {
  const parts = [...doc.parts].sort((a, b) => PART_ORDER.indexOf(a.kind) - PART_ORDER.indexOf(b.kind));
  return parts.map((part) => {
    const findings = linter.lint(part.text, 'plaintext').findings;
    return { part, findings, located: findings.map((f) => locate(part, f)) };
  });
}

export const PART_NAMES: Record<PartKind | 'page', string> = { body: '正文', table: '表格', header: '页眉', footer: '页脚', page: '页面设置' };
