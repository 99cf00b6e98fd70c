/*
 * Context pairs: confusable words decided by the words around them (截至／截止, 作出／做出, 权力／权利 …).
 * Every entry of server/data/context-pairs.json is one rule; this file turns the entries into LineRules.
 * The findings suggest rather than assert: the range is the confused word, the fix is unsafe (never applied
 * by fix-all), because the writer may mean the other word after all.
 *
 * The data file: `{ "rules": [ENTRY, …] }`, in the order the rules list their findings. Keys starting with
 * `$` ("$comment") are ignored anywhere. Every ENTRY has
 *   id           the rule id users write in .gongwenrc.json and disable comments (never rename one);
 *   description  one Chinese line for `gongwen rules`;
 *   severity     "error" | "warning" | "information" | "hint";
 * and is one of two kinds:
 *
 * 1. Fixed phrases (`phrases`): a list of { phrase, wrong, right, note?, precededBy? }. Where `phrase`
 *    occurs (and, with `precededBy`, one of those strings immediately precedes it), its `wrong` part is
 *    flagged with the message “phrase”中宜用“right”，不用“wrong”（note） and the fix `right`. Phrases are found
 *    in one pass (a trie); the longest phrase at a position wins and the search goes on after it.
 *    Adding a pair of this kind: one line in `phrases`.
 *
 * 2. A word in context (`wrong`, `right`, `message`, `contexts`): every occurrence of `wrong` is flagged with
 *    `message` and the fix `right` when some context matches there and no word of `notFollowedBy` follows.
 *    A context is { before?, after }: regular-expression sources that must match just before the word (a
 *    lookbehind) and just after it (anchored there). In them `{name}` stands for a group: a word list of
 *    `lists` (the words as literals, longest first) or a fragment of `patterns` (which may use `{name}`
 *    itself). `{0,2}` and other quantifiers are left alone. Keep the expressions linear (no nested
 *    unbounded repetition): the hang tests run every rule on adversarial lines.
 *
 * Every rule has its cases in test/fixtures/rules/<id>.txt (see the README there): a new pair or phrase gets a
 * line there, and a new entry a file.
 */
import data from '../../../data/context-pairs.json';
import { PhraseTrie } from '../phrases';
import type { Severity } from '../types';
import type { LineFinding, LineRule } from './rule';

/** A fixed phrase in which `wrong` should read `right` (权利运行 → 权力运行). */
export interface ContextPhrase {
  phrase: string;
  wrong: string;
  right: string;
  note?: string;
  /** One of these must immediately precede the phrase. */
  precededBy?: string[];
}

/** Where a word in context is wrong: what must precede it and what must follow it (regular expressions). */
export interface WordContext {
  before?: string;
  after: string;
}

/** One entry of context-pairs.json (see the header of this file). */
export interface ContextPairEntry {
  id: string;
  description: string;
  severity: Severity;
  phrases?: ContextPhrase[];
  wrong?: string;
  right?: string;
  message?: string;
  notFollowedBy?: string[];
  contexts?: WordContext[];
  lists?: Record<string, string[]>;
  patterns?: Record<string, string>;
}

const SEVERITIES: readonly string[] = ['error', 'warning', 'information', 'hint'];

/** A regular-expression alternation of literal words, longest first. */
export function alternation(words: readonly string[]): string {
  return [...words].sort((a, b) => b.length - a.length).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
}

/** Builds the rule of one entry; throws (in Chinese, naming the entry) when the entry is malformed. */
export function contextPairRule(entry: ContextPairEntry): LineRule {
  const where = `context-pairs.json 中的规则“${entry?.id}”`;
  const fail = (what: string): never => {
    throw new Error(`${where}：${what}`);
  };
  if (!entry || typeof entry.id !== 'string' || !/^[a-z][a-z0-9-]*$/.test(entry.id)) fail('id 须为小写字母、数字和连字符');
  if (typeof entry.description !== 'string' || !entry.description) fail('缺少 description');
  if (!SEVERITIES.includes(entry.severity)) fail(`severity 须为 ${SEVERITIES.join('、')} 之一`);
  const meta = { id: entry.id, description: entry.description, defaultSeverity: entry.severity, scope: 'line' as const };
  if (entry.phrases !== undefined) {
    if (entry.contexts !== undefined || entry.wrong !== undefined) fail('phrases 与 wrong/contexts 只能二选一');
    return { ...meta, check: phraseChecker(entry.phrases, fail) };
  }
  return { ...meta, check: wordChecker(entry, fail) };
}

