import type { EngineData } from '../data';
import { charLikeness, editDistance, historicalContext, minimalEdit } from '../fuzzy';
import { CLASSIFIERS, Formulation, formulationMarkdown, FORMULATIONS, itemsText, matchItem, numeralValue, Segment, segments } from '../formulations';
import { PhraseTrie } from '../phrases';
import { STANDARD_TERMS, wrongFormsIn } from '../terms';
import type { LineFinding, LineRule } from './rule';

/**
 * Numbered formulations (四个意识, 五位一体, 三重一大…, server/data/formulations.json), checked for
 * content: a list of items attached to the name (after it in brackets or after 即/：, or before it: 创新、
 * 协调…的新发展理念) with a wrong, missing, extra or misplaced item; a full list written without the name
 * in the wrong order, or with one item a character off; the name itself with a wrong classifier (四种意识),
 * words inserted (两个坚决维护) or, in quotation marks, a wrong numeral or a sound-alike character.
 */

const NAMES = new PhraseTrie<Formulation>();
for (const f of FORMULATIONS) for (const n of [f.name, ...f.aliases]) NAMES.add(n, f);
const KNOWN = new Set<string>([...FORMULATIONS.flatMap((f) => [f.name, ...f.aliases, ...f.historic.map((h) => h.name)]), ...STANDARD_TERMS.flatMap((t) => [t.term, ...(t.aliases ?? [])])]);
/** Names a quoted string is compared with: the formulations and the quoted standard terms (三会一课). */
const QUOTED_NAMES = [...new Set([...FORMULATIONS.map((f) => f.name), ...STANDARD_TERMS.filter((t) => t.quoted).map((t) => t.term)])];

/** Every wording of every item → its formulations and item numbers (for lists written without the name). */
const BY_WORDING = new Map<string, { f: Formulation; item: number }[]>();
for (const f of FORMULATIONS) {
  if (f.items.length < 3 || !f.ordered) continue;
  f.items.forEach((wordings, item) => wordings.forEach((w) => BY_WORDING.set(w, [...(BY_WORDING.get(w) ?? []), { f, item }])));
}

const ANCHORED = FORMULATIONS.filter((f) => f.anchor);
const HEADS = [...new Set(ANCHORED.map((f) => f.anchor!.head))].sort((a, b) => b.length - a.length);
const NAME_SHAPE = new RegExp(`([一二三四五六七八九十两]{1,2})([${CLASSIFIERS}]?)([\\u4e00-\\u9fff]{0,2}?)(${HEADS.join('|')})`, 'g');
/** Inserted words that make an ordinary phrase, not a distorted name (从四个方面全面推进). */
const ORDINARY_INSERT = /方面|领域|层面|环节|维度|阶段|部分|方向|重点|问题|角度|月|年|天/;
/** After an unquoted name: the end of the phrase (not 八个规定动作). */
const NAME_END = /^(?:[^\u4e00-\u9fff]|的|和|与|及|是|等|精神|要求)/;

const quotedAt = (text: string, start: number, end: number) => /[“‘"]/.test(text[start - 1] ?? '') && /[”’"]/.test(text[end] ?? '');

function finding(start: number, end: number, message: string, replacement?: string, severity: LineFinding['severity'] = 'warning', written?: string): LineFinding {
  const edit = written ? minimalEdit(start, written, replacement ?? '') : { start, end, newText: replacement ?? '' };
  const fixes = replacement === undefined ? [] : [{ title: replacement ? `改为“${replacement}”` : '删除', edits: [edit], safe: false }];
  return { start, end, message, severity, fixes };
}

