import { attr, child, children, isOn, path, XmlElement } from './xml';

/** Run properties that the format check needs, resolved through inheritance. */
export interface RunProps {
  /** East Asian font (w:rFonts/@w:eastAsia, theme fonts resolved). */
  eastAsiaFont?: string;
  /** Latin font (w:rFonts/@w:ascii), used for digits and Latin letters. */
  asciiFont?: string;
  /** Size in half-points (w:sz): 32 = 16 pt = 3号. */
  halfPoints?: number;
  bold?: boolean;
  /** Character spacing in twips (w:spacing/@w:val; negative: condensed). */
  spacingTwips?: number;
}

export interface ParagraphProps {
  styleId?: string;
  styleName?: string;
  jc?: string;
  /** First-line indent in twips (w:ind/@w:firstLine). */
  firstLineTwips?: number;
  /** First-line indent in hundredths of a character (w:ind/@w:firstLineChars). */
  firstLineChars?: number;
  numPr?: { numId: string; ilvl: number };
  outlineLevel?: number;
}

interface Style {
  id: string;
  name?: string;
  basedOn?: string;
  pPr?: XmlElement;
  rPr?: XmlElement;
}

export interface ThemeFonts {
  majorEastAsia?: string;
  minorEastAsia?: string;
  majorLatin?: string;
  minorLatin?: string;
}

/** Reads the theme's font scheme: the East Asian font is a:ea, or the a:font with script "Hans". */
export function readThemeFonts(theme: XmlElement | undefined): ThemeFonts {
  const scheme = path(theme, 'a:themeElements', 'a:fontScheme');
  const pick = (kind: string) => {
    const font = child(scheme, kind);
    const hans = children(font, 'a:font').find((f) => attr(f, 'script') === 'Hans');
    const ea = attr(child(font, 'a:ea'), 'typeface');
    return { ea: attr(hans, 'typeface') ?? (ea || undefined), latin: attr(child(font, 'a:latin'), 'typeface') };
  };
  const major = pick('a:majorFont');
  const minor = pick('a:minorFont');
  return { majorEastAsia: major.ea, minorEastAsia: minor.ea, majorLatin: major.latin, minorLatin: minor.latin };
}

function applyRunProps(target: RunProps, rPr: XmlElement | undefined, theme: ThemeFonts): void {
  if (!rPr) return;
  const fonts = child(rPr, 'w:rFonts');
  if (fonts) {
    const eaTheme = attr(fonts, 'w:eastAsiaTheme');
    const ea = eaTheme ? (eaTheme.startsWith('major') ? theme.majorEastAsia : theme.minorEastAsia) : attr(fonts, 'w:eastAsia');
    if (ea) target.eastAsiaFont = ea;
    const asciiTheme = attr(fonts, 'w:asciiTheme');
    const ascii = asciiTheme ? (asciiTheme.startsWith('major') ? theme.majorLatin : theme.minorLatin) : attr(fonts, 'w:ascii');
    if (ascii) target.asciiFont = ascii;
  }
  const sz = attr(child(rPr, 'w:sz'), 'w:val');
  if (sz !== undefined) target.halfPoints = Number(sz);
  const spacing = attr(child(rPr, 'w:spacing'), 'w:val');
  if (spacing !== undefined) target.spacingTwips = Number(spacing);
  const bold = isOn(child(rPr, 'w:b'));
  if (bold !== undefined) target.bold = bold;
}

function applyParagraphProps(target: ParagraphProps, pPr: XmlElement | undefined): void {
  if (!pPr) return;
  const jc = attr(child(pPr, 'w:jc'), 'w:val');
  if (jc) target.jc = jc;
  const ind = child(pPr, 'w:ind');
  if (ind) {
    const chars = attr(ind, 'w:firstLineChars');
    const twips = attr(ind, 'w:firstLine');
    if (chars !== undefined) target.firstLineChars = Number(chars);
    if (twips !== undefined) target.firstLineTwips = Number(twips);
    if (attr(ind, 'w:hanging') !== undefined) (target.firstLineTwips = -Number(attr(ind, 'w:hanging'))), (target.firstLineChars = undefined);
  }
  const numPr = child(pPr, 'w:numPr');
  if (numPr) {
    const numId = attr(child(numPr, 'w:numId'), 'w:val');
    const ilvl = Number(attr(child(numPr, 'w:ilvl'), 'w:val') ?? target.numPr?.ilvl ?? 0);
    if (numId !== undefined) target.numPr = { numId, ilvl };
    else if (target.numPr) target.numPr = { ...target.numPr, ilvl };
  }
  const outline = attr(child(pPr, 'w:outlineLvl'), 'w:val');
  if (outline !== undefined) target.outlineLevel = Number(outline);
}

/**
 * styles.xml with inheritance: docDefaults → the paragraph style's basedOn chain (base first) → the
 * paragraph's own properties → the character style → the run's own properties.
 */
export class Styles {
  private styles = new Map<string, Style>();
  private defaultRun: XmlElement | undefined;
  private defaultParagraph: XmlElement | undefined;
  private defaultParagraphStyle: string | undefined;

  constructor(root: XmlElement | undefined, readonly theme: ThemeFonts = {}) {
    this.defaultRun = path(root, 'w:docDefaults', 'w:rPrDefault', 'w:rPr');
    this.defaultParagraph = path(root, 'w:docDefaults', 'w:pPrDefault', 'w:pPr');
    for (const s of children(root, 'w:style')) {
      const id = attr(s, 'w:styleId') ?? '';
      this.styles.set(id, { id, name: attr(child(s, 'w:name'), 'w:val'), basedOn: attr(child(s, 'w:basedOn'), 'w:val'), pPr: child(s, 'w:pPr'), rPr: child(s, 'w:rPr') });
      if (attr(s, 'w:type') === 'paragraph' && attr(s, 'w:default') === '1') this.defaultParagraphStyle = id;
    }
  }

  /** The style and its bases, base first (a cycle stops the walk). */
  private chain(id: string | undefined): Style[] {
    const out: Style[] = [];
    const seen = new Set<string>();
    let current = id === undefined ? undefined : this.styles.get(id);
    while (current && !seen.has(current.id)) {
      seen.add(current.id);
      out.unshift(current);
      current = current.basedOn === undefined ? undefined : this.styles.get(current.basedOn);
    }
    return out;
  }

  styleName(id: string | undefined): string | undefined {
    return id === undefined ? undefined : this.styles.get(id)?.name;
  }

  paragraph(pPr: XmlElement | undefined): ParagraphProps {
    const styleId = attr(child(pPr, 'w:pStyle'), 'w:val') ?? this.defaultParagraphStyle;
    const props: ParagraphProps = { styleId, styleName: this.styleName(styleId) };
    applyParagraphProps(props, this.defaultParagraph);
    for (const s of this.chain(styleId)) applyParagraphProps(props, s.pPr);
    applyParagraphProps(props, pPr);
    return props;
  }

  run(pPr: XmlElement | undefined, rPr: XmlElement | undefined): RunProps {
    const props: RunProps = {};
    applyRunProps(props, this.defaultRun, this.theme);
    const styleId = attr(child(pPr, 'w:pStyle'), 'w:val') ?? this.defaultParagraphStyle;
    for (const s of this.chain(styleId)) applyRunProps(props, s.rPr, this.theme);
    for (const s of this.chain(attr(child(rPr, 'w:rStyle'), 'w:val'))) applyRunProps(props, s.rPr, this.theme);
    applyRunProps(props, rPr, this.theme);
    return props;
  }
}
