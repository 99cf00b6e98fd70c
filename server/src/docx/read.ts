import { DocxError } from './errors';
import { Numbering } from './numbering';
import { DocxPackage, openPackage, partXml, relatedPart } from './package';
import { ParagraphProps, readThemeFonts, Styles } from './styles';
import { attr, child, XmlElement } from './xml';

export type PartKind = 'body' | 'table' | 'header' | 'footer';

/** A piece of a paragraph's text that comes from one w:t (or w:tab …) of one run. */
export interface TextSegment {
  start: number;
  end: number;
  run: XmlElement;
  /** The w:t element (undefined for a tab or break, which cannot be split). */
  t?: XmlElement;
}

export interface DocxParagraph {
  /** 1-based number of the paragraph in its part: in document.xml body and table paragraphs count together, in document order. */
  number: number;
  kind: PartKind;
  element: XmlElement;
  /** The rendered automatic number ("一、"), '' when none; it is the start of `text`. */
  label: string;
  text: string;
  segments: TextSegment[];
  props: ParagraphProps;
}

/** The text of one kind of content, one line per paragraph (a line break inside a paragraph starts a new line). */
export interface DocxPart {
  kind: PartKind;
  /** The package part it comes from (word/document.xml, word/footer1.xml …). */
  part: string;
  text: string;
  paragraphs: DocxParagraph[];
  /** For each line of `text`: the paragraph (index into `paragraphs`) and the line's offset in its text. */
  lines: { paragraph: number; offset: number }[];
}

export interface DocxDocument {
  pkg: DocxPackage;
  document: XmlElement;
  styles: Styles;
  parts: DocxPart[];
  /** Section properties (w:sectPr), the body's final one last. */
  sections: XmlElement[];
}

const SKIPPED = new Set(['w:del', 'w:moveFrom', 'mc:AlternateContent', 'w:drawing', 'w:pict', 'w:object', 'w:instrText', 'w:delText', 'w:rPr', 'w:pPr', 'w:txbxContent']);

/** Collects a paragraph's text from its runs (insertions count, deletions and field codes do not). */
export function collectText(paragraph: XmlElement, label: string): { text: string; segments: TextSegment[] } {
  let text = label;
  const segments: TextSegment[] = [];
  const visitRun = (run: XmlElement) => {
    for (const c of run.children) {
      if (typeof c === 'string') continue;
      let piece = '';
      if (c.name === 'w:t') piece = c.children.filter((x): x is string => typeof x === 'string').join('');
      else if (c.name === 'w:tab' || c.name === 'w:ptab') piece = '\t';
      else if (c.name === 'w:br' && attr(c, 'w:type') !== 'page' && attr(c, 'w:type') !== 'column') piece = '\n';
      else if (c.name === 'w:cr') piece = '\n';
      else if (c.name === 'w:noBreakHyphen') piece = '-';
      if (!piece) continue;
      segments.push({ start: text.length, end: text.length + piece.length, run, t: c.name === 'w:t' ? c : undefined });
      text += piece;
    }
  };
  const visit = (element: XmlElement) => {
    for (const c of element.children) {
      if (typeof c === 'string' || SKIPPED.has(c.name)) continue;
      if (c.name === 'w:r') visitRun(c);
      else visit(c);
    }
  };
  visit(paragraph);
  return { text, segments };
}

class PartBuilder {
  readonly paragraphs: DocxParagraph[] = [];
  constructor(readonly kind: PartKind, readonly part: string) {}
  build(): DocxPart {
    const lines: DocxPart['lines'] = [];
    const texts: string[] = [];
    this.paragraphs.forEach((p, index) => {
      let offset = 0;
      for (const line of p.text.split('\n')) {
        lines.push({ paragraph: index, offset });
        texts.push(line);
        offset += line.length + 1;
      }
    });
    return { kind: this.kind, part: this.part, text: texts.join('\n'), paragraphs: this.paragraphs, lines };
  }
}

/** Reads a .docx into plain text parts with a map back to paragraphs (see DocxPart); throws DocxError. */
export function readDocx(bytes: Uint8Array, name = '文件'): DocxDocument {
  const pkg = openPackage(bytes, name);
  const document = partXml(pkg, pkg.main)!;
  const stylesPart = relatedPart(pkg, 'styles');
  const themePart = relatedPart(pkg, 'theme');
  const numberingPart = relatedPart(pkg, 'numbering');
  const styles = new Styles(stylesPart ? partXml(pkg, stylesPart) : undefined, readThemeFonts(themePart ? partXml(pkg, themePart) : undefined));
  const numbering = new Numbering(numberingPart ? partXml(pkg, numberingPart) : undefined);
  const body = new PartBuilder('body', pkg.main);
  const tables = new PartBuilder('table', pkg.main);
  const sections: XmlElement[] = [];
  let counter = 0;

  const paragraph = (p: XmlElement, target: PartBuilder, count: () => number) => {
    const pPr = child(p, 'w:pPr');
    const props = styles.paragraph(pPr);
    const label = props.numPr ? numbering.next(props.numPr.numId, props.numPr.ilvl) : '';
    const { text, segments } = collectText(p, label);
    target.paragraphs.push({ number: count(), kind: target.kind, element: p, label, text, segments, props });
    const sectPr = child(pPr, 'w:sectPr');
    if (sectPr) sections.push(sectPr);
  };
  // Tables in the body go to their own part; in a header or footer they stay with it (tableTarget).
  const container = (element: XmlElement, target: PartBuilder, tableTarget: PartBuilder, count: () => number) => {
    for (const c of element.children) {
      if (typeof c === 'string') continue;
      if (c.name === 'w:p') paragraph(c, target, count);
      else if (c.name === 'w:tbl') container(c, tableTarget, tableTarget, count);
      else if (c.name === 'w:tr' || c.name === 'w:tc' || c.name === 'w:sdt' || c.name === 'w:sdtContent' || c.name === 'w:customXml') container(c, target, tableTarget, count);
      else if (c.name === 'w:sectPr') sections.push(c);
    }
  };
  const bodyElement = child(document, 'w:body');
  if (!bodyElement) throw new DocxError(`${name} 的 document.xml 中没有正文（w:body）`);
  container(bodyElement, body, tables, () => ++counter);

  const parts = [body.build()];
  if (tables.paragraphs.length) parts.push(tables.build());
  for (const kind of ['header', 'footer'] as const) {
    const targets = [...pkg.relationships.values()].filter((r) => r.type === kind && pkg.parts.has(r.target)).map((r) => r.target).sort();
    for (const target of targets) {
      const builder = new PartBuilder(kind, target);
      let n = 0;
      container(partXml(pkg, target)!, builder, builder, () => ++n);
      parts.push(builder.build());
    }
  }
  if (!parts.some((p) => p.kind !== 'header' && p.kind !== 'footer' && p.text.trim())) throw new DocxError(`${name} 中没有文字（正文和表格都是空的），无可检查`);
  return { pkg, document, styles, parts, sections };
}

/** Maps a position in a part's text back to a paragraph and the offset in its text (label included). */
export function paragraphAt(part: DocxPart, line: number, character: number): { paragraph: DocxParagraph; offset: number } {
  const entry = part.lines[Math.min(line, part.lines.length - 1)];
  return { paragraph: part.paragraphs[entry.paragraph], offset: entry.offset + character };
}
