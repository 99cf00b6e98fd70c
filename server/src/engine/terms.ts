import data from '../../data/standard-terms.json';
import { PhraseTrie } from './phrases';
import type { Severity } from './types';

/** A standard political formulation (规范表述) from server/data/standard-terms.json. */
export interface StandardTerm {
  term: string;
  aliases?: string[];
  /** Its full content, in Chinese. */
  full: string;
  /** How it is used (collocations, formatting), in Chinese. */
  usage: string;
  /** A numbered shorthand that takes quotation marks (“四风”), never 书名号. */
  quoted?: boolean;
  /** Verbs that must not govern the term, and the verb to use instead. */
  collocations?: { wrong: string[]; right: string }[];
  wrongForms?: WrongForm[];
  /** Completion snippets; `npm run snippets` writes them to snippets/terms.json. */
  snippets?: { prefix?: string; body: string; description?: string }[];
}

export interface WrongForm {
  text: string;
  right: string;
  /** One of these must immediately precede / follow the wrong text… */
  precededBy?: string[];
  followedBy?: string[];
  /** …and none of these. */
  notPrecededBy?: string[];
  notFollowedBy?: string[];
  /** The replacement is certainly right (fix-all may apply it). */
  safe: boolean;
  severity?: Severity;
  note?: string;
}

export const STANDARD_TERMS: readonly StandardTerm[] = (data as { terms: StandardTerm[] }).terms;

/** Every name of every term (term and aliases) → the term. */
const NAMES = new PhraseTrie<StandardTerm>();
/** Every known wrong form → the form and its term. */
const WRONG = new PhraseTrie<{ form: WrongForm; term: StandardTerm }[]>();
for (const term of STANDARD_TERMS) {
  NAMES.add(term.term, term);
  for (const alias of term.aliases ?? []) NAMES.add(alias, term);
}
{
  const byText = new Map<string, { form: WrongForm; term: StandardTerm }[]>();
  for (const term of STANDARD_TERMS) {
    for (const form of term.wrongForms ?? []) byText.set(form.text, [...(byText.get(form.text) ?? []), { form, term }]);
  }
  for (const [text, forms] of byText) WRONG.add(text, forms);
}

export interface TermOccurrence {
  term: StandardTerm;
  /** The text found (the term or one of its aliases) and where, in UTF-16 code units of the line. */
  text: string;
  start: number;
  end: number;
}

/** Every occurrence of a standard term in a line, left to right, the longest name at each place. */
export function termsIn(line: string): TermOccurrence[] {
  return NAMES.scan(line).map((m) => ({ term: m.value, text: line.slice(m.start, m.end), start: m.start, end: m.end }));
}

/** The standard term under `character` (a UTF-16 offset in `line`), the longest one if several cover it. */
export function termAt(line: string, character: number): TermOccurrence | undefined {
  let best: TermOccurrence | undefined;
  // A name is at most a few dozen characters long: look only at starts that can reach `character`.
  const from = Math.max(0, character - 64);
  for (let i = from; i <= character && i < line.length; i++) {
    const matches = NAMES.matchesAt(line, i);
    for (const m of matches) {
      const covers = m.start <= character && character < m.end;
      if (covers && (!best || m.end - m.start > best.end - best.start)) {
        best = { term: m.value, text: line.slice(m.start, m.end), start: m.start, end: m.end };
      }
    }
  }
  return best;
}

/**
 * Hover text for a term, in Chinese Markdown. Mind CommonMark's flanking rules: a closing `**` right
 * after punctuation must be followed by punctuation or a space, so `**用法：**常见…` would show its
 * asterisks; `**用法**：` is bold.
 */
export function termMarkdown(term: StandardTerm): string {
  const name = term.quoted ? `“${term.term}”` : term.term;
  const parts = [`**${name}**（规范表述）`, '', term.full, '', `**用法**：${term.usage}`];
  if (term.aliases?.length) parts.push('', `也写作：${term.aliases.join('、')}`);
  return parts.join('\n');
}

export interface WrongFormMatch {
  start: number;
  end: number;
  form: WrongForm;
  term: StandardTerm;
}

function contextOk(line: string, start: number, end: number, form: WrongForm): boolean {
  const before = line.slice(Math.max(0, start - 16), start);
  const after = line.slice(end, end + 16);
  if (form.precededBy && !form.precededBy.some((p) => before.endsWith(p))) return false;
  if (form.notPrecededBy && form.notPrecededBy.some((p) => before.endsWith(p))) return false;
  if (form.followedBy && !form.followedBy.some((p) => after.startsWith(p))) return false;
  if (form.notFollowedBy && form.notFollowedBy.some((p) => after.startsWith(p))) return false;
  return true;
}

/** Known wrong forms of standard terms in a line (one trie pass; longest acceptable form at each place). */
export function wrongFormsIn(line: string): WrongFormMatch[] {
  const result: WrongFormMatch[] = [];
  let i = WRONG.nextStart(line, 0);
  while (i < line.length) {
    let next = 0;
    const candidates = WRONG.matchesAt(line, i);
    for (let k = candidates.length - 1; k >= 0 && !next; k--) {
      const m = candidates[k];
      const hit = m.value.find(({ form }) => contextOk(line, m.start, m.end, form));
      if (hit) {
        result.push({ start: m.start, end: m.end, ...hit });
        next = m.end;
      }
    }
    i = WRONG.nextStart(line, next || i + (line.codePointAt(i)! > 0xffff ? 2 : 1));
  }
  return result;
}
