import { DocumentParser, Finding, range } from '../engine';
import type { DocxFinding } from './check';
import { layoutLines } from './layout';
import { FontSpec, FormatProfile, GB_T_9704, Role, sizeName, twipsToMm } from './profile';
import { DocxDocument, DocxParagraph, DocxPart } from './read';
import { attr, child, children, textOf, XmlElement } from './xml';

/** The format rules (GB/T 9704 layout of a .docx); severity warning, switched off like any rule. */
export const FORMAT_RULES: { id: string; description: string }[] = [
  { id: 'format-page-size', description: '纸张应为 A4（210 mm × 297 mm）' },
  { id: 'format-margins', description: '页边距：上 37 mm、下 35 mm、左 28 mm、右 26 mm（允许误差）' },
  { id: 'format-line-grid', description: '文档网格：每页 22 行、每行 28 字' },
  { id: 'format-title', description: '标题：二号小标宋，居中' },
  { id: 'format-heading-font', description: '各级标题：一级黑体、二级楷体、三级仿宋加粗、四级仿宋，三号' },
  { id: 'format-body-font', description: '正文：三号仿宋（GB2312）' },
  { id: 'format-indent', description: '正文段落首行缩进二字' },
  { id: 'format-page-number', description: '页码：四号半角阿拉伯数字，两侧加一字线（— 1 —）' },
  { id: 'format-signature-date', description: '署名和成文日期右对齐编排' },
];

type FormatFinding = Omit<DocxFinding, 'finding'> & { finding: Finding };

function lineOf(part: DocxPart, index: number): number {
  return Math.max(0, part.lines.findIndex((l) => l.paragraph === index));
}

function at(part: DocxPart, index: number, rule: string, message: string): FormatFinding {
  const p = part.paragraphs[index];
  const line = lineOf(part, index);
  const length = p.text.split('\n')[0].length;
  return {
    finding: { rule, severity: 'warning', message, range: range(line, 0, length), fixes: [] },
    kind: part.kind,
    part: part.part,
    paragraph: p.number,
    paragraphIndex: index,
    offset: 0,
    endOffset: length,
    text: p.text,
    context: p.text.slice(0, 20),
  };
}

function pageFinding(rule: string, message: string): FormatFinding {
  return { finding: { rule, severity: 'warning', message, range: range(0, 0, 0), fixes: [] }, kind: 'page', part: 'word/document.xml', paragraph: 0, paragraphIndex: -1, offset: 0, endOffset: 0, text: '', context: '' };
}

const fontMatches = (font: string | undefined, spec: FontSpec) => !!font && spec.fonts.some((f) => font.includes(f));
const mm = (twips: number) => `${twipsToMm(twips).toFixed(1)} mm`;

/** The properties of the paragraph's first run with visible text (what a reader sees first). */
function firstRun(doc: DocxDocument, p: DocxParagraph) {
  const segment = p.segments.find((s) => s.t && p.text.slice(s.start, s.end).trim());
  if (!segment) return undefined;
  return doc.styles.run(child(p.element, 'w:pPr'), child(segment.run, 'w:rPr'));
}

const ROLE_NAMES: Record<Role, string> = { title: '标题', heading1: '一级标题', heading2: '二级标题', heading3: '三级标题', heading4: '四级标题', body: '正文' };

function describe(spec: FontSpec): string {
  return `${sizeName(spec.size).replace(/（.*/, '')}${spec.fonts[0]}${spec.bold ? '加粗' : ''}`;
}

/**
 * Checks a .docx against a format profile (GB/T 9704 by default): page setup from the sections, fonts
 * resolved through styles (docDefaults → style chain → paragraph → run, theme fonts), indents, page
 * numbers in the footers, and the placement of signature and date. Body paragraphs with the same
 * problem are reported once, at the first of them, with their count.
 */
