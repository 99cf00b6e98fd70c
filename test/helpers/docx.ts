import { strToU8, zipSync } from 'fflate';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export interface DocxParts {
  /** Inner XML of w:body. */
  body: string;
  styles?: string;
  numbering?: string;
  theme?: string;
  footer?: string;
  header?: string;
  /** Replaces word/document.xml entirely (for malformed-XML tests). */
  documentXml?: string;
}

/** A minimal .docx zipped from XML written by hand: exactly the content and formats a test wants. */
export function buildDocx(parts: DocxParts): Uint8Array {
  const rels: string[] = [];
  const types: string[] = [];
  const files: Record<string, Uint8Array> = {};
  const add = (id: string, type: string, target: string, contentType: string, xml: string) => {
    rels.push(`<Relationship Id="${id}" Type="${REL}/${type}" Target="${target}"/>`);
    types.push(`<Override PartName="/word/${target}" ContentType="${contentType}"/>`);
    files[`word/${target}`] = strToU8(xml);
  };
  const ns = `xmlns:w="${W}" xmlns:r="${R}"`;
  if (parts.styles) add('rIdS', 'styles', 'styles.xml', 'application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml', `<?xml version="1.0" encoding="UTF-8"?><w:styles ${ns}>${parts.styles}</w:styles>`);
  if (parts.numbering) add('rIdN', 'numbering', 'numbering.xml', 'application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml', `<?xml version="1.0" encoding="UTF-8"?><w:numbering ${ns}>${parts.numbering}</w:numbering>`);
  if (parts.theme) add('rIdT', 'theme', 'theme/theme1.xml', 'application/vnd.openxmlformats-officedocument.theme+xml', `<?xml version="1.0" encoding="UTF-8"?><a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="t"><a:themeElements>${parts.theme}</a:themeElements></a:theme>`);
  if (parts.header) add('rIdH', 'header', 'header1.xml', 'application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml', `<?xml version="1.0" encoding="UTF-8"?><w:hdr ${ns}>${parts.header}</w:hdr>`);
  if (parts.footer) add('rIdF', 'footer', 'footer1.xml', 'application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml', `<?xml version="1.0" encoding="UTF-8"?><w:ftr ${ns}>${parts.footer}</w:ftr>`);
  files['word/document.xml'] = strToU8(parts.documentXml ?? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${ns}><w:body>${parts.body}</w:body></w:document>`);
  files['word/_rels/document.xml.rels'] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`);
  files['_rels/.rels'] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/></Relationships>`);
  files['[Content_Types].xml'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>${types.join('')}</Types>`,
  );
  return zipSync(files);
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** A paragraph: plain text in one run, or several runs; optional paragraph and run properties (inner XML). */
export function p(text: string | string[], pPr = '', rPr = ''): string {
  const runs = (Array.isArray(text) ? text : [text]).map((t) => `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}<w:t xml:space="preserve">${esc(t)}</w:t></w:r>`).join('');
  return `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${runs}</w:p>`;
}

export const numbered = (numId: number, ilvl: number) => `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`;

/** An abstract numbering with 公文 levels 一、 （一） 1. （1）, and w:num 1 using it. */
export const GONGWEN_NUMBERING = `<w:abstractNum w:abstractNumId="0">
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/><w:suff w:val="nothing"/></w:lvl>
<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3、"/><w:suff w:val="nothing"/></w:lvl>
</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`;
