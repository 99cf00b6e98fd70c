// `npm run eval -- FILE [--rules wrongchar|punctuation|other|all] [--mode sentence|document|both] [--even|--odd]
// [--list-fp] [--list-fn] [--list-tp] [--json]`: runs the checker on each sentence of a file in the ECSpell format
// (`n_wrong \t source \t target`) or the SIGHAN format (`source \t target`) and prints detection figures for error
// and warning diagnostics of one group of rules (by default the wrong-character rules; the other groups get a
// summary line): sentence-level and located figures, per sentence and with all sentences as one document (which
// is what a long report sees: document-level corroboration and the repetition filter apply).
import * as fs from 'node:fs';
import { parseArgs } from 'node:util';
import { Finding, Linter } from '../engine';
import { counted, countChars, per10k, productLinter } from './measure';

export interface Sentence {
  /** 1-based line number in the file. */
  line: number;
  source: string;
  target: string;
  /** UTF-16 offsets in `source` of the characters that differ from `target`. */
  wrong: number[];
}

export interface ParsedFile {
  sentences: Sentence[];
  /** Lines that could not be read as `n \t source \t target` or `source \t target`. */
  skipped: number;
  /** Sentences whose source and target differ in length (positions then come from the common prefix and suffix). */
  unequal: number;
}

/** Reads the ECSpell format (or SIGHAN's, without the count). Never throws on a bad line: it is counted and skipped. */
export function parseEcspell(text: string): ParsedFile {
  const sentences: Sentence[] = [];
  let skipped = 0;
  let unequal = 0;
  text.replace(/^\uFEFF/, '').split(/\r?\n/).forEach((raw, index) => {
    if (!raw.trim()) return;
    const parts = raw.split('\t');
    const counted = parts.length >= 3 && /^\s*\d+\s*$/.test(parts[0]);
    if (!counted && parts.length !== 2) {
      skipped++;
      return;
    }
    const source = counted ? parts[1] : parts[0];
    const target = counted ? parts.slice(2).join('\t') : parts[1];
    const wrong: number[] = [];
    if (source.length === target.length) {
      for (let i = 0; i < source.length; i++) if (source[i] !== target[i]) wrong.push(i);
    } else {
      unequal++;
      // Align what can be aligned: the common prefix and suffix; the middle of the source is wrong.
      let p = 0;
      while (p < source.length && p < target.length && source[p] === target[p]) p++;
      let s = 0;
      while (s < source.length - p && s < target.length - p && source[source.length - 1 - s] === target[target.length - 1 - s]) s++;
      for (let i = p; i < source.length - s; i++) wrong.push(i);
      if (wrong.length === 0 && source !== target) wrong.push(Math.min(p, source.length - 1));
    }
    sentences.push({ line: index + 1, source, target, wrong });
  });
  return { sentences, skipped, unequal };
}

/** The groups of rules that are scored apart: each answers a different question about a sentence. */
export type RuleGroup = 'wrongchar' | 'punctuation' | 'other';
export const RULE_GROUPS: readonly RuleGroup[] = ['wrongchar', 'punctuation', 'other'];
const GROUP_NAMES: Record<RuleGroup | 'all', string> = { wrongchar: '错别字类规则', punctuation: '标点类规则', other: '其他规则', all: '全部规则' };

/**
 * Rules that say a written character is wrong (the gold annotates those): suspected typos, misused words, and
 * a character off in an idiom or set phrase (再接再励) or in a full name that must be exact.
 */
const WRONG_CHAR_RULES = new Set(['suspect-char', 'misused-word', 'idiom', 'formulation-name', 'bixu', 'fanying', 'qiyong', 'quanli', 'zhiding', 'zuochu', 'jiezhi']);

/**
 * The group of a rule. Punctuation is apart because the legal and medical sources keep ASCII punctuation
 * that the gold does not annotate: a finding there is right and yet counts as a false alarm.
 */
export function ruleGroup(id: string): RuleGroup {
  if (WRONG_CHAR_RULES.has(id) || id.startsWith('context-pair')) return 'wrongchar';
  if (/punctuation|paired-marks|straight-quotes|ellipsis-dash|dunhao/.test(id)) return 'punctuation';
  return 'other';
}

/** How the sentences are checked: each alone, or all as the lines of one document (a long report). */
export type EvalMode = 'sentence' | 'document';

