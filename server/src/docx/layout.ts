import type { ReportDocument } from '../engine';
import type { Role } from './profile';

/** What a line of a report is in the 公文 layout. */
export type LineRole = Role | 'blank' | 'addressee' | 'attachment' | 'signature' | 'date';

export interface LineLayout {
  role: LineRole;
  /** Run-in heading (（一）坚持……。正文……): the heading sentence ends at this offset; the rest is body. */
  headingEnd?: number;
}

const ATTACHMENT = /^\s*附件[:：]/;
const ADDRESSEE = /^[^\s。，；！？]{2,60}[:：]$/;

/**
 * Classifies the lines of a report for the layout (export) and for the format check: the title, the
 * 主送 line under it, headings by level (run-in ones with their heading sentence), 附件, and the
 * signature and date at the end; everything else is body text.
 */
export function layoutLines(document: ReportDocument): LineLayout[] {
  const { lines, lineInfos } = document;
  const out: LineLayout[] = lines.map((line, i) => (lineInfos[i]?.blank ?? !line.trim() ? { role: 'blank' } : { role: 'body' }));
  const titleNode = document.root.children.find((n) => n.kind === 'title');
  let after = 0;
  if (titleNode) {
    out[titleNode.line] = { role: 'title' };
    after = titleNode.line + 1;
  }
  const firstText = out.findIndex((l, i) => i >= after && l.role !== 'blank');
  if (firstText >= 0 && !lineInfos[firstText]?.heading && ADDRESSEE.test(lines[firstText].trim())) out[firstText] = { role: 'addressee' };
  lines.forEach((line, i) => {
    const heading = lineInfos[i]?.heading;
    if (heading && out[i].role === 'body') out[i] = heading.runIn ? { role: `heading${heading.level}`, headingEnd: heading.titleEnd + 1 } : { role: `heading${heading.level}` };
    else if (out[i].role === 'body' && ATTACHMENT.test(line)) out[i] = { role: 'attachment' };
  });
  // The date: the last non-blank line, when it is a date line; the signature: the short lines just above it.
  let last = out.length - 1;
  while (last >= 0 && out[last].role === 'blank') last--;
  if (last > 0 && lineInfos[last]?.dateLine && out[last].role === 'body') {
    out[last] = { role: 'date' };
    for (let i = last - 1; i >= 0 && i >= last - 2; i--) {
      const text = lines[i].trim();
      if (out[i].role !== 'body' || !text || text.length > 30 || /[。：:；，！？]$/.test(text)) break;
      out[i] = { role: 'signature' };
    }
  }
  return out;
}
