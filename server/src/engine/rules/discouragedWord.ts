import data from '../../../data/outdated-words.json';
import { PhraseTrie } from '../phrases';
import type { LineFinding, LineRule } from './rule';

interface Discouraged {
  wrong: string;
  right: string;
  reason: string;
  source: string;
}

const ENTRIES: Discouraged[] = (data as { discouraged: Discouraged[] }).discouraged;
const TRIE = new PhraseTrie<Discouraged>();
for (const e of ENTRIES) TRIE.add(e.wrong, e);

/**
 * Words that public style rules for news and official writing advise against (蔑称 for people with
 * disabilities, 影帝/天王 for artists: the Xinhua list of 禁用词和慎用词), from server/data/outdated-words.json.
 * A match counts only when the segmentation has it as whole words (天王星 holds no 天王).
 */
export const discouragedWord: LineRule = {
  id: 'discouraged-word',
  description: '新闻与公文写作的慎用词、禁用词（对残疾人的蔑称、“影帝”“天王”等，依据新华社禁用词和慎用词）',
  defaultSeverity: 'information',
  needsSegmentation: true,
  scope: 'line',
  explain(flagged) {
    const e = ENTRIES.find((x) => x.wrong === flagged);
    return e && `**${e.wrong}**（慎用词）\n\n${e.reason}，宜用“${e.right}”。\n\n出处：${e.source}。`;
  },
  check({ text, tokens }) {
    const out: LineFinding[] = [];
    if (!tokens) return out;
    let starts: Set<number> | undefined;
    let ends: Set<number> | undefined;
    for (const m of TRIE.scan(text)) {
      starts ??= new Set(tokens.map((t) => t.start));
      ends ??= new Set(tokens.map((t) => t.end));
      if (!starts.has(m.start) || !ends.has(m.end)) continue;
      const e = m.value;
      out.push({
        start: m.start,
        end: m.end,
        message: `慎用词：“${e.wrong}”，宜用“${e.right}”（${e.reason}；${e.source}）`,
        fixes: [{ title: `改为“${e.right}”`, edits: [{ start: m.start, end: m.end, newText: e.right }], safe: false }],
      });
    }
    return out;
  },
};
