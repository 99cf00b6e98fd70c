// The gongwen command line (bin/gongwen.js): dispatches the commands; exit code 0 (no errors found),
// 1 (errors found) or 2 (usage or I/O error).
import { ALL_RULES } from '../engine';
import { CommandLine, checkFormat, isUsageError, jobsOption, parseCommandLine, severitiesOption, single, USAGE, UsageError, VERSION } from './args';
import { CheckedFile, checkFiles, defaultJobs, fileSizes, youngGenerationFor } from './check';
import { CHECK_FORMATS, writeCheckResults } from './formats';
import { loadForReading, outline, stats } from './outlineStats';
import { exportReport, isDocx, profileFor } from './docx';
import { documentKind } from './check';
import { FORMAT_RULES } from '../docx/format';

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
    const args = parseCommandLine(command, rest);
    if (args.help) {
      out(USAGE);
      return 0;
    }
    switch (command) {
      case 'check':
        if (args.annotate !== undefined && (args.files.length !== 1 || !isDocx(args.files[0]))) throw new UsageError('--annotate 需要且只能指定一个 .docx 文件');
        return await check(args, out, err);
      case 'outline':
        return outline(single(args.files), args.format ?? 'text', args.config, out, err);
      case 'stats':
        return stats(single(args.files), args.format ?? 'text', args.config, out, err);
      case 'export': {
        const file = single(args.files);
        if (!args.output) throw new UsageError('请用 -o 指定输出的 .docx 文件');
        const { source, config } = loadForReading(file, args.config, err);
        await exportReport(file, args.output, source.text, documentKind(file), profileFor(config, err));
        out(`已导出：${args.output}`);
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
    if (isUsageError(error)) err(`gongwen：${(error as Error).message}\n\n${USAGE}`);
    else err(`gongwen：${(error as Error).message}`);
    return 2;
  }
}

async function check(args: CommandLine, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const { files, fix } = args;
  const format = args.format ?? 'pretty';
  checkFormat(format, CHECK_FORMATS);
  const listed = severitiesOption(args.minSeverity);
  if (files.length === 0) throw new UsageError('请指定要检查的文件');
  const sizes = fileSizes(files);
  youngGenerationFor(sizes);
  const threads = jobsOption(args.jobs, defaultJobs(sizes), files.length);
  const { results, ioError } = await checkFiles(files, sizes, args.config, fix, threads, err, args.annotate);
  const shown = results.map((r) => withSeverities(r, listed));
  writeCheckResults(format, shown, ioError, out);
  const hidden = results.reduce((n, r, i) => n + r.findings.length - shown[i].findings.length, 0);
  if (hidden && format === 'pretty') out(`（另有 ${hidden} 处低于 ${args.minSeverity} 级别的问题未列出）`);
  if (ioError) return 2;
  return results.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
}

/** The file's findings at the listed severities (a .docx keeps its located findings in step). */
function withSeverities(result: CheckedFile, listed: ReadonlySet<string>): CheckedFile {
  const keep = result.findings.map((f) => listed.has(f.severity));
  if (keep.every(Boolean)) return result;
  return {
    ...result,
    findings: result.findings.filter((_, i) => keep[i]),
    docx: result.docx?.filter((_, i) => keep[i]),
  };
}
