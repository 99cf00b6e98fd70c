// `npm run fp -- FOLDER [--list]`: runs the checker on every report (.txt/.md) of a folder and counts
// error and warning diagnostics per 10,000 characters, with a per-rule breakdown, and the quieter information
// and hint findings beside them. On edited, published text nearly every one is a false alarm; `--list` prints
// each error and warning with its context (`--list-quiet` the information and hint findings too). `--workspace`
// checks the folder's reports as one workspace, as `gongwen check` does with the files of one run (a string the
// other reports use is evidence of intent: engine/evidence.ts).
import { isMostlyChinese } from '../analysis';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { Finding, Linter, WorkspaceTexts } from '../engine';
import { workspaceId, workspaceTextsOf } from '../host/workspaceFiles';
import { COUNTED, countChars, per10k, productLinter } from './measure';

export interface FileFindings {
  file: string;
  chars: number;
  lines: string[];
  /** Error and warning findings. */
  findings: Finding[];
  /** Information and hint findings. */
  quiet: Finding[];
}

export interface FpResult {
  files: FileFindings[];
  chars: number;
  count: number;
  per10k: number;
  rules: Record<string, number>;
  /** The same for information and hint findings. */
  quietCount: number;
  quietPer10k: number;
  quietRules: Record<string, number>;
}

/** The reports of a folder and its subfolders, sorted. */
export function reportFiles(folder: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) out.push(...reportFiles(full));
    else if (/\.(txt|md|markdown)$/i.test(entry.name)) out.push(full);
  }
  return out.sort();
}

/**
 * Counts the findings of the folder's reports. With `workspace` (the reports' texts) the linter's workspace
 * getter must answer `workspace.except(current.file)`: see main.
 */
export function countFolder(folder: string, linter: Linter, current?: { file: string }): FpResult {
  const result: FpResult = { files: [], chars: 0, count: 0, per10k: 0, rules: {}, quietCount: 0, quietPer10k: 0, quietRules: {} };
  for (const file of reportFiles(folder)) {
    if (current) current.file = workspaceId(file);
    const text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
    // As in the editor: plain text and Markdown that are not mostly Chinese (a SOURCE.md) are not reports.
    if (!isMostlyChinese(text)) continue;
    const all = linter.lint(text, /\.(md|markdown)$/i.test(file) ? 'markdown' : 'plaintext').findings;
    const findings = all.filter((f) => COUNTED.has(f.severity));
    const quiet = all.filter((f) => !COUNTED.has(f.severity));
    const chars = countChars(text);
    result.files.push({ file, chars, lines: text.split(/\r\n|\r|\n/), findings, quiet });
    result.chars += chars;
    result.count += findings.length;
    result.quietCount += quiet.length;
    for (const f of findings) result.rules[f.rule] = (result.rules[f.rule] ?? 0) + 1;
    for (const f of quiet) result.quietRules[f.rule] = (result.quietRules[f.rule] ?? 0) + 1;
  }
  result.per10k = per10k(result.count, result.chars);
  result.quietPer10k = per10k(result.quietCount, result.chars);
  return result;
}

/** The finding's text marked 【…】 inside up to 20 characters of its line on each side. */
export function context(lines: readonly string[], f: Finding): string {
  const line = lines[f.range.start.line] ?? '';
  const start = f.range.start.character;
  const end = f.range.end.line === f.range.start.line ? f.range.end.character : line.length;
  return `${start > 20 ? '…' : ''}${line.slice(Math.max(0, start - 20), start)}【${line.slice(start, end)}】${line.slice(end, end + 20)}${end + 20 < line.length ? '…' : ''}`;
}

export function formatFp(r: FpResult, folder: string, list: boolean, listQuiet = false): string {
  const out = [
    `统计 ${folder}：${r.files.length} 个文件，${r.chars} 字（不含空白）`,
    `error 与 warning 共 ${r.count} 处，每万字 ${r.per10k.toFixed(2)} 处`,
    `information 与 hint 共 ${r.quietCount} 处，每万字 ${r.quietPer10k.toFixed(2)} 处`,
  ];
  const byRule = (title: string, rules: Record<string, number>) => {
    out.push('', title);
    for (const [id, n] of Object.entries(rules).sort((a, b) => b[1] - a[1])) out.push(`  ${id.padEnd(28)} ${String(n).padStart(5)}  每万字 ${per10k(n, r.chars).toFixed(2)}`);
    if (Object.keys(rules).length === 0) out.push('  （无）');
  };
  byRule('按规则（error 与 warning）：', r.rules);
  byRule('按规则（information 与 hint）：', r.quietRules);
  out.push('', '按文件：');
  for (const f of r.files) out.push(`  ${path.relative(folder, f.file).padEnd(36)} ${String(f.findings.length).padStart(4)} 处 / ${f.chars} 字（information 与 hint ${f.quiet.length} 处）`);
  if (list || listQuiet) {
    out.push('', '逐条：');
    for (const f of r.files) {
      const shown = listQuiet ? [...f.findings, ...f.quiet].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character) : f.findings;
      for (const x of shown) {
        out.push(`${path.relative(folder, f.file)}:${x.range.start.line + 1}:${x.range.start.character + 1} ${x.severity} [${x.rule}] ${x.message}`);
        out.push(`    ${context(f.lines, x)}`);
      }
    }
  }
  return out.join('\n');
}

export function main(argv: string[]): number {
  const usage =
    '用法：npm run fp -- FOLDER [--list] [--list-quiet] [--workspace]\n  统计文件夹中 .txt/.md 报告每万字的 error 与 warning 数（以及 information 与 hint 数）\n' +
    '  --workspace 把文件夹中的报告当作一个工作区（其他报告也用到的写法视为有意为之，同 gongwen check 一次检查的多个文件）\n';
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { list: { type: 'boolean', default: false }, 'list-quiet': { type: 'boolean', default: false }, workspace: { type: 'boolean', default: false } } });
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n${usage}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1 || !fs.existsSync(positionals[0]) || !fs.statSync(positionals[0]).isDirectory()) {
    process.stderr.write(usage);
    return 2;
  }
  const folder = positionals[0];
  // The reports as in countFolder (not mostly Chinese: not a report, no evidence either).
  let texts: WorkspaceTexts | undefined;
  const current = { file: '' };
  if (values.workspace) texts = workspaceTextsOf(reportFiles(folder).filter((f) => isMostlyChinese(fs.readFileSync(f, 'utf8'))));
  const linter = productLinter(texts ? () => texts.except(current.file) : undefined);
  process.stdout.write(formatFp(countFolder(folder, linter, texts ? current : undefined), folder, values.list ?? false, values['list-quiet'] ?? false) + '\n');
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
