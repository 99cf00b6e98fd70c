import { SectionNode, walkSections } from '../document';
import { HeadingLevel, LEVEL_NAMES } from '../headings';
import { DocumentFinding, DocumentRule } from './rule';

const MAX_HEADING_CHARS = 40;

interface Candidate {
  node: SectionNode;
  /** Offset of the final mark, or -1 when the heading ends without one. */
  markAt: number;
  mark: string;
}

/**
 * A heading on a line of its own takes no 。 or ： (GB/T 9704 practice). Many reports, provincial
 * government reports among them, end every standalone heading of a level with 。 as a house style;
 * that is consistent and not flagged. Flagged: a heading ending in ：, and a heading whose 。 differs
 * from the other headings of its level.
 */
export const headingEndPunctuation: DocumentRule = {
  id: 'heading-end-punctuation',
  scope: 'document',
  reuse: 'headings',
  description: '单独成行的标题末尾不加冒号；同级标题末尾的句号应一致（以不加为宜）',
  defaultSeverity: 'warning',
  check({ document }) {
    const findings: DocumentFinding[] = [];
    const byLevel = new Map<HeadingLevel, Candidate[]>();
    for (const node of walkSections(document.root)) {
      const heading = node.heading;
      if (!heading || heading.runIn || heading.level > 2) continue;
      const text = document.lines[node.line];
      let end = text.length;
      while (end > 0 && /[\s\u3000*]/.test(text[end - 1])) end--;
      const last = text[end - 1];
      const title = text.slice(heading.titleStart, end);
      // A long numbered paragraph is body text, not a heading.
      if ([...title].length > MAX_HEADING_CHARS + 1 || /[。；]/.test(title.slice(0, -1))) continue;
      if (last === '：' || last === ':') {
        findings.push(deleteMark(node, end - 1, '冒号', `${LEVEL_NAMES[heading.level]}单独成行时末尾不加冒号`));
        continue;
      }
      let list = byLevel.get(heading.level);
      if (!list) byLevel.set(heading.level, (list = []));
      list.push({ node, markAt: last === '。' ? end - 1 : -1, mark: last });
    }
    for (const [level, candidates] of byLevel) {
      const withStop = candidates.filter((c) => c.markAt >= 0);
      // All or most end with 。: the document's own style. Flag only when 。 is the exception.
      if (withStop.length === 0 || withStop.length * 2 >= candidates.length) continue;
      for (const c of withStop) {
        findings.push(deleteMark(c.node, c.markAt, '句号', `${LEVEL_NAMES[level]}单独成行时末尾不加句号（本文其他${LEVEL_NAMES[level]}也未加）`));
      }
    }
    return findings;
  },
};

function deleteMark(node: SectionNode, at: number, name: string, message: string): DocumentFinding {
  const range = { start: { line: node.line, character: at }, end: { line: node.line, character: at + 1 } };
  return { range, message, fixes: [{ title: `删除末尾的${name}`, edits: [{ range, newText: '' }], safe: true }] };
}