/** The list attached to a name: after it (（…）, 即…, ：…) or right before it (…的“新发展理念”). */
function attachedList(text: string, f: Formulation, start: number, end: number, data: EngineData | undefined): { list: Segment[]; delimited: boolean } | undefined {
  const isItem = (s: string) => f.items.some((w) => w.includes(s));
  let after = end;
  if (/[”’"]/.test(text[after] ?? '')) after++;
  const opener = /^(（|\(|，即|,即|即|：|:|——)/.exec(text.slice(after, after + 2));
  if (opener) {
    const from = after + opener[1].length;
    const close = opener[1] === '（' || opener[1] === '(' ? text.slice(from).search(/[）)]/) : text.slice(from).search(/[。；;）)]/);
    const to = close < 0 ? text.length : from + close;
    const list = segments(text, from, to, isItem).map((s) => ({ ...s, text: s.text.replace(/(等方面|等)$/, '') })).filter((s) => s.text);
    const matched = list.filter((s) => matchItem(s.text, f.items, true, data)).length;
    if (list.length >= 2 && matched * 2 >= list.length) return { list, delimited: true };
  }
  let before = start;
  if (/[“‘"]/.test(text[before - 1] ?? '')) before--;
  if (text[before - 1] === '的') before--;
  const clause = Math.max(...['。', '；', '：', '（', '！', '？'].map((c) => text.lastIndexOf(c, before - 1))) + 1;
  const all = segments(text, clause, before, isItem);
  const list: Segment[] = [];
  for (let k = all.length - 1; k >= 0; k--) {
    const s = all[k];
    if (matchItem(s.text, f.items, true, data)) list.unshift(s);
    else {
      // 贯彻创新、协调…: the first item may carry the verb.
      const tail = f.items.flat().find((w) => s.text.endsWith(w));
      if (tail) list.unshift({ text: tail, start: s.end - tail.length, end: s.end });
      break;
    }
  }
  return list.length >= 2 && list[list.length - 1].end === before ? { list, delimited: false } : undefined;
}

/** Findings about a list of items meant to be `f`'s; `named`: the name is attached (missing items count). */
function checkList(text: string, f: Formulation, list: Segment[], delimited: boolean, named: { start: number; end: number } | undefined, out: LineFinding[], data: EngineData | undefined): void {
  const name = `“${f.name}”`;
  for (const h of f.historic) {
    if (h.items.length === list.length && list.every((s, k) => h.items[k].includes(s.text)) && !list.every((s, k) => f.items[k].includes(s.text))) {
      const first = list[0];
      if (historicalContext(text, first.start, list[list.length - 1].end, h.untilYear)) return;
      const k = list.findIndex((s, i) => !f.items[i].includes(s.text));
      out.push(finding(list[k].start, list[k].end, `旧提法：${name}现为“${itemsText(f.items)}”（${h.since}）`, f.items[k][0], 'information'));
      return;
    }
  }
  const matches = list.map((s) => matchItem(s.text, f.items, true, data));
  const covered = new Set<number>();
  list.forEach((s, k) => {
    const m = matches[k];
    if (m) {
      covered.add(m.item);
      if (!m.exact) out.push(finding(s.start, s.end, `${name}的内容应为“${f.items[m.item][0]}”，不是“${s.text}”（${itemsText(f.items)}）`, f.items[m.item][0]));
    } else if (delimited) out.push(finding(s.start, s.end, `“${s.text}”不是${name}的内容（${itemsText(f.items)}）`));
  });
  if (named) {
    const missing = f.items.filter((_, i) => !covered.has(i)).map((w) => `“${w[0]}”`);
    const wrong = list.length - matches.filter(Boolean).length;
    if (missing.length > wrong) out.push(finding(named.start, named.end, `${name}共${f.items.length}项，此处列出${list.length}项，缺少${missing.join('')}（${itemsText(f.items)}）`));
  }
  const order = matches.filter(Boolean).map((m) => m!.item);
  if (f.ordered && order.some((v, k) => k > 0 && v < order[k - 1])) {
    const start = list[0].start;
    const end = list[list.length - 1].end;
    const allExact = matches.every((m) => m?.exact) && order.length === f.items.length;
    const sep = text.slice(list[0].end, list[1].start);
    out.push(finding(start, end, `${name}的顺序应为：${itemsText(f.items)}`, allExact && /^[、，]$/.test(sep) ? f.items.map((w) => w[0]).join(sep) : undefined));
  }
}

/** A full or nearly full list of one formulation's items written without its name. */
function unnamedLists(text: string, out: LineFinding[], covered: (s: number, e: number) => boolean, data: EngineData | undefined): void {
  const clauses = /[^。；;：:！？（）()]+/g;
  for (let c = clauses.exec(text); c; c = clauses.exec(text)) {
    if (c[0].indexOf('、') === c[0].lastIndexOf('、')) continue;
    const segs = segments(text, c.index, c.index + c[0].length, (s) => BY_WORDING.has(s));
    if (segs.length < 3) continue;
    const hits = new Map<Formulation, { seg: number; item: number }[]>();
    segs.forEach((s, k) => {
      let found = BY_WORDING.get(s.text);
      if (!found && k === 0) for (let i = 1; i < s.text.length - 1 && !found; i++) found = BY_WORDING.get(s.text.slice(i));
      for (const h of found ?? []) hits.set(h.f, [...(hits.get(h.f) ?? []), { seg: k, item: h.item }]);
    });
    for (const [f, list] of hits) {
      const n = f.items.length;
      const distinct = new Set(list.map((h) => h.item)).size;
      if (distinct < n - 1 || list.length > n) continue;
      const first = Math.min(...list.map((h) => h.seg));
      const last = Math.max(...list.map((h) => h.seg));
      const run = segs.slice(first, last + 1);
      if (covered(run[0].start, run[run.length - 1].end)) continue;
      if (distinct === n) {
        const exact = run.map((s) => ({ ...s, text: f.items.flat().find((w) => s.text.endsWith(w)) ?? s.text }));
        checkList(text, f, exact.map((s) => ({ ...s, start: s.end - s.text.length })), false, undefined, out, data);
        continue;
      }
      // n - 1 items exact: a neighbour (or a segment between them) one character off the missing one.
      const missing = f.items.findIndex((_, i) => !list.some((h) => h.item === i));
      for (const k of [first - 1, ...Array.from({ length: last - first + 1 }, (_, i) => first + i), last + 1]) {
        const s = segs[k];
        if (!s || list.some((h) => h.seg === k)) continue;
        const old = f.historic.find((h) => h.items[missing]?.some((w) => s.text.endsWith(w)));
        if (old) {
          const w = old.items[missing].find((x) => s.text.endsWith(x))!;
          if (!historicalContext(text, s.start, s.end, old.untilYear)) {
            out.push(finding(s.end - w.length, s.end, `旧提法：“${f.name}”现为“${itemsText(f.items)}”（${old.since}）`, f.items[missing][0], 'information'));
          }
          continue;
        }
        const m = matchItem(s.text, [f.items[missing]], true, data);
        if (m && !m.exact) out.push(finding(s.start, s.end, `“${f.name}”的内容应为“${f.items[missing][0]}”，不是“${s.text}”（${itemsText(f.items)}）`, f.items[missing][0]));
      }
    }
  }
}

/** 四种意识, 两个坚决维护, quoted “三个意识”. */
function nameShapes(text: string, out: LineFinding[], covered: (s: number, e: number) => boolean): void {
  if (!HEADS.some((h) => text.includes(h))) return;
  NAME_SHAPE.lastIndex = 0;
  for (let m = NAME_SHAPE.exec(text); m; m = NAME_SHAPE.exec(text)) {
    const [written, numeral, classifier, insert, head] = m;
    const start = m.index;
    const end = start + written.length;
    NAME_SHAPE.lastIndex = start + 1;
    if (KNOWN.has(written) || covered(start, end) || text[start - 1] === '第' || /[一二三四五六七八九十两]/.test(text[start - 1] ?? '')) continue;
    const candidates = ANCHORED.filter((f) => f.anchor!.head === head);
    const f = candidates.find((c) => c.anchor!.numeral === numeral) ?? candidates[0];
    const a = f.anchor!;
    const quoted = quotedAt(text, start, end);
    const plain = NAME_END.test(text.slice(end, end + 2));
    if (numeral !== a.numeral) {
      if (quoted && classifier && !insert && numeralValue(numeral) !== numeralValue(a.numeral)) {
        out.push(finding(start, end, `规范提法是“${f.name}”（${itemsText(f.items)}），不是“${written}”`, f.name));
      }
      continue;
    }
    if (insert) {
      if ((quoted || plain) && classifier === a.classifier && !ORDINARY_INSERT.test(insert)) {
        out.push(finding(start, end, `规范提法“${f.name}”中间不加字，“${written}”应写作“${f.name}”`, f.name));
      }
      continue;
    }
    if (classifier !== a.classifier && (quoted || (plain && classifier))) {
      out.push(finding(start, end, `规范提法是“${f.name}”，不写作“${written}”`, f.name));
    }
  }
}

/** A quoted name one sound-alike or look-alike character off (“两学一作”, “三会一科”). */
function quotedNames(text: string, out: LineFinding[], covered: (s: number, e: number) => boolean, data: EngineData | undefined): void {
  const quote = /“([^“”]{3,10})”/g;
  for (let m = quote.exec(text); m; m = quote.exec(text)) {
    const written = m[1];
    const start = m.index + 1;
    const end = start + written.length;
    if (KNOWN.has(written) || covered(start, end)) continue;
    for (const name of QUOTED_NAMES) {
      if (name[0] !== written[0] && name[1] !== written[1]) continue;
      let near = false;
      if (name.length === written.length) {
        const diffs = [...name].map((c, i) => (c === written[i] ? -1 : i)).filter((i) => i >= 0);
        near = diffs.length === 1 && charLikeness(written[diffs[0]], name[diffs[0]], data) !== undefined;
      } else if (name.length >= 4 && name[0] === written[0] && name[name.length - 1] === written[written.length - 1]) {
        near = editDistance(name, written, 1) === 1;
      }
      if (near) {
        out.push(finding(start, end, `规范提法是“${name}”，不写作“${written}”`, name, 'warning', written));
        break;
      }
    }
  }
}

export const formulationItems: LineRule = {
  id: 'formulation-items',
  description: '带数字的规范提法（四个意识、五位一体、三重一大等）：所列内容错、漏、多、顺序颠倒，名称中加字、量词或数字错误、引号内的错字',
  defaultSeverity: 'warning',
  scope: 'line',
  explain(flagged, message) {
    const f = FORMULATIONS.find((x) => message.includes(`“${x.name}”`) || flagged.includes(x.name));
    return f && formulationMarkdown(f);
  },
  check({ text, data }) {
    if (!/[一二三四五六七八九十两、]/.test(text)) return [];
    const out: LineFinding[] = [];
    const taken: [number, number][] = wrongFormsIn(text).map((w) => [w.start, w.end]);
    const covered = (s: number, e: number) => taken.some(([a, b]) => s < b && a < e);
    for (const m of NAMES.scan(text)) {
      const attached = attachedList(text, m.value, m.start, m.end, data);
      if (!attached) continue;
      const before = out.length;
      checkList(text, m.value, attached.list, attached.delimited, { start: m.start, end: m.end }, out, data);
      for (const f of out.slice(before)) taken.push([f.start, f.end]);
      taken.push([attached.list[0].start, attached.list[attached.list.length - 1].end], [m.start, m.end]);
    }
    unnamedLists(text, out, covered, data);
    for (const f of out) taken.push([f.start, f.end]);
    nameShapes(text, out, covered);
    for (const f of out) taken.push([f.start, f.end]);
    quotedNames(text, out, covered, data);
    return out.sort((a, b) => a.start - b.start);
  },
};
