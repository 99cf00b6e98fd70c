// `npm run eval -- FILE [--even|--odd] [--list-fp] [--list-fn] [--list-tp] [--json]`: runs the checker on each sentence of
// a file in the ECSpell format (`n_wrong \t source \t target`) and prints detection figures for error
// and warning diagnostics.
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
  /** Lines that could not be read as `n \t source \t target`. */
  skipped: number;
  /** Sentences whose source and target differ in length (positions then come from the common prefix and suffix). */
  unequal: number;
}

/** Reads the ECSpell format. Never throws on a bad line: it is counted and skipped. */
export function parseEcspell(text: string): ParsedFile {
  const sentences: Sentence[] = [];
  let skipped = 0;
  let unequal = 0;
  text.replace(/^\uFEFF/, '').split(/\r?\n/).forEach((raw, index) => {
    if (!raw.trim()) return;
    const parts = raw.split('\t');
    if (parts.length < 3 || !/^\s*\d+\s*$/.test(parts[0])) {
      skipped++;
      return;
    }
    const source = parts[1];
    const target = parts.slice(2).join('\t');
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
  sentences: number;
  withErrors: number;
  correct: number;
  truePositives: number;
  falsePositives: number;
  precision: number;
  recall: number;
  f1: number;
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

export function evaluate(sentences: readonly Sentence[], linter: Linter): EvalResult {
  const r: EvalResult = {
    sentences: sentences.length, withErrors: 0, correct: 0, truePositives: 0, falsePositives: 0, precision: 0, recall: 0, f1: 0,
    wrongChars: 0, wrongCharsHit: 0, charRecall: 0, correctedFirst: 0, correctChars: 0, falseAlarms: 0, falseAlarmsPer10k: 0, rules: {}, details: [],
  };
  const rule = (id: string) => (r.rules[id] ??= { onWrong: 0, onCorrect: 0, truePositives: 0, falsePositives: 0, charsHit: 0 });
  for (const sentence of sentences) {
    const findings = counted(linter.lint(sentence.source, 'plaintext').findings);
    r.details.push({ sentence, findings });
    const hasError = sentence.source !== sentence.target;
    const ids = new Set(findings.map((f) => f.rule));
    if (hasError) {
      r.withErrors++;
      if (findings.length) r.truePositives++;
      r.wrongChars += sentence.wrong.length;
      for (const offset of sentence.wrong) {
        const hits = findings.filter((f) => covers(f, offset));
        if (hits.length) r.wrongCharsHit++;
        for (const id of new Set(hits.map((f) => f.rule))) rule(id).charsHit++;
        const first = hits[0]?.fixes[0]?.edits[0];
        if (first && first.range.start.character === offset && first.newText === sentence.target.slice(offset, first.range.end.character)) r.correctedFirst++;
      }
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
  }
  const detected = r.truePositives + r.falsePositives;
  r.precision = detected ? r.truePositives / detected : 0;
  r.recall = r.withErrors ? r.truePositives / r.withErrors : 0;
  r.f1 = r.precision + r.recall ? (2 * r.precision * r.recall) / (r.precision + r.recall) : 0;
  r.charRecall = r.wrongChars ? r.wrongCharsHit / r.wrongChars : 0;
  r.falseAlarmsPer10k = per10k(r.falseAlarms, r.correctChars);
  return r;
}

const f3 = (x: number) => x.toFixed(3);

export function formatResult(r: EvalResult, title: string): string {
  const lines = [
    `${title}`,
    `句子 ${r.sentences}（有错 ${r.withErrors}，正确 ${r.correct}）；只计 error 与 warning`,
    `句级检出  precision ${f3(r.precision)}  recall ${f3(r.recall)}  F1 ${f3(r.f1)}  （检出有错句 ${r.truePositives}，误报正确句 ${r.falsePositives}）`,
    `字级召回  ${f3(r.charRecall)}  （错字 ${r.wrongChars}，被标出 ${r.wrongCharsHit}，首选修改正确 ${r.correctedFirst}）`,
    `正确句误报  ${r.falseAlarms} 处 / ${r.correctChars} 字 = 每万字 ${r.falseAlarmsPer10k.toFixed(2)} 处`,
    '',
    '按规则：                       有错句上  正确句上  检出有错句  误报正确句  命中错字',
  ];
  for (const [id, x] of Object.entries(r.rules).sort((a, b) => b[1].onWrong + b[1].onCorrect - a[1].onWrong - a[1].onCorrect)) {
    lines.push(`  ${id.padEnd(28)} ${String(x.onWrong).padStart(8)}  ${String(x.onCorrect).padStart(8)}  ${String(x.truePositives).padStart(10)}  ${String(x.falsePositives).padStart(10)}  ${String(x.charsHit).padStart(8)}`);
  }
  if (Object.keys(r.rules).length === 0) lines.push('  （无）');
  return lines.join('\n');
}

function describe(sentence: Sentence, findings: Finding[]): string {
  const marks = findings.map((f) => `    [${f.rule}] ${f.range.start.character}-${f.range.end.character} “${sentence.source.slice(f.range.start.character, f.range.end.character)}” ${f.message}`);
  return [`  第 ${sentence.line} 行：${sentence.source}`, sentence.source !== sentence.target ? `    正确：${sentence.target}` : '', ...marks].filter(Boolean).join('\n');
}

export function main(argv: string[]): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      even: { type: 'boolean', default: false },
      odd: { type: 'boolean', default: false },
      'list-fp': { type: 'boolean', default: false },
      'list-fn': { type: 'boolean', default: false },
      'list-tp': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
  });
  if (positionals.length !== 1) {
    process.stderr.write('用法：npm run eval -- FILE [--even|--odd] [--list-fp] [--list-fn] [--list-tp] [--json]\n  FILE 为 ECSpell 格式（每行：错字数 TAB 原句 TAB 正确句）\n');
    return 2;
  }
  const parsed = parseEcspell(fs.readFileSync(positionals[0], 'utf8'));
  let sentences = parsed.sentences;
  if (values.even) sentences = sentences.filter((s) => s.line % 2 === 0);
  if (values.odd) sentences = sentences.filter((s) => s.line % 2 === 1);
  const result = evaluate(sentences, productLinter());
  if (values.json) {
    const { details: _details, ...figures } = result;
    process.stdout.write(JSON.stringify(figures, null, 2) + '\n');
    return 0;
  }
  const subset = values.even ? '（偶数行）' : values.odd ? '（奇数行）' : '';
  process.stdout.write(formatResult(result, `评测 ${positionals[0]}${subset}`) + '\n');
  if (parsed.skipped || parsed.unequal) process.stdout.write(`\n跳过无法解析的行 ${parsed.skipped}；原句与正确句长度不同 ${parsed.unequal}（按公共前后缀对齐）\n`);
  const list = (title: string, pick: (d: EvalResult['details'][number]) => boolean) => {
    process.stdout.write(`\n${title}\n`);
    for (const d of result.details) if (pick(d)) process.stdout.write(describe(d.sentence, d.findings) + '\n');
  };
  if (values['list-fp']) list('误报（正确句上的提示）：', (d) => d.sentence.source === d.sentence.target && d.findings.length > 0);
  if (values['list-tp']) list('检出的有错句：', (d) => d.sentence.source !== d.sentence.target && d.findings.length > 0);
  if (values['list-fn']) list('漏报的有错句：', (d) => d.sentence.source !== d.sentence.target && d.findings.length === 0);
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
