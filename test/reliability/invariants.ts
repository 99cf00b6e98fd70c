// Invariants every engine result must satisfy, whatever the text. Shared by the property tests.
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  ALL_RULES,
  applyEdits,
  countVisibleChars,
  Finding,
  Range,
  ReportDocument,
  resolveConfig,
  ResolvedConfig,
  SectionNode,
  TextEdit,
} from '../../server/src/engine';

export const ROOT = path.resolve(__dirname, '..', '..', '..');

/** Every registered rule switched on (including rules that are off by default), at its default severity. */
export function allRulesConfig(extra: Record<string, unknown> = {}): ResolvedConfig {
  const rules: Record<string, string> = {};
  for (const rule of ALL_RULES) rules[rule.id] = rule.defaultSeverity;
  const { config, problems } = resolveConfig({ rules, ...extra });
  if (problems.length) throw new Error(problems.join('; '));
  return config;
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** True when `character` falls between the two halves of a surrogate pair. */
export function splitsPair(line: string, character: number): boolean {
  return character > 0 && character < line.length && isHigh(line.charCodeAt(character - 1)) && isLow(line.charCodeAt(character));
}

export function checkRange(lines: string[], r: Range, what: string): void {
  const fail = (why: string) => {
    throw new Error(`${what}: ${why}: ${JSON.stringify(r)} (lines: ${lines.length})`);
  };
  for (const p of [r.start, r.end]) {
    if (!Number.isInteger(p.line) || !Number.isInteger(p.character) || p.line < 0 || p.character < 0) fail('not a position');
    if (p.line >= lines.length) fail('line past the end');
    if (p.character > lines[p.line].length) fail(`character past the line end (${lines[p.line].length})`);
    if (splitsPair(lines[p.line], p.character)) fail('splits a surrogate pair');
  }
  if (r.start.line > r.end.line || (r.start.line === r.end.line && r.start.character > r.end.character)) fail('start after end');
}

const before = (a: Range['start'], b: Range['start']) => a.line - b.line || a.character - b.character;

export function checkEditsWellFormed(lines: string[], edits: readonly TextEdit[], what: string): void {
  edits.forEach((e, i) => {
    checkRange(lines, e.range, `${what} edit ${i}`);
    if (typeof e.newText !== 'string') throw new Error(`${what}: edit ${i} has no newText`);
  });
  const sorted = [...edits].sort((a, b) => before(a.range.start, b.range.start));
  for (let i = 1; i < sorted.length; i++) {
    if (before(sorted[i - 1].range.end, sorted[i].range.start) > 0) throw new Error(`${what}: edits overlap: ${JSON.stringify(sorted.slice(i - 1, i + 1))}`);
  }
}

const RULE_IDS = new Set([...ALL_RULES.map((r) => r.id), 'document-size']);

export function checkFindings(lines: string[], findings: readonly Finding[]): void {
  for (const f of findings) {
    const what = `finding ${f.rule}`;
    if (!RULE_IDS.has(f.rule)) throw new Error(`unknown rule id ${f.rule}`);
    if (typeof f.message !== 'string' || !f.message.trim()) throw new Error(`${what}: empty message`);
    if (!['error', 'warning', 'information', 'hint'].includes(f.severity)) throw new Error(`${what}: bad severity ${f.severity}`);
    checkRange(lines, f.range, what);
    for (const fix of f.fixes) {
      if (!fix.title) throw new Error(`${what}: fix without a title`);
      checkEditsWellFormed(lines, fix.edits, `${what} fix “${fix.title}”`);
    }
  }
}

/** Visible characters of a range, counting only lines the parser analyses (Markdown code is excluded). */
export function visibleCharsIn(document: ReportDocument, r: Range): number {
  let n = 0;
  for (let line = r.start.line; line <= r.end.line; line++) {
    if (document.ignoredLines.has(line)) continue;
    const text = document.lines[line];
    const from = line === r.start.line ? r.start.character : 0;
    const to = line === r.end.line ? r.end.character : text.length;
    n += countVisibleChars(text.slice(from, to));
  }
  return n;
}

const within = (inner: Range, outer: Range) => before(outer.start, inner.start) <= 0 && before(inner.end, outer.end) <= 0;

/** The section tree nests, is ordered, and each node's character count matches its range. */
export function checkTree(document: ReportDocument): number {
  const { lines, root } = document;
  const last = lines.length - 1;
  if (before(root.range.start, { line: 0, character: 0 }) !== 0 || before(root.range.end, { line: last, character: lines[last].length }) !== 0) {
    throw new Error(`root range does not cover the document: ${JSON.stringify(root.range)}`);
  }
  let nodes = 0;
  const visit = (node: SectionNode) => {
    let previous: SectionNode | undefined;
    for (const child of node.children) {
      nodes++;
      const what = `${child.kind} “${child.marker}${child.title}” (line ${child.line})`;
      checkRange(lines, child.range, what);
      checkRange(lines, child.selectionRange, `${what} selection`);
      if (!within(child.selectionRange, child.range)) throw new Error(`${what}: selection ${JSON.stringify(child.selectionRange)} outside range ${JSON.stringify(child.range)}`);
      if (!within(child.range, node.range)) throw new Error(`${what}: range ${JSON.stringify(child.range)} outside parent ${node.kind} ${JSON.stringify(node.range)}`);
      if (child.range.start.line !== child.line) throw new Error(`${what}: line ${child.line} is not where the range starts`);
      if (previous && before(previous.range.end, child.range.start) > 0) {
        throw new Error(`${what}: overlaps or precedes its previous sibling ${previous.kind} ${JSON.stringify(previous.range)}`);
      }
      const counted = visibleCharsIn(document, child.range);
      if (child.chars !== counted) throw new Error(`${what}: chars ${child.chars} but its range holds ${counted} visible characters`);
      if (child.parent !== node) throw new Error(`${what}: wrong parent`);
      previous = child;
      visit(child);
    }
  };
  visit(root);
  // The top-level parts together hold every visible character of the document.
  const total = visibleCharsIn(document, root.range);
  if (root.chars !== total) throw new Error(`root chars ${root.chars} but the document has ${total} visible characters`);
  return nodes;
}

/** Applies edits and asserts that text outside the edited ranges is untouched and every edit applied. */
export function applyChecked(text: string, edits: readonly TextEdit[], what: string): string {
  const { text: result, applied } = applyEdits(text, edits);
  if (applied !== edits.length) throw new Error(`${what}: only ${applied} of ${edits.length} edits applied (overlap?)`);
  // Independent reference: rebuild the result from the untouched pieces.
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\n' || (text[i] === '\r' && text[i + 1] !== '\n')) starts.push(i + 1);
  }
  const offset = (p: { line: number; character: number }) => starts[p.line] + p.character;
  const sorted = [...edits].sort((a, b) => before(a.range.start, b.range.start));
  let expected = '';
  let cursor = 0;
  for (const e of sorted) {
    expected += text.slice(cursor, offset(e.range.start)) + e.newText;
    cursor = offset(e.range.end);
  }
  expected += text.slice(cursor);
  if (expected !== result) throw new Error(`${what}: applying the edits changed text outside their ranges`);
  return result;
}

/** Short strings from every JSON data file (word lists of the rules), so that random text hits the rules. */
export function dataWords(limit = 3000): string[] {
  const words = new Set<string>();
  const dir = path.join(ROOT, 'server', 'data');
  const walk = (value: unknown) => {
    if (words.size >= limit) return;
    if (typeof value === 'string') {
      if (value.length >= 1 && value.length <= 12) words.add(value);
    } else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        if (k.length <= 12 && /[^\x00-\x7f]/.test(k)) words.add(k);
        walk(v);
      }
    }
  };
  const visitDir = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, entry.name);
      if (entry.isDirectory()) visitDir(p);
      else if (entry.name.endsWith('.json')) {
        try {
          walk(JSON.parse(fs.readFileSync(p, 'utf8')));
        } catch {
          /* not our concern here */
        }
      }
    }
  };
  visitDir(dir);
  return [...words];
}

/** Figures printed by the reliability tests, collected for docs/notes/reliability.md. */
export function report(line: string): void {
  process.stdout.write(`[reliability] ${line}\n`);
}
