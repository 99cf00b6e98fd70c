import { LEVEL_NAMES } from '../headings';
import { LineFinding, LineRule } from './rule';

/** 1、 → 1.  （一）、 → （一）  (一) → （一）  一. → 一、 */
export const headingMarker: LineRule = {
  id: 'heading-marker',
  scope: 'line',
  description: '标题序号的写法应符合 GB/T 9704：一、（一）1.（1）',
  defaultSeverity: 'error',
  check({ info }) {
    const heading = info.heading;
    if (!heading || heading.problems.length === 0) return [];
    const { marker, canonicalMarker, problems, level } = heading;
    let message: string;
    let severity: LineFinding['severity'];
    if (problems.includes('half-width-brackets')) {
      message = `${LEVEL_NAMES[level]}序号应使用全角括号：“${marker}”应写作“${canonicalMarker}”`;
    } else if (problems.includes('extra-punctuation')) {
      message = `带括号的序号后不加标点：“${marker}”应写作“${canonicalMarker}”`;
    } else if (problems.includes('full-width-point')) {
      message = `三级标题序号通常用半角下脚点：“${marker}”宜写作“${canonicalMarker}”`;
      severity = 'information';
    } else if (level === 1) {
      message = `一级标题序号后应用顿号：“${marker}”应写作“${canonicalMarker}”`;
    } else {
      message = `三级标题序号后应用下脚点“.”：“${marker}”应写作“${canonicalMarker}”`;
      // 1、 is the most common slip in drafts; a warning rather than an error.
      if (marker.endsWith('、')) severity = 'warning';
    }
    return [
      {
        start: heading.markerStart,
        end: heading.markerEnd,
        message,
        severity,
        fixes: [
          {
            title: `改为“${canonicalMarker}”`,
            edits: [{ start: heading.markerStart, end: heading.markerEnd, newText: canonicalMarker }],
            safe: true,
          },
        ],
      },
    ];
  },
};