function phraseChecker(phrases: readonly ContextPhrase[], fail: (what: string) => never): LineRule['check'] {
  if (!Array.isArray(phrases) || !phrases.length) fail('phrases 须为非空数组');
  const trie = new PhraseTrie<ContextPhrase>();
  for (const p of phrases) {
    if (!isText(p?.phrase) || !isText(p.wrong) || !isText(p.right)) fail(`短语须有 phrase、wrong、right：${JSON.stringify(p)}`);
    if (!p.phrase.includes(p.wrong) || p.wrong === p.right) fail(`短语“${p.phrase}”须包含 wrong，且 wrong 与 right 不同`);
    if (p.precededBy !== undefined && !(Array.isArray(p.precededBy) && p.precededBy.every(isText))) fail(`短语“${p.phrase}”的 precededBy 须为字符串数组`);
    trie.add(p.phrase, p);
  }
  // A line without any of the confused words (nearly every line) is passed over at native speed.
  const words = [...new Set(phrases.map((p) => p.wrong))];
  return ({ text }) => {
    const findings: LineFinding[] = [];
    if (!words.some((w) => text.includes(w))) return findings;
    for (let i = 0; i < text.length; i++) {
      const matches = trie.matchesAt(text, i);
      for (let k = matches.length - 1; k >= 0; k--) {
        const p = matches[k].value;
        if (p.precededBy && !p.precededBy.some((b) => i >= b.length && text.startsWith(b, i - b.length))) continue;
        const start = i + p.phrase.indexOf(p.wrong);
        const note = p.note ? `（${p.note}）` : '';
        findings.push(finding(start, start + p.wrong.length, `“${p.phrase}”中宜用“${p.right}”，不用“${p.wrong}”${note}`, p.right));
        i = matches[k].end - 1;
        break;
      }
    }
    return findings;
  };
}

function wordChecker(entry: ContextPairEntry, fail: (what: string) => never): LineRule['check'] {
  const { wrong, right, message } = entry;
  if (!isText(wrong) || !isText(right) || wrong === right) fail('须有 phrases，或不同的 wrong 与 right');
  if (!isText(message)) fail('缺少 message');
  if (!Array.isArray(entry.contexts) || !entry.contexts.length) fail('contexts 须为非空数组');
  const notFollowedBy = entry.notFollowedBy ?? [];
  if (!Array.isArray(notFollowedBy) || !notFollowedBy.every(isText)) fail('notFollowedBy 须为字符串数组');
  const expand = expander(entry.lists ?? {}, entry.patterns ?? {}, fail);
  const compile = (source: string, lookbehind: boolean): RegExp => {
    const expanded = expand(source, []);
    try {
      return new RegExp(lookbehind ? `(?<=(?:${expanded}))` : `(?:${expanded})`, 'y');
    } catch (error) {
      return fail(`正则表达式“${source}”无效：${(error as Error).message}`);
    }
  };
  const contexts = entry.contexts.map((c) => {
    if (!isText(c?.after)) fail(`每个 context 须有 after：${JSON.stringify(c)}`);
    if (c.before !== undefined && !isText(c.before)) fail(`context 的 before 须为字符串：${JSON.stringify(c)}`);
    return { before: c.before === undefined ? undefined : compile(c.before, true), after: compile(c.after, false) };
  });
  return ({ text }) => {
    const findings: LineFinding[] = [];
    for (let i = text.indexOf(wrong); i >= 0; i = text.indexOf(wrong, i + wrong.length)) {
      const end = i + wrong.length;
      if (notFollowedBy.some((w) => text.startsWith(w, end))) continue;
      if (!contexts.some((c) => (!c.before || matchesAt(c.before, text, i)) && matchesAt(c.after, text, end))) continue;
      findings.push(finding(i, end, message, right));
    }
    return findings;
  };
}

/** Replaces `{name}` by the group of a word list or (recursively) of a pattern fragment. */
function expander(lists: Record<string, string[]>, patterns: Record<string, string>, fail: (what: string) => never) {
  const expand = (source: string, using: string[]): string =>
    source.replace(/\{([A-Za-z_]\w*)\}/g, (_, name: string) => {
      if (Object.hasOwn(lists, name)) {
        const words = lists[name];
        if (!Array.isArray(words) || !words.length || !words.every(isText)) fail(`词表 ${name} 须为非空字符串数组`);
        return `(?:${alternation(words)})`;
      }
      if (Object.hasOwn(patterns, name)) {
        if (using.includes(name)) fail(`patterns 中的 ${name} 引用了自身`);
        if (!isText(patterns[name])) fail(`patterns 中的 ${name} 须为字符串`);
        return `(?:${expand(patterns[name], [...using, name])})`;
      }
      return fail(`{${name}} 不在 lists 或 patterns 中`);
    });
  return expand;
}

function matchesAt(pattern: RegExp, text: string, at: number): boolean {
  pattern.lastIndex = at;
  return pattern.test(text);
}

function finding(start: number, end: number, message: string, right: string): LineFinding {
  return { start, end, message, fixes: [{ title: `改为“${right}”`, edits: [{ start, end, newText: right }], safe: false }] };
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

/** Builds every rule of a context-pairs file; ids must be unique. */
export function contextPairRules(file: { rules: readonly ContextPairEntry[] }): LineRule[] {
  if (!file || !Array.isArray(file.rules)) throw new Error('context-pairs.json：须为 { "rules": [...] }');
  const rules = file.rules.map(contextPairRule);
  const ids = new Set<string>();
  for (const { id } of rules) {
    if (ids.has(id)) throw new Error(`context-pairs.json：规则 id“${id}”重复`);
    ids.add(id);
  }
  return rules;
}

/** The built-in context-pair rules (jiezhi, zuochu, zhiding, quanli, bixu, qiyong, fanying …). */
export const CONTEXT_PAIR_RULES: readonly LineRule[] = contextPairRules(data as { rules: ContextPairEntry[] });
