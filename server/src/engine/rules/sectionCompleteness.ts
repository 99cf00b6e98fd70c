import data from '../../../data/sections.json';
import { SectionNode, walkSections } from '../document';
import { DocumentRule } from './rule';

const REPORT = new RegExp(data.reportTitle);
const PROBLEMS = new RegExp(data.problemsPart);
const NEXT_STEPS = new RegExp(data.nextStepsPart);

/** 工作总结 / 汇报-shaped reports usually close with 存在问题 and 下步打算 parts. */
export const sectionCompleteness: DocumentRule = {
  id: 'section-completeness',
  scope: 'document',
  reuse: 'items',
  description: '工作总结、汇报类材料是否包含“存在的问题”和“下一步打算”部分',
  defaultSeverity: 'hint',
  check({ document }) {
    const root = document.root;
    const title = root.children.find((n) => n.kind === 'title');
    const headings: SectionNode[] = [];
    const labels: string[] = [];
    for (const node of walkSections(root)) {
      if (node.kind === 'heading' || node.kind === 'item') labels.push(node.title);
      if (node.kind === 'heading') headings.push(node);
    }
    const level1 = headings.filter((h) => h.level === 1);
    if (level1.length < 2) return [];
    const shaped = (title && REPORT.test(title.title)) || level1.some((h) => REPORT.test(h.title));
    if (!shaped) return [];
    const missing: string[] = [];
    if (!labels.some((l) => PROBLEMS.test(l))) missing.push('“存在的问题”');
    if (!labels.some((l) => NEXT_STEPS.test(l))) missing.push('“下一步打算”');
    if (!missing.length) return [];
    const anchor = title ?? level1[0];
    return [
      {
        range: anchor.selectionRange,
        message: `工作总结、汇报类材料一般包括“存在的问题”和“下一步打算”两部分，本文未见${missing.join('和')}部分（按标题判断）`,
      },
    ];
  },
};