export interface RuleFigures {
  /** Findings on sentences with errors / on correct sentences. */
  onWrong: number;
  onCorrect: number;
  /** Sentences detected by this rule: with errors / correct. */
  truePositives: number;
  falsePositives: number;
  /** Wrong characters covered by this rule's findings. */
  charsHit: number;
}

export interface EvalResult {
  mode: EvalMode;
  group: RuleGroup | 'all';
  sentences: number;
  withErrors: number;
  correct: number;
  /** Sentences with errors that have a finding / correct sentences that have one. */
  truePositives: number;
  falsePositives: number;
  precision: number;
  recall: number;
  f1: number;
  /** Sentences with errors where a finding covers a wrong character (the finding is where the error is). */
  located: number;
  /** located / sentences with errors. */
  locatedRecall: number;
  /** located / sentences with a finding (a finding elsewhere in a wrong sentence counts as false here). */
  locatedPrecision: number;
  locatedF1: number;
  wrongChars: number;
  wrongCharsHit: number;
  charRecall: number;
  /** Of the wrong characters hit, how many had the target character as the first suggested fix. */
  correctedFirst: number;
  correctChars: number;
  falseAlarms: number;
  falseAlarmsPer10k: number;
  rules: Record<string, RuleFigures>;
  details: { sentence: Sentence; findings: Finding[] }[];
}

function covers(f: Finding, offset: number): boolean {
  return f.range.start.line === 0 && f.range.end.line === 0 && f.range.start.character <= offset && offset < f.range.end.character;
}

/** A finding of a document's line `line` as if that line were checked alone (line 0). */
function onLineZero(f: Finding, line: number): Finding {
  const move = (r: Finding['range']) => ({ start: { line: r.start.line - line, character: r.start.character }, end: { line: r.end.line - line, character: r.end.character } });
  return { ...f, range: move(f.range), fixes: f.fixes.map((fix) => ({ ...fix, edits: fix.edits.map((e) => ({ ...e, range: move(e.range) })) })) };
}

/**
 * The counted findings (error and warning) of each sentence. In document mode the sentences are the lines
 * of one plain-text document, and each finding goes to the line it starts on.
 */
export function lintSentences(sentences: readonly Sentence[], linter: Linter, mode: EvalMode): Finding[][] {
  if (mode === 'sentence') return sentences.map((s) => counted(linter.lint(s.source, 'plaintext').findings));
  const out: Finding[][] = sentences.map(() => []);
  for (const f of counted(linter.lint(sentences.map((s) => s.source).join('\n'), 'plaintext').findings)) {
    const line = f.range.start.line;
    if (line < out.length && f.range.end.line === line) out[line].push(onLineZero(f, line));
  }
  return out;
}

/** The figures for the findings of the rules `group` (all rules for 'all'). */
export function score(sentences: readonly Sentence[], findingsOf: readonly Finding[][], group: RuleGroup | 'all', mode: EvalMode): EvalResult {
  const r: EvalResult = {
    mode, group, sentences: sentences.length, withErrors: 0, correct: 0, truePositives: 0, falsePositives: 0, precision: 0, recall: 0, f1: 0,
    located: 0, locatedRecall: 0, locatedPrecision: 0, locatedF1: 0,
    wrongChars: 0, wrongCharsHit: 0, charRecall: 0, correctedFirst: 0, correctChars: 0, falseAlarms: 0, falseAlarmsPer10k: 0, rules: {}, details: [],
  };
  const rule = (id: string) => (r.rules[id] ??= { onWrong: 0, onCorrect: 0, truePositives: 0, falsePositives: 0, charsHit: 0 });
  sentences.forEach((sentence, index) => {
    const findings = findingsOf[index].filter((f) => group === 'all' || ruleGroup(f.rule) === group);
    r.details.push({ sentence, findings });
    const hasError = sentence.source !== sentence.target;
    const ids = new Set(findings.map((f) => f.rule));
    if (hasError) {
      r.withErrors++;
      if (findings.length) r.truePositives++;
      r.wrongChars += sentence.wrong.length;
      let located = false;
      for (const offset of sentence.wrong) {
        const hits = findings.filter((f) => covers(f, offset));
        if (hits.length) {
          r.wrongCharsHit++;
          located = true;
        }
        for (const id of new Set(hits.map((f) => f.rule))) rule(id).charsHit++;
        const first = hits[0]?.fixes[0]?.edits[0];
        if (first && first.range.start.character === offset && first.newText === sentence.target.slice(offset, first.range.end.character)) r.correctedFirst++;
      }
      if (located) r.located++;
      for (const f of findings) rule(f.rule).onWrong++;
      for (const id of ids) rule(id).truePositives++;
    } else {
      r.correct++;
      r.correctChars += countChars(sentence.source);
      if (findings.length) r.falsePositives++;
      r.falseAlarms += findings.length;
      for (const f of findings) rule(f.rule).onCorrect++;
      for (const id of ids) rule(id).falsePositives++;
    }
  });
  const f1 = (p: number, q: number) => (p + q ? (2 * p * q) / (p + q) : 0);
  const detected = r.truePositives + r.falsePositives;
  r.precision = detected ? r.truePositives / detected : 0;
  r.recall = r.withErrors ? r.truePositives / r.withErrors : 0;
  r.f1 = f1(r.precision, r.recall);
  r.locatedRecall = r.withErrors ? r.located / r.withErrors : 0;
  r.locatedPrecision = detected ? r.located / detected : 0;
  r.locatedF1 = f1(r.locatedPrecision, r.locatedRecall);
  r.charRecall = r.wrongChars ? r.wrongCharsHit / r.wrongChars : 0;
  r.falseAlarmsPer10k = per10k(r.falseAlarms, r.correctChars);
  return r;
}

