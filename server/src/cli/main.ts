import { parseArgs } from 'node:util';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import {
  ALL_RULES,
  applyEdits,
  computeStats,
  fixAll,
  DocumentKind,
  Finding,
  Linter,
  ResolvedConfig,
  SectionNode,
  formatThousands,
} from '../engine';
import { SyncSegmenter } from '../segmentation/syncSegmenter';
import { outlineToJson, OutlineJson } from '../engine';
import { fileKeyFor, findConfig, loadConfigFile } from '../host/configFile';
import { diskEngineData } from '../host/data';
import { readTextFile, writeTextFileAtomic, TextFile } from './files';
import { checkDocxCli, docxDiagnosticJson, exportReport, isDocx, prettyDocxLine, profileFor, readDocxFile } from './docx';
import type { DocxFinding } from '../docx/check';
import { FORMAT_RULES } from '../docx/format';


const VERSION = '0.1.0';

const USAGE = `用法：
  gongwen check [--format pretty|json] [--config FILE] [--fix] [--jobs N] FILE...
  gongwen check --annotate OUT.docx [--fix] REPORT.docx
  gongwen outline [--format text|json] FILE
  gongwen stats [--format text|json] FILE
  gongwen export FILE -o OUT.docx  按公文格式（GB/T 9704）导出为 Word 文件
  gongwen rules                 列出全部检查规则

选项：
  --format    输出格式（check 默认 pretty，outline/stats 默认 text）
  --config    配置文件（默认在文件所在目录及其上级目录中查找 .gongwenrc.json）
  --fix       应用全部安全修复并写回文件（原子写入，保留编码、BOM 与换行符）
  --annotate  把检查结果作为批注写入 .docx 的副本（加 --fix：安全修复作为修订），不改动原文件
  --output, -o  export 的输出文件
  --jobs, -j  并行检查的线程数（默认：启用分词检查时按文本总量，约每 1 MB 一个线程，不超过 CPU 核数）
  -h, --help  显示帮助
  -v, --version
退出码：0 未发现错误；1 发现错误（error）；2 用法或读写错误。`;

class UsageError extends Error {}

