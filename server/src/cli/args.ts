// Argument handling of the gongwen command line: the usage text, option parsing and usage errors.
import { parseArgs } from 'node:util';
import { SEVERITIES, Severity } from '../engine/types';

export const VERSION = '0.1.0';

export const USAGE = `用法：
  gongwen check [--format pretty|json|sarif] [--config FILE] [--min-severity LEVEL] [--fix] [--jobs N] FILE...
  gongwen check --annotate OUT.docx [--fix] REPORT.docx
  gongwen outline [--format text|json] FILE
  gongwen stats [--format text|json] FILE
  gongwen export FILE -o OUT.docx  按公文格式（GB/T 9704）导出为 Word 文件
  gongwen rules                 列出全部检查规则

选项：
  --format    输出格式（check 默认 pretty，sarif 为 SARIF 2.1.0，供持续集成的代码扫描使用；outline/stats 默认 text）
  --config    配置文件（默认在文件所在目录及其上级目录中查找 .gongwenrc.json）
  --min-severity  只列出不低于该级别的问题：error、warning、information 或 hint（默认全部列出；
              --fix 仍应用全部安全修复）
  --fix       应用全部安全修复并写回文件（原子写入，保留编码、BOM 与换行符）
  --annotate  把检查结果作为批注写入 .docx 的副本（加 --fix：安全修复作为修订），不改动原文件
  --output, -o  export 的输出文件
  --jobs, -j  并行检查的线程数（默认：启用分词检查时按文本总量，约每 1 MB 一个线程，不超过 CPU 核数）
  -h, --help  显示帮助
  -v, --version
一次检查的多个文件视为同一工作区：其他文件也用到的写法（名称、新提法）不作为疑似错别字提示（读取前 100 个文件、共 200 万字）；前后文字相同的复制内容不算。
退出码：0 未发现错误；1 发现错误（error）；2 用法或读写错误。`;

/** A mistake on the command line: reported with the usage text, exit code 2. */
export class UsageError extends Error {}

export interface CommandLine {
  command: string;
  files: string[];
  format: string | undefined;
  config: string | undefined;
  fix: boolean;
  jobs: string | undefined;
  output: string | undefined;
  annotate: string | undefined;
  minSeverity: string | undefined;
  help: boolean;
}

/** Parses the options after the command (throws node's ERR_PARSE_ARGS_* errors for unknown ones). */
export function parseCommandLine(command: string, rest: string[]): CommandLine {
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
      'min-severity': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  return {
    command,
    files: positionals,
    format: values.format,
    config: values.config,
    fix: values.fix ?? false,
    jobs: values.jobs,
    output: values.output,
    annotate: values.annotate,
    minSeverity: values['min-severity'],
    help: values.help ?? false,
  };
}

/** Errors that get the usage text after them. */
export function isUsageError(error: unknown): boolean {
  return error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS') === true;
}

export function single(files: string[]): string {
  if (files.length !== 1) throw new UsageError('需要且只能指定一个文件');
  return files[0];
}

export function checkFormat(format: string, allowed: readonly string[]): void {
  if (!allowed.includes(format)) throw new UsageError(`--format 只能是 ${allowed.join('、')}`);
}

/** The number of worker threads: `--jobs N` when given, else `byDefault`; never more than there are files. */
export function jobsOption(option: string | undefined, byDefault: number, files: number): number {
  let jobs = byDefault;
  if (option !== undefined) {
    jobs = Number(option);
    if (!Number.isInteger(jobs) || jobs < 1) throw new UsageError('--jobs 应为正整数');
  }
  return Math.min(jobs, files);
}

/** `--min-severity LEVEL`: the severities to list (all when the option is not given). */
export function severitiesOption(option: string | undefined): ReadonlySet<Severity> {
  if (option === undefined) return new Set(SEVERITIES);
  const at = SEVERITIES.indexOf(option as Severity);
  if (at < 0) throw new UsageError(`--min-severity 只能是 ${SEVERITIES.join('、')}`);
  return new Set(SEVERITIES.slice(0, at + 1));
}