/** Lints the sentences (each alone by default) and scores one group of rules (the wrong-character rules by default). */
export function evaluate(sentences: readonly Sentence[], linter: Linter, options: { group?: RuleGroup | 'all'; mode?: EvalMode } = {}): EvalResult {
  const mode = options.mode ?? 'sentence';
  return score(sentences, lintSentences(sentences, linter, mode), options.group ?? 'wrongchar', mode);
}

const f3 = (x: number) => x.toFixed(3);
const MODE_NAMES: Record<EvalMode, string> = { sentence: '逐句', document: '整篇' };

/** The figures of one group in one mode, in four lines. */
export function formatFigures(r: EvalResult): string[] {
  const m = MODE_NAMES[r.mode];
  return [
    `[${m}] 句级检出  precision ${f3(r.precision)}  recall ${f3(r.recall)}  F1 ${f3(r.f1)}  （检出有错句 ${r.truePositives}，误报正确句 ${r.falsePositives}）`,
    `[${m}] 定位检出  precision ${f3(r.locatedPrecision)}  recall ${f3(r.locatedRecall)}  F1 ${f3(r.locatedF1)}  （标出错字所在处的有错句 ${r.located}）`,
    `[${m}] 字级召回  ${f3(r.charRecall)}  （错字 ${r.wrongChars}，被标出 ${r.wrongCharsHit}，首选修改正确 ${r.correctedFirst}）`,
    `[${m}] 正确句误报  ${r.falseAlarms} 处 / ${r.correctChars} 字 = 每万字 ${r.falseAlarmsPer10k.toFixed(2)} 处`,
  ];
}

function ruleTable(r: EvalResult): string[] {
  const lines = [`按规则（${MODE_NAMES[r.mode]}）：               有错句上  正确句上  检出有错句  误报正确句  命中错字`];
  for (const [id, x] of Object.entries(r.rules).sort((a, b) => b[1].onWrong + b[1].onCorrect - a[1].onWrong - a[1].onCorrect)) {
    lines.push(`  ${id.padEnd(28)} ${String(x.onWrong).padStart(8)}  ${String(x.onCorrect).padStart(8)}  ${String(x.truePositives).padStart(10)}  ${String(x.falsePositives).padStart(10)}  ${String(x.charsHit).padStart(8)}`);
  }
  if (Object.keys(r.rules).length === 0) lines.push('  （无）');
  return lines;
}

/** The report: the chosen group in full (each mode), the other groups in one line each. */
export function formatResult(results: readonly EvalResult[], others: readonly EvalResult[], title: string): string {
  const first = results[0];
  const lines = [`${title}`, `句子 ${first.sentences}（有错 ${first.withErrors}，正确 ${first.correct}）；只计 error 与 warning；${GROUP_NAMES[first.group]}`];
  for (const r of results) lines.push(...formatFigures(r));
  for (const r of results) lines.push('', ...ruleTable(r));
  if (others.length) {
    lines.push('', '其他规则组（另计）：');
    for (const r of others) {
      lines.push(`  ${GROUP_NAMES[r.group]}[${MODE_NAMES[r.mode]}]  检出有错句 ${r.truePositives}  误报正确句 ${r.falsePositives}  命中错字 ${r.wrongCharsHit}  正确句每万字误报 ${r.falseAlarmsPer10k.toFixed(2)}`);
    }
  }
  return lines.join('\n');
}