export function checkFormat(doc: DocxDocument, profile: FormatProfile = GB_T_9704): FormatFinding[] {
  const findings: FormatFinding[] = [];
  const section = doc.sections[doc.sections.length - 1];
  findings.push(...checkPage(doc, section, profile));
  const body = doc.parts[0];
  const document = new DocumentParser().parse(body.text, 'plaintext').document;
  const layout = layoutLines(document);
  const groups = new Map<string, { first: number; count: number; rule: string; message: string }>();
  const group = (key: string, index: number, rule: string, message: string) => {
    const g = groups.get(key);
    if (g) g.count++;
    else groups.set(key, { first: index, count: 1, rule, message });
  };
  body.lines.forEach((entry, line) => {
    if (entry.offset !== 0) return; // the first line of each paragraph decides its role
    const p = body.paragraphs[entry.paragraph];
    const role = layout[line]?.role;
    if (!role || role === 'blank' || !p.text.trim()) return;
    const run = firstRun(doc, p);
    if (role === 'date' || role === 'signature') {
      const jc = p.props.jc;
      if (jc !== 'right' && jc !== 'end' && !/^[\s\u3000]{6,}/.test(p.text)) {
        findings.push(at(body, entry.paragraph, 'format-signature-date', `${role === 'date' ? '成文日期' : '署名'}应右对齐编排（成文日期右空四字，或不加盖印章时右空二字，署名在其上方）`));
      }
      return;
    }
    const fontRole: Role = role === 'addressee' || role === 'attachment' ? 'body' : (role as Role);
    const spec = profile.fonts[fontRole];
    if (run) {
      const size = (run.halfPoints ?? 20) / 2;
      const problems: string[] = [];
      if (!fontMatches(run.eastAsiaFont, spec)) problems.push(`字体为${run.eastAsiaFont ?? '（未指定）'}`);
      if (Math.abs(size - spec.size) > 0.01) problems.push(`字号为${sizeName(size)}`);
      if (spec.bold !== undefined && !!run.bold !== spec.bold) problems.push(spec.bold ? '未加粗' : '加粗了');
      if (problems.length) {
        const message = `${ROLE_NAMES[fontRole]}应为${describe(spec)}，此处${problems.join('、')}`;
        if (fontRole === 'body') group(`font|${message}`, entry.paragraph, 'format-body-font', message);
        else findings.push(at(body, entry.paragraph, fontRole === 'title' ? 'format-title' : 'format-heading-font', message));
      }
    }
    if (role === 'title' && p.props.jc !== 'center') findings.push(at(body, entry.paragraph, 'format-title', '标题应居中'));
    if (role === 'body' || role.startsWith('heading')) {
      const sizeTwips = ((run?.halfPoints ?? spec.size * 2) / 2) * 20;
      const chars = p.props.firstLineChars !== undefined && p.props.firstLineChars !== 0 ? p.props.firstLineChars / 100 : (p.props.firstLineTwips ?? 0) / sizeTwips;
      const typed = /^[\u3000]{2}|^ {4}/.test(p.text);
      if (!typed && Math.abs(chars - profile.indentChars) > 0.25) {
        const message = `段落首行应缩进${profile.indentChars}字，此处为${chars <= 0 ? '顶格' : `${chars.toFixed(1)}字`}`;
        group(`indent|${message}`, entry.paragraph, 'format-indent', message);
      }
    }
  });
  for (const g of groups.values()) findings.push(at(body, g.first, g.rule, g.count > 1 ? `${g.message}（共 ${g.count} 段，此为第一段）` : g.message));
  findings.push(...checkPageNumbers(doc, profile));
  return findings.sort((a, b) => (a.paragraph || 0) - (b.paragraph || 0));
}

