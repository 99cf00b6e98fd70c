import { LineFinding, LineRule } from './rule';

/** Two or more of ，。、；：？！ in a row. */
const RUN = /[，。、；：？！]{2,}/g;
const NAMES: Record<string, string> = { '，': '逗号', '。': '句号', '、': '顿号', '；': '分号', '：': '冒号', '？': '问号', '！': '叹号' };

/** ，，  。。  、、 (error) and mixed runs such as ，。  、， (warning) (GB/T 15834). */
export const repeatedPunctuation: LineRule = {
  id: 'repeated-punctuation',
  scope: 'line',
  description: '标点重复或连用（，，  。。  ，。  、，等）',
  defaultSeverity: 'error',
  check({ text }) {
    const findings: LineFinding[] = [];
    RUN.lastIndex = 0;
    for (let found = RUN.exec(text); found; found = RUN.exec(text)) {
      const run = found[0];
      const start = found.index;
      const end = start + run.length;
      const kinds = [...new Set(run)];
      // ？ and ！ may be doubled for emphasis (up to three, ？！ allowed); 。。。 is an ellipsis (ellipsis-dash).
      if (kinds.every((k) => k === '？' || k === '！')) continue;
      if (kinds.length === 1 && kinds[0] === '。' && run.length >= 3) continue;
      if (kinds.length === 1) {
        findings.push({
          start,
          end,
          message: `${NAMES[kinds[0]]}重复：“${run}”应为“${kinds[0]}”`,
          fixes: [{ title: `改为“${kinds[0]}”`, edits: [{ start, end, newText: kinds[0] }], safe: true }],
        });
        continue;
      }
      // Mixed marks: which one was meant depends on the sentence; a ？ or ！ usually is.
      const preferred = kinds.filter((k) => k === '？' || k === '！');
      const options = preferred.length === 1 ? preferred : kinds;
      findings.push({
        start,
        end,
        severity: 'warning',
        message: `标点连用：“${run}”中只应保留一个标点`,
        fixes: options.map((k) => ({ title: `只保留${NAMES[k]}“${k}”`, edits: [{ start, end, newText: k }], safe: false })),
      });
    }
    return findings;
  },
};