export async function main(argv: string[]): Promise<number> {
  const out = (s: string) => process.stdout.write(s + '\n');
  const err = (s: string) => process.stderr.write(s + '\n');
  try {
    const [command, ...rest] = argv;
    if (!command || command === '-h' || command === '--help' || command === 'help') {
      out(USAGE);
      return command ? 0 : 2;
    }
    if (command === '-v' || command === '--version') {
      out(VERSION);
      return 0;
    }
    const { values, positionals } = parseArgs({
      args: rest,
      allowPositionals: true,
      options: {
        format: { type: 'string' },
        config: { type: 'string' },
        fix: { type: 'boolean', default: false },
        jobs: { type: 'string', short: 'j' },
        output: { type: 'string', short: 'o' },
        annotate: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
    if (values.help) {
      out(USAGE);
      return 0;
    }
    switch (command) {
      case 'check':
        if (values.annotate !== undefined && (positionals.length !== 1 || !isDocx(positionals[0]))) throw new UsageError('--annotate 需要且只能指定一个 .docx 文件');
        return await check(positionals, values.format ?? 'pretty', values.config, values.fix ?? false, values.jobs, out, err, values.annotate);
      case 'outline':
        return outline(single(positionals), values.format ?? 'text', values.config, out, err);
      case 'stats':
        return stats(single(positionals), values.format ?? 'text', values.config, out, err);
      case 'export': {
        const file = single(positionals);
        if (!values.output) throw new UsageError('请用 -o 指定输出的 .docx 文件');
        const { source, config } = loadForReading(file, values.config, err);
        await exportReport(file, values.output, source.text, documentKind(file), profileFor(config, err));
        out(`已导出：${values.output}`);
        return 0;
      }
      case 'rules':
        for (const rule of ALL_RULES) {
          out(`${rule.id.padEnd(28)} ${rule.defaultSeverity.padEnd(11)} ${rule.enabledByDefault === false ? '（默认关闭）' : ''}${rule.description}`);
        }
        for (const rule of FORMAT_RULES) out(`${rule.id.padEnd(28)} ${'warning'.padEnd(11)} （仅 .docx）${rule.description}`);
        return 0;
      default:
        throw new UsageError(`未知命令“${command}”`);
    }
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      err(`gongwen：${(error as Error).message}\n\n${USAGE}`);
    } else {
      err(`gongwen：${(error as Error).message}`);
    }
    return 2;
  }
}

function single(files: string[]): string {
  if (files.length !== 1) throw new UsageError('需要且只能指定一个文件');
  return files[0];
}

function checkFormat(format: string, allowed: string[]): void {
  if (!allowed.includes(format)) throw new UsageError(`--format 只能是 ${allowed.join('、')}`);
}

export function documentKind(file: string): DocumentKind {
  return /\.(md|markdown)$/i.test(file) ? 'markdown' : 'plaintext';
}

/** Loads the configuration for a file; problems go to stderr once per config file. */
export function configFor(file: string, explicit: string | undefined, err: (s: string) => void, reported: Set<string>): ResolvedConfig | undefined {
  const configPath = explicit ?? findConfig(path.dirname(path.resolve(file)));
  if (!configPath) return undefined;
  const { config, problems } = loadConfigFile(configPath);
  if (problems.length && !reported.has(configPath)) {
    reported.add(configPath);
    for (const p of problems) err(`gongwen：配置文件 ${configPath}：${p}`);
  }
  return config;
}

interface Prepared {
  file: string;
  source: TextFile;
  linter: Linter;
}

export function makeSegmenterReporter(err: (s: string) => void) {
  const segmenters = new Map<string, SyncSegmenter>();
  let warned = false;
  return {
    /** The engine's data tables, read once per run; a table that cannot be read is reported once. */
    data: diskEngineData({ onError: (message) => err(`gongwen：提示：${message}。`) }),
    get(config: ResolvedConfig | undefined): SyncSegmenter {
      const key = (config?.userWords ?? []).join('\n');
      let segmenter = segmenters.get(key);
      if (!segmenter) segmenters.set(key, (segmenter = new SyncSegmenter(config?.userWords ?? [])));
      return segmenter;
    },
    report(segmenter: SyncSegmenter) {
      if (segmenter.error && !warned) {
        warned = true;
        err(`gongwen：提示：${segmenter.error}。依赖分词的检查和词数统计已跳过，其余检查照常进行。`);
      }
    },
  };
}

export interface CheckedFile {
  file: string;
  text: string;
  findings: Finding[];
  /** For a .docx: the findings located by paragraph (text is then the body's text). */
  docx?: DocxFinding[];
}

/** Checks (and with `fix`, fixes) one file. Returns undefined after an I/O error, reported through `err`. */
export async function checkFile(
  file: string,
  configPath: string | undefined,
  fix: boolean,
  segmenters: ReturnType<typeof makeSegmenterReporter>,
  reported: Set<string>,
  err: (s: string) => void,
  annotate?: string,
): Promise<CheckedFile | undefined> {
  if (isDocx(file)) {
    try {
      const config = configFor(file, configPath, err, reported);
      const segmenter = segmenters.get(config);
      const result = checkDocxCli(file, new Linter({ config, segmenter, lexicon: () => segmenter.lexicon, data: segmenters.data }), { fix, config, err, annotate }, diagnosticJson);
      segmenters.report(segmenter);
      if (result.annotated) err(`gongwen：已写出 ${annotate}：批注 ${result.annotated.comments} 条${fix ? `，修订 ${result.annotated.fixes} 处` : ''}（原文件未改动）`);
      return result;
    } catch (error) {
      err(`gongwen：${(error as Error).message}`);
      return undefined;
    }
  }
  let prepared: Prepared;
  try {
    const source = readTextFile(file);
    const config = configFor(file, configPath, err, reported);
    const segmenter = segmenters.get(config);
    const applied = configPath ?? findConfig(path.dirname(path.resolve(file)));
    const fileKey = applied ? fileKeyFor(applied, file) : undefined;
    prepared = { file, source, linter: new Linter({ config, segmenter, lexicon: () => segmenter.lexicon, data: segmenters.data, fileKey }) };
  } catch (error) {
    err(`gongwen：${(error as Error).message}`);
    return undefined;
  }
  const kind = documentKind(file);
  let text = prepared.source.text;
  let findings = prepared.linter.lint(text, kind).findings;
  let ioError = false;
  if (fix) {
    // Fixing one thing can reveal another (a fixed marker changes the numbering): fixAll runs to a fixed point.
    const fixed = fixAll(prepared.linter, text, kind);
    const changed = fixed.text !== text;
    text = fixed.text;
    findings = fixed.findings;
    if (changed) {
      try {
        await writeTextFileAtomic(file, prepared.source, text);
      } catch (error) {
        err(`gongwen：${(error as Error).message}`);
        ioError = true;
        text = prepared.source.text;
        findings = prepared.linter.lint(text, kind).findings;
      }
    }
  }
  segmenters.report(segmenters.get(undefined));
  const result = { file, text, findings };
  if (ioError) throw Object.assign(new Error('write failed'), { result });
  return result;
}

/**
 * Bytes of text that justify one more worker thread. A thread shares the process's segmentation
 * dictionary (the first thread loads it, ~0.45 s) but builds its own word-frequency tables and warms up
 * its own compiled code: its first ~250 K characters cost ~0.4 s more than they would in a warm thread
 * (~80 MB more memory) — about what checking ~300 K characters (~0.9 MB of UTF-8 Chinese) costs; below
 * that, a second thread adds more work than it takes over.
 */
export const BYTES_PER_THREAD = 900_000;

/**
 * How many worker threads `check` uses by default: by the amount of text, one per BYTES_PER_THREAD,
 * at most one per core, and threads only when a default-on rule needs segmentation (without it a file
 * costs a few milliseconds, less than a thread's start-up).
 */
export function defaultJobs(sizes: readonly number[], cores = availableCores()): number {
  if (!ALL_RULES.some((r) => r.needsSegmentation && r.enabledByDefault !== false)) return 1;
  const bytes = sizes.reduce((a, b) => a + b, 0);
  return Math.max(1, Math.min(cores, sizes.length, Math.floor(bytes / BYTES_PER_THREAD)));
}

function availableCores(): number {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
}

/** File sizes in bytes (0 for a file that cannot be read: its check reports the error). */
function fileSizes(files: readonly string[]): number[] {
  return files.map((file) => {
    try {
      return fs.statSync(file).size;
    } catch {
      return 0;
    }
  });
}

async function check(
  files: string[],
  format: string,
  configPath: string | undefined,
  fix: boolean,
  jobsOption: string | undefined,
  out: (s: string) => void,
  err: (s: string) => void,
  annotate?: string,
): Promise<number> {
  checkFormat(format, ['pretty', 'json']);
  if (files.length === 0) throw new UsageError('请指定要检查的文件');
  const sizes = fileSizes(files);
  let jobs = defaultJobs(sizes);
  if (jobsOption !== undefined) {
    jobs = Number(jobsOption);
    if (!Number.isInteger(jobs) || jobs < 1) throw new UsageError('--jobs 应为正整数');
  }
  jobs = Math.min(jobs, files.length);
  const results: CheckedFile[] = [];
  let ioError = false;
  const outcomes = jobs > 1 ? await checkInWorkers(files, sizes, configPath, fix, jobs) : undefined;
  if (outcomes) {
    // Messages and results in the order of the files, as a single thread would give them.
    const printed = new Set<string>();
    for (const outcome of outcomes) {
      for (const message of outcome.messages) {
        if (outcome.onceMessages.includes(message) && printed.has(message)) continue;
        printed.add(message);
        err(message);
      }
      if (outcome.ioError) ioError = true;
      if (outcome.result) results.push(outcome.result);
    }
  } else {
    const reported = new Set<string>();
    const segmenters = makeSegmenterReporter(err);
    for (const file of files) {
      try {
        const result = await checkFile(file, configPath, fix, segmenters, reported, err, annotate);
        if (result) results.push(result);
        else ioError = true;
      } catch (error) {
        ioError = true;
        results.push((error as { result: CheckedFile }).result);
      }
    }
  }
  if (format === 'json') {
    out(JSON.stringify(results.map((r) => fileJson(r)), null, 2));
  } else {
    let errors = 0;
    let warnings = 0;
    let others = 0;
    for (const r of results) {
      for (const [i, f] of r.findings.entries()) {
        out(r.docx ? prettyDocxLine(r.file, r.docx[i]) : `${r.file}:${f.range.start.line + 1}:${f.range.start.character + 1} ${f.severity} ${f.message} [${f.rule}]`);
        if (f.severity === 'error') errors++;
        else if (f.severity === 'warning') warnings++;
        else others++;
      }
    }
    const total = errors + warnings + others;
    if (results.length) out(total ? `共 ${total} 处：错误 ${errors}，警告 ${warnings}，提示 ${others}` : '未发现问题');
  }
  if (ioError) return 2;
  return results.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
}

/** What a worker reports for one file (see checkWorker.ts). */
export interface WorkerOutcome {
  index: number;
  result?: CheckedFile;
  ioError: boolean;
  /** Everything the file's check wrote to stderr, in order. */
  messages: string[];
  /** The messages among them that a single run prints only once (configuration problems, segmentation warning). */
  onceMessages: string[];
}

/**
 * Checks files in `jobs` worker threads, each with its own segmenter (nodejieba loads once per worker).
 * Files are handed out one at a time, largest first, so that a long file neither waits at the end of
 * the queue nor holds up the others; results keep the order of the command line.
 */
async function checkInWorkers(files: string[], sizes: readonly number[], configPath: string | undefined, fix: boolean, jobs: number): Promise<WorkerOutcome[]> {
  const script = [path.join(__dirname, 'cli-worker.js'), path.join(__dirname, 'checkWorker.js')].find((f) => fs.existsSync(f));
  if (!script) throw new Error('找不到检查线程脚本 cli-worker.js（请先构建）');
  const outcomes = new Array<WorkerOutcome>(files.length);
  const order = files.map((_, i) => i).sort((a, b) => sizes[b] - sizes[a] || a - b);
  let next = 0;
  await Promise.all(
    Array.from({ length: jobs }, () =>
      new Promise<void>((resolve, reject) => {
        const worker = new Worker(script, { workerData: { configPath, fix } });
        const feed = () => {
          if (next < order.length) {
            const index = order[next++];
            worker.postMessage({ index, file: files[index] });
          } else {
            void worker.terminate();
            resolve();
          }
        };
        worker.on('message', (outcome: WorkerOutcome) => {
          outcomes[outcome.index] = outcome;
          feed();
        });
        worker.on('error', reject);
        // A worker that dies leaves its file without an outcome: that is reported below.
        worker.on('exit', () => resolve());
        feed();
      }),
    ),
  );
  const missing = outcomes.findIndex((o) => !o);
  if (missing >= 0) throw new Error(`检查线程意外退出，${files[missing]} 未检查`);
  return outcomes;
}

/** One file's entry in the JSON output (the text is split into lines once, not per finding). */
function fileJson(r: CheckedFile) {
  const lines = r.text.split(/\r\n|\r|\n/);
  if (r.docx) return { file: r.file, diagnostics: r.docx.map((d) => docxDiagnosticJson(d)) };
  return { file: r.file, diagnostics: r.findings.map((f) => diagnosticJson(r.text, f, lines)) };
}

/** The JSON shape other tools read; keep it stable. */
export function diagnosticJson(text: string, finding: Finding, lines = text.split(/\r\n|\r|\n/)) {
  const flagged = sliceRange(lines, finding);
  const suggestions: string[] = [];
  for (const fix of finding.fixes) {
    // A suggestion is the flagged text with the fix applied, when the fix stays inside it.
    const inside = fix.edits.every(
      (e) =>
        e.range.start.line === finding.range.start.line &&
        e.range.end.line === finding.range.end.line &&
        finding.range.start.line === finding.range.end.line &&
        e.range.start.character >= finding.range.start.character &&
        e.range.end.character <= finding.range.end.character,
    );
    if (!inside) continue;
    const shifted = fix.edits.map((e) => ({
      range: {
        start: { line: 0, character: e.range.start.character - finding.range.start.character },
        end: { line: 0, character: e.range.end.character - finding.range.start.character },
      },
      newText: e.newText,
    }));
    const suggestion = applyEdits(flagged, shifted).text;
    if (!suggestions.includes(suggestion)) suggestions.push(suggestion);
  }
  return {
    rule: finding.rule,
    severity: finding.severity,
    message: finding.message,
    range: finding.range,
    text: flagged,
    suggestions,
  };
}

function sliceRange(lines: string[], finding: Finding): string {
  const { start, end } = finding.range;
  if (start.line === end.line) return (lines[start.line] ?? '').slice(start.character, end.character);
  const parts = [(lines[start.line] ?? '').slice(start.character)];
  for (let i = start.line + 1; i < end.line; i++) parts.push(lines[i] ?? '');
  parts.push((lines[end.line] ?? '').slice(0, end.character));
  return parts.join('\n');
}

function loadForReading(file: string, configPath: string | undefined, err: (s: string) => void) {
  // A .docx is outlined and counted by its body text (one line per paragraph).
  const source: TextFile = isDocx(file) ? { path: file, text: readDocxFile(file).doc.parts[0].text, encoding: 'utf8', bom: false } : readTextFile(file);
  const config = configFor(file, configPath, err, new Set());
  return { source, config };
}

function outline(file: string, format: string, configPath: string | undefined, out: (s: string) => void, err: (s: string) => void): number {
  checkFormat(format, ['text', 'json']);
  const { source, config } = loadForReading(file, configPath, err);
  const { document } = new Linter({ config, rules: [] }).lint(source.text, documentKind(file));
  const nodes = outlineToJson(document.root);
  if (format === 'json') out(JSON.stringify(nodes, null, 2));
  else {
    const print = (list: OutlineJson[], depth: number) => {
      for (const node of list) {
        const label = node.kind === 'title' ? '【标题】' : node.kind === 'opening' ? '【开头】' : node.kind === 'closing' ? '【结尾】' : '';
        const text = `${label}${node.marker}${node.kind === 'item' ? '' : ' '}${node.kind === 'opening' || node.kind === 'closing' ? '' : node.title}`.trim();
        out(`${'  '.repeat(depth)}${text}  （第 ${node.range.start.line + 1} 行，${formatThousands(node.chars)}字）`);
        print(node.children, depth + 1);
      }
    };
    if (nodes.length === 0) out('（未识别到标题结构）');
    print(nodes, 0);
  }
  return 0;
}

function stats(file: string, format: string, configPath: string | undefined, out: (s: string) => void, err: (s: string) => void): number {
  checkFormat(format, ['text', 'json']);
  const { source, config } = loadForReading(file, configPath, err);
  const { document } = new Linter({ config, rules: [] }).lint(source.text, documentKind(file));
  const segmenters = makeSegmenterReporter(err);
  const segmenter = segmenters.get(config);
  const result = computeStats(document, segmenter);
  if (result.words !== null && segmenter.error) result.words = null;
  segmenters.report(segmenter);
  if (format === 'json') {
    out(JSON.stringify(result, null, 2));
    return 0;
  }
  out(`字数：${formatThousands(result.chars)}（不含空白）`);
  out(`汉字：${formatThousands(result.hanChars)}`);
  out(`词数：${result.words === null ? '（分词不可用）' : formatThousands(result.words)}`);
  out(`段落：${formatThousands(result.paragraphs)}`);
  out(`标题：${formatThousands(result.headings)}`);
  if (result.sections.length) {
    out('各部分字数：');
    for (const s of result.sections) out(`  ${s.marker}${s.title}  ${formatThousands(s.chars)}字`);
  }
  return 0;
}

export type { SectionNode };
