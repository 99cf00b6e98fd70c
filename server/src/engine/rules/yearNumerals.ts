import { LineFinding, LineRule } from './rule';

/** Four characters before 年 mixing Arabic digits with the letter O (2O19年). */
const LETTER_O_YEAR = /(?<![0-9A-Za-zＯ〇])[0-9OoＯ〇]{4}(?=年)/g;
/** Four Chinese numerals before 年 (a year written in Chinese numerals). */
const CHINESE_YEAR = /(?<![一二三四五六七八九十〇○零百千万亿两])[一二三四五六七八九〇○零]{4}(?=年)/g;
const ARABIC_YEAR_CHINESE_MONTH = /(?<![0-9])[0-9]{4}年[一二三四五六七八九十]{1,3}月/g;
const CHINESE_YEAR_ARABIC_MONTH = /(?<![一二三四五六七八九十〇○零])[一二三四五六七八九〇○零]{4}年[0-9]{1,2}月/g;

/** 2O19年 (letter O), 二零二四年 / 二○二四年 (〇 is the year zero), 2024年十二月 (mixed forms). */
export const yearNumerals: LineRule = {
  id: 'year-numerals',
  scope: 'line',
  description: '年份数字的写法：2O19 中的字母 O、二零二四年中的“零”、同一日期混用数字形式',
  defaultSeverity: 'error',
  check({ text }) {
    if (!text.includes('年')) return [];
    const findings: LineFinding[] = [];
    // Each pattern is run only on a line that has what every finding of it needs (a cheap search first).
    for (const m of /[OoＯ〇]/.test(text) ? text.matchAll(LETTER_O_YEAR) : []) {
      const run = m[0];
      const digits = run.replace(/[^0-9]/g, '').length;
      if (digits < 2 || digits === 4 || !/^[12]/.test(run)) continue;
      const fixed = run.replace(/[OoＯ〇]/g, '0');
      findings.push({
        start: m.index!,
        end: m.index! + 4,
        message: `年份中混入了字母或汉字：“${run}”应写作“${fixed}”`,
        fixes: [{ title: `改为“${fixed}”`, edits: [{ start: m.index!, end: m.index! + 4, newText: fixed }], safe: true }],
      });
    }
    for (const m of /[零○]/.test(text) ? text.matchAll(CHINESE_YEAR) : []) {
      const run = m[0];
      if (!/[零○]/.test(run) || !/^[一二]/.test(run)) continue;
      const fixed = run.replace(/[零○]/g, '〇');
      const what = run.includes('零') ? '“零”' : '“○”（圆圈符号）';
      findings.push({
        start: m.index!,
        end: m.index! + 4,
        message: `汉字年份中的零应写作“〇”，不用${what}：“${run}年”应写作“${fixed}年”`,
        fixes: [{ title: `改为“${fixed}”`, edits: [{ start: m.index!, end: m.index! + 4, newText: fixed }], safe: true }],
      });
    }
    for (const [re, needed] of [
      [ARABIC_YEAR_CHINESE_MONTH, /年[一二三四五六七八九十]/],
      [CHINESE_YEAR_ARABIC_MONTH, /年[0-9]/],
    ] as const) {
      if (!needed.test(text)) continue;
      for (const m of text.matchAll(re)) {
        findings.push({
          start: m.index!,
          end: m.index! + m[0].length,
          severity: 'warning',
          message: '同一日期中的年、月、日应统一使用阿拉伯数字或统一使用汉字数字',
        });
      }
    }
    return findings.sort((a, b) => a.start - b.start);
  },
};
