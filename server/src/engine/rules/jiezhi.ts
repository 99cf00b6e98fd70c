import data from '../../../data/context-words.json';
import type { LineFinding, LineRule } from './rule';

const { timeWords, skipAfter } = data.jiezhi;

/** A date after 截止: 2024年底, 6月30日, 二〇二四年末, 今年上半年… (at most 14 characters). */
const DATE = /^(?:(?:\d{2,4}|[〇零一二三四五六七八九]{2,4}|今|去|本|上|当)年)?(?:(?:\d{1,2}|十[一二]?|[一二三四五六七八九])月(?:(?:\d{1,2}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])[日号])?|[上下]半年|[一二三四]季度|第[一二三四]季度|前[一二三]季度)?(?:底|末|初|中旬|上旬|下旬)?/;
/** What can stand before a 截至 phrase that opens a clause. */
const CLAUSE_START = /(?:^|[，。；：、（(“”‘’\s]|据统计|数据显示)$/;
/** What follows a 截至 phrase that opens a clause: a comma, or the statistic itself. */
const CLAUSE_GOES_ON = /^(?:[，,]|止[，,]|前[，,]|，?(?:已|累计|共|全市|全县|全区|全省|全年|我))/;

/**
 * 截止 with a time object where 截至 is meant: 截至 = up to a time (截至目前、截至6月底，…), 截止 = a
 * deadline ends (于6月30日截止、截止日期). Flags 截止目前 always; 截止 + a date only when the phrase opens
 * a clause and the statistic follows ("截止2024年底，全县…"), never 申报截止6月30日 or 截止到.
 */
export const jiezhi: LineRule = {
  id: 'jiezhi',
  description: '“截止”误用为“截至”（截至目前、截至6月底；截止日期、于6月30日截止）',
  defaultSeverity: 'warning',
  scope: 'line',
  check({ text }) {
    const findings: LineFinding[] = [];
    for (let i = text.indexOf('截止'); i >= 0; i = text.indexOf('截止', i + 2)) {
      const after = text.slice(i + 2, i + 24);
      if (skipAfter.some((w) => after.startsWith(w))) continue;
      let flagged = timeWords.some((w) => after.startsWith(w));
      if (!flagged) {
        const date = DATE.exec(after)?.[0] ?? '';
        flagged = /[年月日号度底末初旬]/.test(date) && CLAUSE_START.test(text.slice(Math.max(0, i - 4), i)) && CLAUSE_GOES_ON.test(after.slice(date.length));
      }
      if (!flagged) continue;
      findings.push({
        start: i,
        end: i + 2,
        message: '表示“到某时为止”宜用“截至”：“截至”后接时间（截至目前、截至6月底），“截止”用在时间之后（于6月30日截止、截止日期）',
        fixes: [{ title: '改为“截至”', edits: [{ start: i, end: i + 2, newText: '截至' }], safe: false }],
      });
    }
    return findings;
  },
};
