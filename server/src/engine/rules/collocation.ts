import data from '../../../data/collocations.json';
import { PhraseTrie } from '../phrases';
import type { LineFinding, LineRule } from './rule';

interface Pair {
  object: string;
  right: string[];
  wrong: string[];
}

const PAIRS: Pair[] = (data as { pairs: Pair[] }).pairs;
const OBJECTS = new PhraseTrie<Pair>();
for (const p of PAIRS) OBJECTS.add(p.object, p);
const CONFUSIONS = new PhraseTrie<{ written: string; right: string }>();
for (const c of (data as { confusions: { written: string; right: string }[] }).confusions) CONFUSIONS.add(c.written, c);

/** How far before its object a verb is looked for, within the clause. */
const REACH = 12;
/** After an object that is the head of its phrase: the end of the clause or a coordination. */
const HEAD_END = /^(?:$|[，。；：、！？,;:]|和|与|及|等)/;
const CLAUSE_MARK = /[，。；：、！？,;:（）()“”]/;

/**
 * Verb–object pairs usual in reports (server/data/collocations.json): an object at the head of its phrase
 * (加强执法力度。) whose nearest preceding verb in the clause is one that does not go with it, and no usual
 * verb either, is suggested the usual verb; a fixed pair whose object is written as a near-sound word at a
 * clause end (形成合理。) is suggested the pair. Suggestions only: the message names the usual pairs.
 */
export const collocation: LineRule = {
  id: 'collocation',
  description: '动宾搭配：宾语与动词不相配（加强…力度、发挥…精神），固定搭配的宾语写成音近词（形成合理）；只作建议',
  defaultSeverity: 'information',
  needsSegmentation: true,
  scope: 'line',
  explain(_flagged, message) {
    const object = /…([^…”]{1,20})”/.exec(message)?.[1];
    const pair = PAIRS.find((p) => p.object === object);
    if (!pair) return '**固定搭配**：公文中的常见动宾搭配（形成合力、发挥作用、加大力度、增强意识、履行职责、落实责任……）宜保持原样。';
    return `**${pair.object}**的常见搭配：${pair.right.map((v) => `${v}…${pair.object}`).join('、')}。\n\n少说：${pair.wrong.map((v) => `${v}…${pair.object}`).join('、')}。这只是建议，请结合语境判断。`;
  },
  check({ text, tokens }) {
    const out: LineFinding[] = [];
    if (!tokens) return out;
    const starts = new Set(tokens.map((t) => t.start));
    const ends = new Set(tokens.map((t) => t.end));
    for (const m of CONFUSIONS.scan(text)) {
      if (!HEAD_END.test(text.slice(m.end, m.end + 1)) || !starts.has(m.start)) continue;
      const right = m.value.right;
      out.push({
        start: m.start,
        end: m.end,
        message: `搭配疑误：“${m.value.written}”是否应为“${right}”？`,
        fixes: [{ title: `改为“${right}”`, edits: [{ start: m.start, end: m.end, newText: right }], safe: false }],
      });
    }
    for (const m of OBJECTS.scan(text)) {
      if (!starts.has(m.start) || !ends.has(m.end) || !HEAD_END.test(text.slice(m.end, m.end + 1))) continue;
      const pair = m.value;
      let from = m.start;
      while (from > 0 && m.start - from < REACH && !CLAUSE_MARK.test(text[from - 1])) from--;
      const before = text.slice(from, m.start);
      // The nearest verb of either list before the object decides.
      let best: { verb: string; at: number; ok: boolean } | undefined;
      for (const [verbs, ok] of [[pair.right, true], [pair.wrong, false]] as const) {
        for (const verb of verbs) {
          const at = before.lastIndexOf(verb);
          if (at < 0 || !starts.has(from + at) || !ends.has(from + at + verb.length)) continue;
          if (!best || at > best.at) best = { verb, at, ok };
        }
      }
      if (!best || best.ok || pair.right.some((v) => before.includes(v))) continue;
      const start = from + best.at;
      const end = start + best.verb.length;
      out.push({
        start,
        end,
        message: `搭配不当？“${best.verb}…${pair.object}”通常说${pair.right.map((v) => `“${v}…${pair.object}”`).join('或')}`,
        fixes: [{ title: `改为“${pair.right[0]}”`, edits: [{ start, end, newText: pair.right[0] }], safe: false }],
      });
    }
    return out.sort((a, b) => a.start - b.start);
  },
};
