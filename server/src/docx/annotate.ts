import { strToU8 } from 'fflate';
import type { Fix } from '../engine';
import type { DocxFinding } from './check';
import { PART_NAMES } from './check';
import { partXml, relsPathOf, repackage } from './package';
import { collectText, DocxDocument, DocxParagraph } from './read';
import { attr, child, children, element, serializeXml, XmlElement } from './xml';

const AUTHOR = '公文写作助手';
const COMMENTS_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments';
const COMMENTS_CONTENT = 'application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml';

function parentOf(root: XmlElement, node: XmlElement): XmlElement | undefined {
  for (const c of root.children) {
    if (typeof c === 'string') continue;
    if (c === node) return root;
    const found = parentOf(c, node);
    if (found) return found;
  }
  return undefined;
}

function refresh(p: DocxParagraph): void {
  p.segments = collectText(p.element, p.label).segments;
}

/** Splits the run holding `offset` so that a run starts there (a no-op on run boundaries, tabs and the label). */
function splitAt(p: DocxParagraph, offset: number): void {
  const s = p.segments.find((x) => x.t && x.start < offset && offset < x.end);
  if (!s || !s.t) return;
  const run = s.run;
  const parent = parentOf(p.element, run)!;
  const index = run.children.indexOf(s.t);
  const text = s.t.children.filter((c): c is string => typeof c === 'string').join('');
  const cut = offset - s.start;
  const rPr = child(run, 'w:rPr');
  const t = (value: string) => element('w:t', { 'xml:space': 'preserve' }, value);
  const first = element('w:r', { ...run.attrs }, ...run.children.slice(0, index), t(text.slice(0, cut)));
  const second = element('w:r', { ...run.attrs }, ...(rPr ? [structuredClone(rPr)] : []), t(text.slice(cut)), ...run.children.slice(index + 1));
  parent.children.splice(parent.children.indexOf(run), 1, first, second);
  refresh(p);
}

/** The runs that hold the text [start, end) after splitting at both ends. */
function runsIn(p: DocxParagraph, start: number, end: number): XmlElement[] {
  splitAt(p, start);
  splitAt(p, end);
  const runs: XmlElement[] = [];
  for (const s of p.segments) if (s.start >= start && s.end <= end && !runs.includes(s.run)) runs.push(s.run);
  return runs;
}

class Annotator {
  private nextId: number;
  readonly comments: XmlElement[] = [];
  private readonly date = new Date().toISOString().replace(/\.\d+Z$/, 'Z');

  constructor(start: number) {
    this.nextId = start;
  }

  comment(p: DocxParagraph, start: number, end: number, text: string): void {
    const id = String(this.nextId++);
    const runs = start >= p.label.length && end > start ? runsIn(p, start, end) : [];
    const startMark = element('w:commentRangeStart', { 'w:id': id });
    const endMark = element('w:commentRangeEnd', { 'w:id': id });
    const reference = element('w:r', {}, element('w:rPr', {}, element('w:rStyle', { 'w:val': 'CommentReference' })), element('w:commentReference', { 'w:id': id }));
    if (runs.length) {
      const first = parentOf(p.element, runs[0])!;
      first.children.splice(first.children.indexOf(runs[0]), 0, startMark);
      const last = parentOf(p.element, runs[runs.length - 1])!;
      last.children.splice(last.children.indexOf(runs[runs.length - 1]) + 1, 0, endMark, reference);
    } else {
      // Inside the automatic number, or an empty range: the comment covers the whole paragraph.
      const pPr = child(p.element, 'w:pPr');
      p.element.children.splice(pPr ? p.element.children.indexOf(pPr) + 1 : 0, 0, startMark);
      p.element.children.push(endMark, reference);
    }
    this.comments.push(
      element('w:comment', { 'w:id': id, 'w:author': AUTHOR, 'w:initials': 'GW', 'w:date': this.date }, element('w:p', {}, element('w:r', {}, element('w:t', { 'xml:space': 'preserve' }, text)))),
    );
  }

  /** A safe fix as a tracked change: the old text in w:del, the new one in w:ins with the same run properties. */
  trackedChange(p: DocxParagraph, start: number, end: number, newText: string): boolean {
    if (start < p.label.length) return false;
    const runs = end > start ? runsIn(p, start, end) : (splitAt(p, start), []);
    const covered = runs.length ? p.segments.filter((s) => runs.includes(s.run)) : [];
    if (end > start && (covered.length === 0 || covered[0].start !== start || covered[covered.length - 1].end !== end || covered.some((s) => !s.t))) return false;
    const anchor = runs[0] ?? p.segments.find((s) => s.start >= start)?.run ?? p.segments[p.segments.length - 1]?.run;
    if (!anchor) return false;
    const parent = parentOf(p.element, anchor)!;
    let at = parent.children.indexOf(anchor);
    if (!runs.length && p.segments.every((s) => s.start < start)) at++;
    const rPr = child(anchor, 'w:rPr');
    const change = { 'w:author': AUTHOR, 'w:date': this.date };
    const inserted: XmlElement[] = [];
    if (runs.length) {
      if (runs.some((r, i) => parent.children[at + i] !== r)) return false; // not contiguous siblings (a comment mark between them)
      for (const r of runs) for (const t of children(r, 'w:t')) t.name = 'w:delText';
      parent.children.splice(at, runs.length, element('w:del', { 'w:id': String(this.nextId++), ...change }, ...runs));
      at++;
    }
    if (newText) inserted.push(element('w:ins', { 'w:id': String(this.nextId++), ...change }, element('w:r', {}, ...(rPr ? [structuredClone(rPr)] : []), element('w:t', { 'xml:space': 'preserve' }, newText))));
    parent.children.splice(at, 0, ...inserted);
    p.text = collectText(p.element, p.label).text;
    refresh(p);
    return true;
  }
}

