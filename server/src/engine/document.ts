import { EnumerationItem } from './enumerations';
import { HeadingInfo, HeadingLevel } from './headings';
import { analyzeLine, LineInfo } from './lineInfo';
import { carryOver, LineChange, splitIncrementally, SplitText } from './lineDiff';
import { findMarkdownCode } from './markdownCode';
import { buildTree } from './tree/buildTree';
import { updateTree } from './tree/updateTree';
import { Range } from './types';

export { walkSections } from './tree/walk';

export type DocumentKind = 'plaintext' | 'markdown';

export type SectionKind = 'document' | 'title' | 'opening' | 'heading' | 'item' | 'closing';

/** One node of the section tree: the single structure behind outline, folding, numbering and completion. */
export interface SectionNode {
  kind: SectionKind;
  /** 1–4 for headings (GB/T 9704 levels). */
  level?: HeadingLevel;
  /** The marker as written ("（一）", "二是"); "" for nodes without one. */
  marker: string;
  number?: number;
  title: string;
  /** Line where the node starts. */
  line: number;
  /** The whole section, from its first character to the end of its last line. */
  range: Range;
  /** What to reveal when the node is picked: the marker and the title. */
  selectionRange: Range;
  /** Visible characters in the section (whitespace not counted). */
  chars: number;
  heading?: HeadingInfo;
  item?: EnumerationItem;
  children: SectionNode[];
  parent?: SectionNode;
}

export interface ReportDocument {
  kind: DocumentKind;
  lines: string[];
  lineInfos: LineInfo[];
  /** Lines excluded from analysis (Markdown code blocks and front matter). */
  ignoredLines: Set<number>;
  root: SectionNode;
}

/**
 * How a parse derived its section tree from the previous one (see updateTree): no heading line changed, or
 * only one heading's title (`headingsSame` false), and `itemsSame` says whether the changed lines also kept
 * their enumeration items (markers, numbers, positions and titles). `change` is the parse's line change with
 * the lines that stayed as they were trimmed off.
 */
export interface TreeUpdate {
  change: LineChange;
  itemsSame: boolean;
  /** False when the change was a heading's title (its marker and place unchanged). */
  headingsSame: boolean;
}

/** What one `DocumentParser.parse` gives: the model, and how it relates to the parser's previous parse. */
export interface ParseResult {
  document: ReportDocument;
  /** The lines that changed since the previous parse (undefined: none of the same kind to relate to). */
  change: LineChange | undefined;
  /** How the tree was updated from the previous one (undefined: built from scratch). */
  treeUpdate: TreeUpdate | undefined;
}

/**
 * Parses documents again and again as they change. Only the lines around a change are split and
 * analysed again; unchanged lines keep their `LineInfo` (see lineDiff.ts). The section tree is updated
 * in place of a rebuild when no heading line changed (or one heading's title): nodes before the change are shared with the
 * previous tree, nodes after it are shared or shifted, and only the sections holding the change are new.
 * (Shared nodes get their `parent` pointed at the new tree; everything else about a previous tree stays valid.)
 */
export class DocumentParser {
  private previous?: { split: SplitText; kind: DocumentKind; lines: string[]; infos: LineInfo[]; root: SectionNode };

  parse(text: string, kind: DocumentKind = 'plaintext'): ParseResult {
    const previous = this.previous?.kind === kind ? this.previous : undefined;
    const { split, change } = splitIncrementally(text, previous?.split);
    const { lines } = split;
    const markdown = kind === 'markdown';
    const ignoredLines = markdown ? findMarkdownCode(lines) : new Set<number>();
    const carried = previous && change ? carryOver(previous.infos, previous.lines, lines, change) : undefined;
    const lineInfos = new Array<LineInfo>(lines.length);
    for (let i = 0; i < lines.length; i++) {
      if (ignoredLines.has(i)) {
        lineInfos[i] = BLANK;
        continue;
      }
      let info = carried?.[i];
      // BLANK marks a line that was inside a code block: analyse it now that it is not.
      if (!info || info === BLANK) info = analyzeLine(lines[i], markdown);
      lineInfos[i] = info;
    }
    const updated = previous && change ? updateTree(previous, change, lines, lineInfos, markdown) : undefined;
    const root = updated ? updated.root : buildTree(lines, lineInfos, markdown);
    this.previous = { split, kind, lines, infos: lineInfos, root };
    return { document: { kind, lines, lineInfos, ignoredLines, root }, change, treeUpdate: updated?.update };
  }
}

const BLANK: LineInfo = { blank: true, heading: undefined, items: [], visibleChars: 0, closingFormula: false, dateLine: false, pairedMarks: false };

export function parseDocument(text: string, kind: DocumentKind = 'plaintext'): ReportDocument {
  return new DocumentParser().parse(text, kind).document;
}