function checkPage(doc: DocxDocument, section: XmlElement | undefined, profile: FormatProfile): FormatFinding[] {
  const out: FormatFinding[] = [];
  if (!section) return [pageFinding('format-page-size', '文档没有页面设置（w:sectPr），无法检查纸张和页边距')];
  const size = child(section, 'w:pgSz');
  const width = Number(attr(size, 'w:w') ?? 12240);
  const height = Number(attr(size, 'w:h') ?? 15840);
  const tol = profile.toleranceMm;
  const off = (twips: number, target: number) => Math.abs(twipsToMm(twips) - target) > tol;
  if (off(width, profile.page.width) || off(height, profile.page.height)) {
    out.push(pageFinding('format-page-size', `纸张应为 A4（${profile.page.width} mm × ${profile.page.height} mm），此文档为 ${mm(width)} × ${mm(height)}`));
  }
  const margin = child(section, 'w:pgMar');
  const margins = {
    top: Math.abs(Number(attr(margin, 'w:top') ?? 1440)),
    bottom: Math.abs(Number(attr(margin, 'w:bottom') ?? 1440)),
    left: Number(attr(margin, 'w:left') ?? 1800),
    right: Number(attr(margin, 'w:right') ?? 1800),
  };
  const names = { top: '上', bottom: '下', left: '左', right: '右' } as const;
  const wrong = (Object.keys(names) as (keyof typeof names)[]).filter((k) => off(margins[k], profile.margins[k]));
  if (wrong.length) {
    out.push(pageFinding('format-margins', `页边距应为上 ${profile.margins.top} mm、下 ${profile.margins.bottom} mm、左 ${profile.margins.left} mm、右 ${profile.margins.right} mm，此文档${wrong.map((k) => `${names[k]} ${mm(margins[k])}`).join('、')}`));
  }
  const grid = child(section, 'w:docGrid');
  const type = attr(grid, 'w:type') ?? 'default';
  const textHeight = height - margins.top - margins.bottom;
  const textWidth = width - margins.left - margins.right;
  const normal = doc.styles.run(undefined, undefined);
  // Characters per line: the Normal size plus its character spacing, plus the grid's charSpace when it has a character grid.
  const normalTwips = ((normal.halfPoints ?? 20) / 2) * 20 + (normal.spacingTwips ?? 0);
  if (type === 'default' || !attr(grid, 'w:linePitch')) {
    out.push(pageFinding('format-line-grid', `未设置文档网格：应为每页 ${profile.grid.lines} 行、每行 ${profile.grid.chars} 字`));
  } else {
    const lines = Math.floor(textHeight / Number(attr(grid, 'w:linePitch')) + 1e-6);
    const pitch = type === 'lines' ? normalTwips : normalTwips + (Number(attr(grid, 'w:charSpace') ?? 0) * 20) / 4096;
    const chars = Math.floor(textWidth / pitch + 1e-6);
    if (lines !== profile.grid.lines || chars !== profile.grid.chars) {
      out.push(pageFinding('format-line-grid', `文档网格应为每页 ${profile.grid.lines} 行、每行 ${profile.grid.chars} 字，此文档为每页 ${lines} 行、每行 ${chars} 字`));
    }
  }
  return out;
}

function hasPageField(p: XmlElement): boolean {
  let found = false;
  const visit = (e: XmlElement) => {
    if (found) return;
    if ((e.name === 'w:fldSimple' && /\bPAGE\b/.test(attr(e, 'w:instr') ?? '')) || (e.name === 'w:instrText' && /\bPAGE\b/.test(textOf(e)))) found = true;
    for (const c of e.children) if (typeof c !== 'string') visit(c);
  };
  visit(p);
  return found;
}

function checkPageNumbers(doc: DocxDocument, profile: FormatProfile): FormatFinding[] {
  const out: FormatFinding[] = [];
  let any = false;
  for (const part of doc.parts.filter((p) => p.kind === 'footer')) {
    part.paragraphs.forEach((p, index) => {
      if (!hasPageField(p.element)) return;
      any = true;
      const around = p.text.replace(/[0-9０-９\s\u3000]/g, '');
      const problems: string[] = [];
      if (!/^[—–－-]+$/.test(around.slice(0, 1) + around.slice(-1)) || around.length < 2) problems.push('两侧应加一字线（— 1 —）');
      if (/[０-９]/.test(p.text)) problems.push('数字应为半角');
      const runs = children(p.element, 'w:r').map((r) => doc.styles.run(child(p.element, 'w:pPr'), child(r, 'w:rPr')));
      const sizes = new Set(runs.map((r) => (r.halfPoints ?? 20) / 2));
      if ([...sizes].some((s) => Math.abs(s - profile.pageNumber.size) > 0.01)) problems.push(`字号应为${sizeName(profile.pageNumber.size)}，此处为${[...sizes].map(sizeName).join('、')}`);
      if (problems.length) out.push(at(part, index, 'format-page-number', `页码${problems.join('；')}`));
    });
  }
  if (!any) out.push(pageFinding('format-page-number', '未设置页码：页码应为四号半角阿拉伯数字，两侧加一字线，置于版心下边缘之下'));
  return out;
}