/** The single-paragraph edit of a safe fix, in paragraph offsets (undefined when it spans paragraphs or has several edits). */
function fixInParagraph(f: DocxFinding, fix: Fix): { start: number; end: number; newText: string } | undefined {
  if (fix.edits.length !== 1) return undefined;
  const e = fix.edits[0];
  if (e.range.start.line !== e.range.end.line || e.range.start.line !== f.finding.range.start.line) return undefined;
  const delta = f.offset - f.finding.range.start.character;
  return { start: e.range.start.character + delta, end: e.range.end.character + delta, newText: e.newText };
}

/**
 * A copy of the .docx with every finding as a Word comment at its place (findings in headers and footers,
 * where Word allows no comments, and page-setup findings go on the first paragraph), and with `fix`, each
 * safe fix as a tracked change. Only document.xml, comments.xml, the relationships and [Content_Types].xml
 * change; every other part of the original is copied as it is.
 */
export function annotateDocx(original: Uint8Array, doc: DocxDocument, findings: DocxFinding[], fix: boolean): { bytes: Uint8Array; comments: number; fixes: number } {
  const pkg = doc.pkg;
  const commentsPart = [...pkg.relationships.values()].find((r) => r.type === 'comments')?.target;
  const existing = commentsPart ? partXml(pkg, commentsPart) : undefined;
  const ids = (existing ? children(existing, 'w:comment') : []).map((c) => Number(attr(c, 'w:id')) || 0);
  const annotator = new Annotator(Math.max(900_000, ...ids) + 1);
  const body = doc.parts[0];
  const inDocument = (f: DocxFinding) => (f.kind === 'body' || f.kind === 'table') && f.paragraphIndex >= 0;
  const paragraphOf = (f: DocxFinding) => doc.parts.find((p) => p.kind === f.kind && p.part === f.part)!.paragraphs[f.paragraphIndex];
  // Later places first, so that a tracked change never moves the offsets of findings still to come.
  const order = findings
    .map((f) => ({ f, p: inDocument(f) ? paragraphOf(f) : body.paragraphs[0] }))
    .sort((a, b) => (b.p.number - a.p.number) || (inDocument(b.f) ? b.f.offset : -1) - (inDocument(a.f) ? a.f.offset : -1));
  let fixes = 0;
  for (const { f, p } of order) {
    const where = inDocument(f) ? '' : `（${PART_NAMES[f.kind]}${f.paragraph ? `第${f.paragraph}段` : ''}）`;
    const safe = fix && inDocument(f) ? f.finding.fixes.find((x) => x.safe) : undefined;
    const edit = safe ? fixInParagraph(f, safe) : undefined;
    annotator.comment(p, inDocument(f) ? f.offset : 0, inDocument(f) ? f.endOffset : 0, `${f.finding.message}${where} [${f.finding.rule}]`);
    if (edit && annotator.trackedChange(p, edit.start, edit.end, edit.newText)) fixes++;
  }
  const replaced = new Map<string, Uint8Array>();
  replaced.set(pkg.main, strToU8(serializeXml(doc.document)));
  const commentsRoot = existing ?? element('w:comments', { 'xmlns:w': 'http://schemas.openxmlformats.org/wordprocessingml/2006/main' });
  commentsRoot.children.push(...annotator.comments);
  const target = commentsPart ?? pkg.main.replace(/[^/]+$/, 'comments.xml');
  replaced.set(target, strToU8(serializeXml(commentsRoot)));
  if (!commentsPart) {
    const relsPath = relsPathOf(pkg.main);
    const rels = partXml(pkg, relsPath) ?? element('Relationships', { xmlns: 'http://schemas.openxmlformats.org/package/2006/relationships' });
    const taken = new Set(children(rels, 'Relationship').map((r) => attr(r, 'Id')));
    let n = 1;
    while (taken.has(`rIdGw${n}`)) n++;
    rels.children.push(element('Relationship', { Id: `rIdGw${n}`, Type: COMMENTS_TYPE, Target: target.slice(target.lastIndexOf('/') + 1) }));
    replaced.set(relsPath, strToU8(serializeXml(rels)));
    const types = partXml(pkg, '[Content_Types].xml');
    if (types && !children(types, 'Override').some((o) => attr(o, 'PartName') === `/${target}`)) {
      types.children.push(element('Override', { PartName: `/${target}`, ContentType: COMMENTS_CONTENT }));
      replaced.set('[Content_Types].xml', strToU8(serializeXml(types)));
    }
  }
  return { bytes: repackage(original, replaced), comments: annotator.comments.length, fixes };
}
