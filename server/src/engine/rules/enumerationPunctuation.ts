import { LineRule } from './rule';

/** 第一、 / 首先、 / 其一、 take a comma (GB/T 15834 B.3.1). */
export const enumerationPunctuation: LineRule = {
  id: 'enumeration-punctuation',
  scope: 'line',
  description: '“第一”“其一”“首先”等序次语后用逗号，不用顿号',
  defaultSeverity: 'error',
  check({ info }) {
    const findings = [];
    for (const item of info.items) {
      if (item.family === 'shi' || item.punctuation !== '、') continue;
      const at = item.markerEnd;
      findings.push({
        start: item.markerStart,
        end: at + 1,
        message: `“${item.marker}”后应用逗号，不用顿号`,
        fixes: [{ title: `改为“${item.marker}，”`, edits: [{ start: at, end: at + 1, newText: '，' }], safe: true }],
      });
    }
    return findings;
  },
};
