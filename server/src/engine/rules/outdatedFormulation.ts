import data from '../../../data/outdated-words.json';
import { historicalContext } from '../fuzzy';
import { PhraseTrie } from '../phrases';
import type { LineFinding, LineRule } from './rule';

interface Outdated {
  wrong: string;
  right: string;
  since: string;
  untilYear?: number;
  source: string;
  notPrecededBy?: string[];
}

const ENTRIES: Outdated[] = (data as { outdated: Outdated[] }).outdated;
const TRIE = new PhraseTrie<Outdated>();
for (const e of ENTRIES) TRIE.add(e.wrong, e);

/**
 * Names and formulations that have been replaced (三个自信 → 四个自信 since 2016; 国土资源部 → 自然资源部
 * since 2018; 新冠肺炎 → 新冠病毒感染 since 2022), from server/data/outdated-words.json, with the date and the
 * public source in the message. A sentence about the past (a year up to the change, 原/曾/时任/回顾…) quotes
 * the old wording legitimately and is left alone.
 */
export const outdatedFormulation: LineRule = {
  id: 'outdated-formulation',
  description: '过时的名称与提法（三个自信、决胜全面建成小康社会、机构改革前的机构名称、新冠肺炎等），提示现行写法及改变的时间',
  defaultSeverity: 'information',
  scope: 'line',
  explain(flagged) {
    const e = ENTRIES.find((x) => x.wrong === flagged);
    return e && `**${e.wrong}** → **${e.right}**（过时提法）\n\n${e.since}。\n\n出处：${e.source}。回顾历史、引用旧文件时可保留原写法。`;
  },
  check({ text }) {
    const out: LineFinding[] = [];
    for (const m of TRIE.scan(text)) {
      const e = m.value;
      if (e.notPrecededBy?.some((p) => text.slice(0, m.start).endsWith(p))) continue;
      // 国土资源部门 is any land-resources department, not the ministry.
      if (/[部局委]$/.test(e.wrong) && /^[门属内]/.test(text.slice(m.end, m.end + 1))) continue;
      if (historicalContext(text, m.start, m.end, e.untilYear)) continue;
      out.push({
        start: m.start,
        end: m.end,
        message: `过时提法：“${e.wrong}”现为“${e.right}”（${e.since}）`,
        fixes: [{ title: `改为“${e.right}”`, edits: [{ start: m.start, end: m.end, newText: e.right }], safe: false }],
      });
    }
    return out;
  },
};
