import { ResolvedConfig } from './config';
import { ReportDocument } from './document';
import { Finding } from './types';

// <!-- gongwen-disable-next-line rule-a rule-b -->, <!-- gongwen-disable rule --> (rest of the file),
// and the same words after # or // at a line start in plain text ("# gongwen-disable-next-line …").
// Only the anchored head is a regular expression; the tail is taken apart with string operations, because
// /([^>]*?)(?:-->)?\s*$/ backtracks quadratically on a long line of spaces.
const DIRECTIVE = /^\s*(?:<!--|#|\/\/)\s*gongwen-(disable-next-line|disable-line|disable)\b/;

interface Directive {
  kind: 'disable-next-line' | 'disable-line' | 'disable';
  /** Empty means every rule. */
  rules: Set<string>;
}

function parseDirective(line: string): Directive | undefined {
  if (!line.includes('gongwen-')) return undefined;
  const m = DIRECTIVE.exec(line);
  if (!m) return undefined;
  let rest = line.slice(m[0].length).trimEnd();
  if (rest.endsWith('-->')) rest = rest.slice(0, -3);
  if (rest.includes('>')) return undefined;
  const rules = new Set(rest.split(/[\s,，]+/).filter(Boolean));
  return { kind: m[1] as Directive['kind'], rules };
}

const matches = (d: Directive, rule: string) => d.rules.size === 0 || d.rules.has(rule);

/**
 * Drops findings that the document's disable comments or the ignored words switch off. `text`, the
 * document's text when the caller has it, lets a document without directives skip the line scan.
 */
export function applySuppressions(findings: Finding[], document: ReportDocument, config: ResolvedConfig, fileKey?: string, text?: string): Finding[] {
  const { lines } = document;
  const fileSettings = fileKey !== undefined ? config.files.get(fileKey) : undefined;
  const fileDisabled = new Set(fileSettings?.disable ?? []);
  // Line switches from the configuration file: rule → the trimmed texts of the lines it is off on.
  const lineDisabled = new Map<string, Set<string>>();
  for (const { rule, line } of fileSettings?.disableLines ?? []) {
    let set = lineDisabled.get(rule);
    if (!set) lineDisabled.set(rule, (set = new Set()));
    set.add(line);
  }
  const fileWide: Directive[] = [];
  const perLine = new Map<number, Directive[]>();
  // Directives are rare: find candidate lines cheaply before parsing them.
  for (let i = text !== undefined && text.indexOf('gongwen-') < 0 ? lines.length : 0; i < lines.length; i++) {
    const directive = lines[i].indexOf('gongwen-') >= 0 ? parseDirective(lines[i]) : undefined;
    if (!directive) continue;
    if (directive.kind === 'disable') fileWide.push(directive);
    else {
      const target = directive.kind === 'disable-next-line' ? i + 1 : i;
      perLine.set(target, [...(perLine.get(target) ?? []), directive]);
    }
  }
  const ignore = config.ignoreWords;
  if (!fileWide.length && !perLine.size && !ignore.size && !fileDisabled.size && !lineDisabled.size) return findings;
  return findings.filter((f) => {
    if (fileDisabled.has(f.rule)) return false;
    const offLines = lineDisabled.get(f.rule);
    if (offLines && offLines.has((lines[f.range.start.line] ?? '').trim())) return false;
    if (fileWide.some((d) => matches(d, f.rule))) return false;
    const local = perLine.get(f.range.start.line);
    if (local && local.some((d) => matches(d, f.rule))) return false;
    if (ignore.size && f.range.start.line === f.range.end.line) {
      const text = lines[f.range.start.line].slice(f.range.start.character, f.range.end.character);
      if (ignore.has(text)) return false;
    }
    return true;
  });
}
