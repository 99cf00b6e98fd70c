// `npm run eval:terms -- [FILE] [--half a|b] [--list]`: the formulation, name, idiom, collocation and
// redundancy evaluation set (benchmarks/data/terms-eval.tsv: `category \t wrong \t right`, or
// `category \t - \t sentence` for a sentence that must stay clean). Prints, per category, the share of
// erroneous sentences with a finding on the changed characters (any rule, any severity) and the correct
// twins with any finding of the term rules. Halves: a = the 1st, 3rd… pair of each category, b = the others.
// `--corpus FOLDER`: instead, every finding of the issue-15 rules (any severity) on the reports of a folder.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import type { Finding } from '../engine';
import { reportFiles } from './fp';
import { countChars, per10k, productLinter } from './measure';

/** The rules this set is about: a finding of another rule on a correct twin is shown but not counted. */
export const TERM_RULES = new Set([
  'formulation-items', 'formulation-name', 'outdated-formulation', 'discouraged-word', 'idiom', 'collocation', 'redundancy',
  'standard-term', 'misused-word', 'approximation', 'context-pairs',
]);

interface Pair {
  line: number;
  category: string;
  wrong?: string;
  right: string;
  half: 'a' | 'b';
}

export function readPairs(text: string): Pair[] {
  const seen = new Map<string, number>();
  const out: Pair[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    if (!raw.trim() || raw.startsWith('#')) return;
    const [category, wrong, right] = raw.split('\t');
    if (!category || !wrong || !right) throw new Error(`第 ${i + 1} 行格式不对（应为“类别\\t错误句\\t正确句”）`);
    const k = seen.get(category) ?? 0;
    seen.set(category, k + 1);
    out.push({ line: i + 1, category, wrong: wrong === '-' ? undefined : wrong, right, half: k % 2 === 0 ? 'a' : 'b' });
  });
  return out;
}

/** Where `wrong` differs from `right`: the span between the common beginning and end (widened by one for a dropped character). */
export function changedSpan(wrong: string, right: string): [number, number] {
  let p = 0;
  while (p < wrong.length && p < right.length && wrong[p] === right[p]) p++;
  let s = 0;
  while (s < wrong.length - p && s < right.length - p && wrong[wrong.length - 1 - s] === right[right.length - 1 - s]) s++;
  const end = wrong.length - s;
  return end > p ? [p, end] : [Math.max(0, p - 1), Math.min(wrong.length, p + 1)];
}

const overlaps = (f: Finding, [s, e]: [number, number]) => f.range.start.line === 0 && f.range.start.character < e && s < f.range.end.character;
const show = (f: Finding) => `${f.rule}/${f.severity} ${f.range.start.character}-${f.range.end.character} ${f.message}`;

/** The rules of issue 15 (formulations, names, idioms, collocations, repetition). */
const ISSUE_RULES = new Set(['formulation-items', 'formulation-name', 'outdated-formulation', 'discouraged-word', 'idiom', 'collocation', 'redundancy']);

function corpus(folder: string): void {
  const linter = productLinter();
  let chars = 0;
  let counted = 0;
  let all = 0;
  for (const file of reportFiles(folder)) {
    const text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
    chars += countChars(text);
    const lines = text.split(/\r?\n/);
    for (const f of linter.lint(text, file.endsWith('.md') ? 'markdown' : 'plaintext').findings) {
      if (!ISSUE_RULES.has(f.rule)) continue;
      all++;
      if (f.severity === 'error' || f.severity === 'warning') counted++;
      const line = lines[f.range.start.line];
      const context = line.slice(Math.max(0, f.range.start.character - 12), f.range.end.character + 12);
      console.log(`${path.basename(file)}:${f.range.start.line + 1} ${f.severity} [${f.rule}] ${f.message}\n    …${context}…`);
    }
  }
  console.log(`共 ${chars} 字：这些规则的提示 ${all} 条，其中错误和警告 ${counted} 条，每万字 ${per10k(counted, chars).toFixed(2)} 条`);
}

function main(): void {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { half: { type: 'string' }, list: { type: 'boolean' }, corpus: { type: 'string' } } });
  if (values.corpus) return corpus(values.corpus);
  const file = positionals[0] ?? path.resolve(__dirname, '..', '..', '..', '..', 'benchmarks', 'data', 'terms-eval.tsv');
  let pairs: Pair[];
  try {
    pairs = readPairs(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    console.error(`无法读取评测集 ${file}：${(e as Error).message}`);
    process.exit(2);
  }
  if (values.half) pairs = pairs.filter((p) => p.half === values.half);
  const linter = productLinter();
  const rows = new Map<string, { errors: number; found: number; twins: number; alarms: number }>();
  const total = { errors: 0, found: 0, twins: 0, alarms: 0 };
  const byRule: Record<string, number> = {};
  for (const p of pairs) {
    const row = rows.get(p.category) ?? { errors: 0, found: 0, twins: 0, alarms: 0 };
    rows.set(p.category, row);
    if (p.wrong) {
      const span = changedSpan(p.wrong, p.right);
      const hits = linter.lint(p.wrong, 'plaintext').findings.filter((f) => overlaps(f, span));
      row.errors++;
      total.errors++;
      if (hits.length) {
        row.found++;
        total.found++;
        for (const id of new Set(hits.map((f) => f.rule))) byRule[id] = (byRule[id] ?? 0) + 1;
      }
      if (values.list && !hits.length) console.log(`漏报 ${p.line} [${p.category}] ${p.wrong}`);
    }
    const findings = linter.lint(p.right, 'plaintext').findings;
    const alarms = findings.filter((f) => TERM_RULES.has(f.rule));
    row.twins++;
    total.twins++;
    if (alarms.length) {
      row.alarms++;
      total.alarms++;
    }
    if (values.list) for (const f of findings) console.log(`${TERM_RULES.has(f.rule) ? '误报' : '其他'} ${p.line} [${p.category}] ${p.right}\n    ${show(f)}`);
  }
  const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)}%` : '-');
  console.log(`评测集 ${path.basename(file)}${values.half ? `（${values.half} 半）` : ''}：${total.errors} 个错误句，${total.twins} 个正确句`);
  console.log('类别\t错误句\t检出\t召回\t正确句\t误报句\t误报率');
  for (const [c, r] of [...rows].sort()) console.log(`${c}\t${r.errors}\t${r.found}\t${pct(r.found, r.errors)}\t${r.twins}\t${r.alarms}\t${pct(r.alarms, r.twins)}`);
  console.log(`合计\t${total.errors}\t${total.found}\t${pct(total.found, total.errors)}\t${total.twins}\t${total.alarms}\t${pct(total.alarms, total.twins)}`);
  console.log(`检出所用规则：${Object.entries(byRule).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join('，')}`);
}

if (require.main === module) main();
