/**
 * Completion for reports: phrases from the snippet files ranked by the section under the cursor,
 * Chinese and pinyin-initials prefixes with an exact replace range, the next heading number, and
 * standard terms. Knows nothing of LSP; features/completion.ts converts the result.
 */
import { isHan } from './chars';
import { ReportDocument, SectionNode } from './document';
import { canonicalMarker, HeadingLevel } from './headings';
import { parseSnippet } from './snippetSyntax';
import { Position, Range, range } from './types';

export type PhraseFunction =
  | 'skeleton'
  | 'opening'
  | 'transition'
  | 'practice'
  | 'problem'
  | 'cause'
  | 'next-step'
  | 'closing'
  | 'structure'
  | 'term';

export const PHRASE_FUNCTIONS: readonly PhraseFunction[] = [
  'skeleton', 'opening', 'transition', 'practice', 'problem', 'cause', 'next-step', 'closing', 'structure', 'term',
];

/** What the completion list shows next to each item. */
export const FUNCTION_NAMES: Record<PhraseFunction | 'number', string> = {
  skeleton: '文稿骨架',
  opening: '开头',
  transition: '过渡',
  practice: '做法成效',
  problem: '存在问题',
  cause: '原因剖析',
  'next-step': '下步打算',
  closing: '结尾',
  structure: '句式结构',
  term: '规范表述',
  number: '序号',
};

/** One entry of a VS Code snippet file. */
export interface SnippetDefinition {
  prefix?: string | string[];
  body: string | string[];
  description?: string;
}
export type SnippetFile = Record<string, SnippetDefinition>;

export interface Phrase {
  name: string;
  function: PhraseFunction;
  /** Chinese prefixes (the first is the main one). */
  prefixes: string[];
  /** Pinyin-initials prefixes. */
  pinyin: string[];
  /** Snippet syntax, lines joined with \n. */
  body: string;
  /** What the body inserts with its defaults. */
  text: string;
  description: string;
  /** Position in the catalog, for stable ordering. */
  order: number;
}

interface IndexEntry {
  key: string;
  phrase: Phrase;
}

/** The phrases of the snippet files, indexed by prefix for fast lookups. */
export class PhraseCatalog {
  readonly phrases: Phrase[] = [];
  private readonly chinese: IndexEntry[] = [];
  private readonly latin: IndexEntry[] = [];
  /** Length of the longest Chinese prefix (a bound for the suffix search). */
  readonly maxPrefixLength: number;

  constructor(files: Partial<Record<PhraseFunction, SnippetFile>>) {
    for (const fn of PHRASE_FUNCTIONS) {
      for (const [name, def] of Object.entries(files[fn] ?? {})) {
        const prefixes = def.prefix === undefined ? [name] : Array.isArray(def.prefix) ? def.prefix : [def.prefix];
        const body = Array.isArray(def.body) ? def.body.join('\n') : def.body;
        const phrase: Phrase = {
          name,
          function: fn,
          prefixes: prefixes.filter((p) => isHan(p)),
          pinyin: prefixes.filter((p) => !isHan(p)).map((p) => p.toLowerCase()),
          body,
          text: parseSnippet(body).text,
          description: def.description ?? '',
          order: this.phrases.length,
        };
        this.phrases.push(phrase);
        for (const key of phrase.prefixes) this.chinese.push({ key, phrase });
        for (const key of phrase.pinyin) this.latin.push({ key, phrase });
      }
    }
    const byKey = (a: IndexEntry, b: IndexEntry) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.phrase.order - b.phrase.order);
    this.chinese.sort(byKey);
    this.latin.sort(byKey);
    this.maxPrefixLength = Math.max(0, ...this.chinese.map((e) => e.key.length));
  }

  /** Phrases with a Chinese prefix that starts with `typed`, with that prefix. */
  withChinesePrefix(typed: string): IndexEntry[] {
    return startingWith(this.chinese, typed);
  }

  hasChinesePrefix(typed: string): boolean {
    const i = lowerBound(this.chinese, typed);
    return i < this.chinese.length && this.chinese[i].key.startsWith(typed);
  }

  /** Phrases with a pinyin-initials prefix that starts with `typed` (lower case). */
  withPinyinPrefix(typed: string): IndexEntry[] {
    return startingWith(this.latin, typed.toLowerCase());
  }
}

