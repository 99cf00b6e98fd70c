import { AlignmentType, Document, DocumentGridType, Footer, LineRuleType, Packer, PageNumber, Paragraph, TextRun } from 'docx';
import type { ReportDocument } from '../engine';
import { layoutLines, LineLayout } from './layout';
import { FontSpec, FormatProfile, GB_T_9704, mmToTwips, Role } from './profile';

/** Width of a line in characters of the body size: half-width characters count half. */
function widthInChars(text: string): number {
  let w = 0;
  for (const ch of text) w += ch.charCodeAt(0) < 0x2e80 ? 0.5 : 1;
  return w;
}

function run(text: string, spec: FontSpec, latin: string): TextRun {
  return new TextRun({ text, font: { eastAsia: spec.fonts[0], ascii: latin, hAnsi: latin }, size: spec.size * 2, bold: spec.bold ?? false });
}

/** The line pitch that gives the profile's lines per page, in twips (GB/T 9704: 579). */
export function linePitchFor(profile: FormatProfile): number {
  const height = mmToTwips(profile.page.height) - mmToTwips(profile.margins.top) - mmToTwips(profile.margins.bottom);
  return Math.floor(height / profile.grid.lines);
}

/**
 * Character spacing (twips, negative: tighter) that fits the profile's characters per line at the body
 * size: GB/T 9704's 28 characters of 3号 in 156 mm need 15.8 pt per character (−5). A line-only grid with
 * this spacing gives 28 characters in Word, WPS and LibreOffice alike; Word's character grid (charSpace)
 * does too, but LibreOffice snaps each 16 pt character to two 15.8 pt cells and sets half as many.
 */
export function characterSpacingFor(profile: FormatProfile): number {
  const width = mmToTwips(profile.page.width) - mmToTwips(profile.margins.left) - mmToTwips(profile.margins.right);
  return Math.floor(width / profile.grid.chars) - profile.fonts.body.size * 20;
}

/**
 * Lays out a report as a 公文 (.docx, GB/T 9704 by default): one paragraph per line of the source, so
 * the exported text is the source text and checks the same; fonts, sizes, indents and alignment by the
 * line's role (see layoutLines); A4 with the standard margins and line grid; page numbers "— 1 —" in
 * 4号 half-width digits, odd pages right and even pages left, one character from the edge.
 */
export async function exportDocx(document: ReportDocument, profile: FormatProfile = GB_T_9704): Promise<Buffer> {
  const layout = layoutLines(document);
  const body = profile.fonts.body;
  const charTwips = body.size * 20;
  const linePitch = linePitchFor(profile);
  const spacing = { line: linePitch, lineRule: LineRuleType.EXACT, before: 0, after: 0 };
  const indent = { firstLine: profile.indentChars * charTwips, firstLineChars: profile.indentChars * 100 };
  const dateLine = layout.findIndex((l) => l.role === 'date');
  const signatureLines = layout.map((l, i) => (l.role === 'signature' ? i : -1)).filter((i) => i >= 0);
  // Unsealed documents (GB/T 9704 7.3.5.3): the signature 2 characters from the right, the date under it starting 2 characters further right.
  const dateWidth = dateLine >= 0 ? widthInChars(document.lines[dateLine].trim()) : 0;
  const signatureWidth = Math.max(0, ...signatureLines.map((i) => widthInChars(document.lines[i].trim())));
  let signatureRight = 2;
  let dateRight = signatureRight + signatureWidth - 2 - dateWidth;
  if (dateRight < 2) (dateRight = 2), (signatureRight = 4 + dateWidth - signatureWidth);

  const paragraphs = document.lines.map((line, i) => paragraphFor(line, layout[i], profile, { spacing, indent, charTwips, signatureRight, dateRight }));
  const pageNumber = (alignment: (typeof AlignmentType)[keyof typeof AlignmentType], side: 'left' | 'right') => {
    const spec: FontSpec = { fonts: profile.pageNumber.fonts, size: profile.pageNumber.size };
    const font = { eastAsia: spec.fonts[0], ascii: spec.fonts[0], hAnsi: spec.fonts[0] };
    return new Footer({
      children: [
        new Paragraph({
          alignment,
          indent: { [side]: profile.pageNumber.size * 20 },
          children: [
            new TextRun({ text: '— ', font, size: spec.size * 2 }),
            new TextRun({ children: [PageNumber.CURRENT], font, size: spec.size * 2 }),
            new TextRun({ text: ' —', font, size: spec.size * 2 }),
          ],
        }),
      ],
    });
  };
  const doc = new Document({
    evenAndOddHeaderAndFooters: true,
    styles: { default: { document: { run: { font: { eastAsia: body.fonts[0], ascii: profile.latinFont, hAnsi: profile.latinFont }, size: body.size * 2, characterSpacing: characterSpacingFor(profile) } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: mmToTwips(profile.page.width), height: mmToTwips(profile.page.height) },
            margin: {
              top: mmToTwips(profile.margins.top),
              bottom: mmToTwips(profile.margins.bottom),
              left: mmToTwips(profile.margins.left),
              right: mmToTwips(profile.margins.right),
              header: mmToTwips(15),
              footer: mmToTwips(25),
            },
          },
          grid: { type: DocumentGridType.LINES, linePitch },
        },
        footers: { default: pageNumber(AlignmentType.RIGHT, 'right'), even: pageNumber(AlignmentType.LEFT, 'left') },
        children: paragraphs,
      },
    ],
  });
  return Packer.toBuffer(doc);
}

interface Metrics {
  spacing: { line: number; lineRule: (typeof LineRuleType)[keyof typeof LineRuleType]; before: number; after: number };
  indent: { firstLine: number; firstLineChars: number };
  charTwips: number;
  signatureRight: number;
  dateRight: number;
}

function paragraphFor(line: string, layout: LineLayout, profile: FormatProfile, m: Metrics): Paragraph {
  const latin = profile.latinFont;
  const body = profile.fonts.body;
  // The text stays exactly the source line, so that the export checks the same as its source.
  const text = line;
  switch (layout.role) {
    case 'blank':
      return new Paragraph({ spacing: m.spacing, children: [] });
    case 'title':
      return new Paragraph({ alignment: AlignmentType.CENTER, spacing: m.spacing, children: [run(text, profile.fonts.title, latin)] });
    case 'addressee':
      return new Paragraph({ alignment: AlignmentType.BOTH, spacing: m.spacing, children: [run(text, body, latin)] });
    case 'signature':
    case 'date': {
      const right = (layout.role === 'date' ? m.dateRight : m.signatureRight) * m.charTwips;
      return new Paragraph({ alignment: AlignmentType.RIGHT, indent: { right: Math.round(right) }, spacing: m.spacing, children: [run(text, body, latin)] });
    }
    case 'attachment':
    case 'body':
      return new Paragraph({ alignment: AlignmentType.BOTH, indent: m.indent, spacing: m.spacing, children: [run(text, body, latin)] });
    default: {
      const spec = profile.fonts[layout.role as Role];
      const end = layout.headingEnd ?? text.length;
      const children = [run(text.slice(0, end), spec, latin)];
      if (end < text.length) children.push(run(text.slice(end), body, latin));
      return new Paragraph({ alignment: AlignmentType.BOTH, indent: m.indent, spacing: m.spacing, children });
    }
  }
}
