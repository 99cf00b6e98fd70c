import { LEVEL_NAMES } from '../headings';
import { LineRule } from './rule';

const MAX_HEADING_CHARS = 40;

/** A heading on a line of its own takes no 。 or ： at its end (run-in headings keep their 。). */
export const headingEndPunctuation: LineRule = {
  id: 'heading-end-punctuation',
  scope: 'line',
  description: '单独成行的标题末尾不加句号、冒号',
  defaultSeverity: 'warning',
  check({ text, info }) {
    const heading = info.heading;
    if (!heading || heading.runIn || heading.level > 2) return [];
    let end = text.length;
    while (end > 0 && /[\s\u3000]/.test(text[end - 1])) end--;
    const last = text[end - 1];
    if (last !== '。' && last !== '：' && last !== ':') return [];
    const title = text.slice(heading.titleStart, end - 1);
    // A long numbered paragraph with commas is body text, not a heading.
    if ([...title].length > MAX_HEADING_CHARS || /[。；]/.test(title)) return [];
    const mark = last === '。' ? '句号' : '冒号';
    return [
      {
        start: end - 1,
        end,
        message: `${LEVEL_NAMES[heading.level]}单独成行时末尾不加${mark}`,
        fixes: [{ title: `删除末尾的${mark}`, edits: [{ start: end - 1, end, newText: '' }], safe: true }],
      },
    ];
  },
};