function lowerBound(entries: IndexEntry[], key: string): number {
  let lo = 0;
  let hi = entries.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (entries[mid].key < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Entries whose key starts with `typed`, one per phrase (the first matching key). */
function startingWith(entries: IndexEntry[], typed: string): IndexEntry[] {
  const out: IndexEntry[] = [];
  const seen = new Set<Phrase>();
  for (let i = lowerBound(entries, typed); i < entries.length && entries[i].key.startsWith(typed); i++) {
    if (seen.has(entries[i].phrase)) continue;
    seen.add(entries[i].phrase);
    out.push(entries[i]);
  }
  return out;
}

export type CandidateKind = PhraseFunction | 'number';

export interface CompletionCandidate {
  label: string;
  kind: CandidateKind;
  /** Snippet syntax when `snippet` is true, plain text otherwise. */
  insertText: string;
  snippet: boolean;
  /** The text the item replaces: exactly what was typed (empty at the cursor when nothing was). */
  range: Range;
  filterText: string;
  sortText: string;
  /** Short Chinese note: the function, or what the number continues. */
  detail: string;
  /** Longer Chinese text for the documentation panel (plain text). */
  documentation?: string;
  preselect?: boolean;
}

export interface CompletionResult {
  items: CompletionCandidate[];
  /** True when typing on may change the list (the client should ask again). */
  isIncomplete: boolean;
}

/** Where the cursor stands in the report, as far as ranking is concerned. */
export interface CompletionContext {
  emptyDocument: boolean;
  /** Nothing but blank lines after the cursor line. */
  atEnd: boolean;
  /** Below the title and above the first heading. */
  inOpening: boolean;
  inClosing: boolean;
  /** The headings the cursor is under, outermost first. */
  path: SectionNode[];
  /** What the innermost telling heading title says the section is about. */
  topic?: 'practice' | 'problem' | 'cause' | 'next-step';
}

// Checked in this order, innermost heading first: 问题产生的原因 is about causes, not problems.
const TOPICS: [NonNullable<CompletionContext['topic']>, RegExp][] = [
  ['cause', /原因|根源|剖析/],
  ['next-step', /下一步|下步|打算|思路|计划|方向|措施|展望|今后/],
  ['problem', /问题|不足|差距|短板|薄弱|对照检查/],
  ['practice', /做法|成效|成绩|情况|工作|举措|经验|亮点|主要|实绩|履职|落实|加强|强化|推进|坚持/],
];

/** The headings a line falls under: at each level, the last heading that starts on or before it. */
export function headingPathAt(root: SectionNode, line: number): SectionNode[] {
  const path: SectionNode[] = [];
  let nodes = root.children;
  for (;;) {
    let found: SectionNode | undefined;
    for (const node of nodes) {
      if (node.kind !== 'heading') continue;
      if (node.line > line) break;
      found = node;
    }
    if (!found) return path;
    path.push(found);
    nodes = found.children;
  }
}

export function completionContext(doc: ReportDocument, position: Position, typedStart = position.character): CompletionContext {
  const { lineInfos, lines, root } = doc;
  const line = position.line;
  const current = lines[line] ?? '';
  const restOfLineBlank = /^[\s\u3000]*$/.test(current.slice(0, typedStart) + current.slice(position.character));
  let textBefore = false;
  for (let i = 0; i < line && !textBefore; i++) textBefore = !lineInfos[i].blank;
  let textAfter = false;
  for (let i = line + 1; i < lines.length && !textAfter; i++) textAfter = !lineInfos[i].blank;
  const emptyDocument = !textBefore && !textAfter && restOfLineBlank;
  const path = headingPathAt(root, line).filter((node) => node.line !== line || !restOfLineBlank);
  const closing = root.children.find((n) => n.kind === 'closing');
  const title = root.children.find((n) => n.kind === 'title');
  const inClosing = closing !== undefined && line >= closing.line;
  const inOpening = !emptyDocument && !inClosing && path.length === 0 && (title === undefined || line > title.range.end.line);
  let topic: CompletionContext['topic'];
  for (let i = path.length - 1; i >= 0 && !topic; i--) topic = TOPICS.find(([, re]) => re.test(path[i].title))?.[0];
  return { emptyDocument, atEnd: !textAfter && textBefore, inOpening, inClosing, path, topic };
}

/** Lower ranks come first; 5 is "no particular reason to expect it here". */
function rankFor(fn: PhraseFunction, context: CompletionContext): number {
  if (context.emptyDocument) return fn === 'skeleton' ? 0 : fn === 'opening' ? 1 : fn === 'term' ? 3 : 5;
  if (fn === 'skeleton') return 9;
  if (context.inClosing) return fn === 'closing' ? 0 : 6;
  if (fn === 'closing') return context.atEnd && context.path.length > 0 ? 0 : 7;
  if (fn === 'term') return 3;
  if (context.inOpening) return fn === 'opening' ? 0 : fn === 'transition' ? 2 : 5;
  if (context.topic) {
    if (fn === context.topic) return 1;
    if (fn === 'transition' || fn === 'structure') return 2;
    return 5;
  }
  return fn === 'practice' || fn === 'transition' || fn === 'structure' ? 2 : 5;
}

const NEWLINE_MARKER = /^([\s\u3000]*)([（(]|[一二三四五六七八九十]{1,3}|\d{1,2})?$/;
/**
 * Where the run of characters matching `test` that ends the text begins (text.length when none),
 * looking back at most `limit` code units.
 * A backwards scan: an end-anchored regex like /x+$/ retries from every start and is quadratic on long runs.
 */
function runStart(text: string, test: (codePoint: string) => boolean, limit: number): number {
  let start = text.length;
  while (start > 0) {
    // Only the last `limit` units matter; report a longer run as starting before them.
    if (text.length - start >= limit) return start - 1;
    const code = text.charCodeAt(start - 1);
    const width = start >= 2 && code >= 0xdc00 && code <= 0xdfff && isHighSurrogate(text.charCodeAt(start - 2)) ? 2 : 1;
    if (!test(text.slice(start - width, start))) break;
    start -= width;
  }
  return start;
}

const LATIN_RUN = /(?<![A-Za-z0-9_])[A-Za-z]{1,24}$/;

/** Completion items at a position (0-based line, UTF-16 character). */
export function complete(doc: ReportDocument, position: Position, catalog: PhraseCatalog): CompletionResult {
  const line = doc.lines[position.line];
  if (line === undefined || doc.ignoredLines.has(position.line)) return { items: [], isIncomplete: false };
  const character = Math.min(position.character, line.length);
  const before = line.slice(0, character);
  const after = line.slice(character);
  const items: CompletionCandidate[] = [];

  // 1. What was typed: pinyin initials, or Chinese suffixes of the line that begin some phrase. Every
  //    suffix counts (增强四个 → the triad; 四个 → the terms), longer ones first; each item replaces
  //    exactly the suffix it matched.
  const matches: { phrase: Phrase; key: string; start: number }[] = [];
  let typedStart = character;
  const latin = LATIN_RUN.exec(before);
  if (latin) {
    typedStart = latin.index;
    for (const m of catalog.withPinyinPrefix(latin[0])) matches.push({ ...m, start: latin.index });
  } else {
    const runIndex = runStart(before, isHan, catalog.maxPrefixLength + 2);
    if (runIndex < before.length) {
      const seen = new Set<Phrase>();
      const from = Math.max(runIndex, character - catalog.maxPrefixLength);
      for (let start = from; start < character; start++) {
        // Do not start inside a surrogate pair (𠮷).
        if (start > 0 && isLowSurrogate(before.charCodeAt(start)) && isHighSurrogate(before.charCodeAt(start - 1))) continue;
        const typed = before.slice(start);
        // A single character only counts at the start of a run (四 → 四个意识, not every 是 or 的).
        if (start > runIndex && [...typed].length < 2) break;
        if (!catalog.hasChinesePrefix(typed)) continue;
        if (matches.length === 0) typedStart = start;
        for (const m of catalog.withChinesePrefix(typed)) {
          if (seen.has(m.phrase)) continue;
          seen.add(m.phrase);
          matches.push({ ...m, start });
        }
      }
    }
  }
  const typing = latin !== null || runStart(before, isHan, 2) < before.length;
  const context = completionContext(doc, { line: position.line, character }, typedStart);

  // 2. The next heading number on a line that holds nothing else (or only the start of a marker).
  const marker = NEWLINE_MARKER.exec(before);
  if (marker && /^[\s\u3000]*$/.test(after) && !context.emptyDocument) {
    const start = marker[1].length;
    for (const [i, candidate] of nextMarkers(doc, position.line, context).entries()) {
      items.push({
        label: candidate.marker,
        kind: 'number',
        insertText: candidate.marker,
        snippet: false,
        range: range(position.line, start, character),
        filterText: candidate.marker,
        sortText: `a${String(i).padStart(2, '0')}`,
        detail: candidate.detail,
        preselect: i === 0,
      });
    }
  }

  // 3. Phrases: those matching what was typed, or, at a fresh position, those the context calls for.
  if (matches.length > 0) {
    for (const { phrase, key, start } of matches) {
      const item = phraseItem(phrase, key, rankFor(phrase.function, context), context, position.line, start, character, before, after);
      // The longer the match, the surer the guess: it sorts first.
      item.sortText = `b${String(99 - Math.min(99, character - start)).padStart(2, '0')}${item.sortText.slice(1)}`;
      items.push(item);
    }
  } else if (!typing) {
    for (const phrase of catalog.phrases) {
      const rank = rankFor(phrase.function, context);
      if (rank > 2) continue;
      items.push(phraseItem(phrase, phrase.prefixes[0], rank, context, position.line, character, character, before, after));
    }
  }
  // Typing goes on: a longer suffix may match other phrases, so the client should ask again.
  return { items, isIncomplete: typing };
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}
function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

function phraseItem(
  phrase: Phrase,
  key: string,
  rank: number,
  context: CompletionContext,
  line: number,
  start: number,
  end: number,
  before: string,
  after: string,
): CompletionCandidate {
  let insertText = phrase.body;
  // A term typed inside quotes: “四个 → “四个意识” without doubling the quotation marks.
  if (phrase.function === 'term' && insertText.startsWith('“') && insertText.endsWith('”') && before[start - 1] === '“') {
    insertText = insertText.slice(1, after.startsWith('”') ? -1 : undefined);
  }
  const single = !phrase.text.includes('\n');
  const label = phrase.function === 'skeleton' || phrase.function === 'structure' || !single ? phrase.name : phrase.text;
  const documentation = [phrase.description, single && label === phrase.text ? '' : phrase.text].filter(Boolean).join('\n\n');
  return {
    label,
    kind: phrase.function,
    insertText,
    snippet: true,
    range: range(line, start, end),
    filterText: key,
    sortText: `b${rank}${String(phrase.order).padStart(4, '0')}`,
    detail: FUNCTION_NAMES[phrase.function],
    documentation: documentation || undefined,
    preselect: context.emptyDocument && phrase.function === 'skeleton' && phrase.order === 0 ? true : undefined,
  };
}

interface MarkerCandidate {
  marker: string;
  detail: string;
}

/**
 * The markers that may come next on `line`: the next sibling of the innermost heading, the first
 * child under it, and the next sibling of each outer heading.
 */
export function nextMarkers(doc: ReportDocument, line: number, context: CompletionContext): MarkerCandidate[] {
  const path = context.path;
  const out: MarkerCandidate[] = [];
  const add = (level: HeadingLevel, number: number, detail: string) => {
    const marker = canonicalMarker(level, number);
    if (!out.some((c) => c.marker === marker)) out.push({ marker, detail });
  };
  if (path.length === 0) {
    if (!context.inClosing) add(1, 1, '一级标题：正文第一部分');
    return out;
  }
  const innermost = path[path.length - 1];
  // A run-in heading (（二）持之以恒正风肃纪。全年……) carries its body on its own line.
  let bodyText = innermost.heading?.runIn === true;
  for (let i = innermost.line + 1; i < line && !bodyText; i++) bodyText = !doc.lineInfos[i].blank;
  const child = innermost.level! < 4 ? ((innermost.level! + 1) as HeadingLevel) : undefined;
  const describe = (node: SectionNode) => `接“${node.marker}${node.title}”`;
  // Right under a heading, a first subheading is the likelier next step.
  if (child && !bodyText) add(child, 1, `${levelName(child)}：“${innermost.marker}${innermost.title}”下的第一项`);
  for (let i = path.length - 1; i >= 0; i--) {
    const node = path[i];
    if (node.level && node.number !== undefined) add(node.level, node.number + 1, `${levelName(node.level)}：${describe(node)}`);
  }
  if (child && bodyText) add(child, 1, `${levelName(child)}：“${innermost.marker}${innermost.title}”下的第一项`);
  return out;
}

function levelName(level: HeadingLevel): string {
  return ['', '一级标题', '二级标题', '三级标题', '四级标题'][level];
}