function describe(sentence: Sentence, findings: Finding[]): string {
  const marks = findings.map((f) => `    [${f.rule}] ${f.range.start.character}-${f.range.end.character} “${sentence.source.slice(f.range.start.character, f.range.end.character)}” ${f.message}`);
  return [`  第 ${sentence.line} 行：${sentence.source}`, sentence.source !== sentence.target ? `    正确：${sentence.target}` : '', ...marks].filter(Boolean).join('\n');
}

const USAGE =
  '用法：npm run eval -- FILE [--rules wrongchar|punctuation|other|all] [--mode sentence|document|both] [--even|--odd] [--list-fp] [--list-fn] [--list-tp] [--json]\n' +
  '  FILE 为 ECSpell 格式（每行：错字数 TAB 原句 TAB 正确句）或 SIGHAN 格式（每行：原句 TAB 正确句）\n' +
  '  --rules 默认只评错别字类规则（标点类与其他规则另计一行）；--mode 默认逐句与整篇（全部句子作为一篇文档）都评\n';

export function main(argv: string[]): number {
  let parsedArgs;
  try {
    parsedArgs = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        rules: { type: 'string', default: 'wrongchar' },
        mode: { type: 'string', default: 'both' },
        even: { type: 'boolean', default: false },
        odd: { type: 'boolean', default: false },
        'list-fp': { type: 'boolean', default: false },
        'list-fn': { type: 'boolean', default: false },
        'list-tp': { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
      },
    });
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsedArgs;
  const group = values.rules as RuleGroup | 'all';
  const modes: EvalMode[] = values.mode === 'both' ? ['sentence', 'document'] : [values.mode as EvalMode];
  if (positionals.length !== 1 || !['wrongchar', 'punctuation', 'other', 'all'].includes(group) || !modes.every((m) => m === 'sentence' || m === 'document')) {
    process.stderr.write(USAGE);
    return 2;
  }
  let text: string;
  try {
    text = fs.readFileSync(positionals[0], 'utf8');
  } catch (e) {
    process.stderr.write(`无法读取 ${positionals[0]}：${(e as Error).message}\n`);
    return 2;
  }
  const parsed = parseEcspell(text);
  let sentences = parsed.sentences;
  if (values.even) sentences = sentences.filter((s) => s.line % 2 === 0);
  if (values.odd) sentences = sentences.filter((s) => s.line % 2 === 1);
  const linter = productLinter();
  const results: EvalResult[] = [];
  const others: EvalResult[] = [];
  for (const mode of modes) {
    const findings = lintSentences(sentences, linter, mode);
    results.push(score(sentences, findings, group, mode));
    if (group !== 'all') for (const g of RULE_GROUPS) if (g !== group) others.push(score(sentences, findings, g, mode));
  }
  if (values.json) {
    const strip = ({ details: _details, ...figures }: EvalResult) => figures;
    process.stdout.write(JSON.stringify({ results: results.map(strip), others: others.map(strip) }, null, 2) + '\n');
    return 0;
  }
  const subset = values.even ? '（偶数行）' : values.odd ? '（奇数行）' : '';
  process.stdout.write(formatResult(results, others, `评测 ${positionals[0]}${subset}`) + '\n');
  if (parsed.skipped || parsed.unequal) process.stdout.write(`\n跳过无法解析的行 ${parsed.skipped}；原句与正确句长度不同 ${parsed.unequal}（按公共前后缀对齐）\n`);
  const detail = results[0];
  const list = (title: string, pick: (d: EvalResult['details'][number]) => boolean) => {
    process.stdout.write(`\n${title}（${MODE_NAMES[detail.mode]}，${GROUP_NAMES[detail.group]}）\n`);
    for (const d of detail.details) if (pick(d)) process.stdout.write(describe(d.sentence, d.findings) + '\n');
  };
  if (values['list-fp']) list('误报（正确句上的提示）：', (d) => d.sentence.source === d.sentence.target && d.findings.length > 0);
  if (values['list-tp']) list('检出的有错句：', (d) => d.sentence.source !== d.sentence.target && d.findings.length > 0);
  if (values['list-fn']) list('漏报的有错句：', (d) => d.sentence.source !== d.sentence.target && d.findings.length === 0);
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
