import * as path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { DocumentKind, Finding, Linter, ResolvedConfig, ruleSeverity } from '../engine';
import { checkFormat } from '../docx/format';
import { annotateDocx } from '../docx/annotate';
import type * as DocxExport from '../docx/export';
import { FormatProfile, profileFromConfig } from '../docx/profile';
import { checkDocx, DocxFinding, PART_NAMES } from '../docx/check';
import { DocxError } from '../docx/errors';
import { DocxDocument, readDocx } from '../docx/read';
import { readFileBytes } from './files';

/** Word files the CLI reads as documents rather than as text. */
export const isDocx = (file: string) => /\.(docx|docm|dotx)$/i.test(file);

const MAX_DOCX_BYTES = 100 * 1024 * 1024;

/** Reads and parses a .docx from disk; every problem is an Error with a Chinese message. */
export function readDocxFile(file: string): { bytes: Uint8Array; doc: DocxDocument } {
  const bytes = readFileBytes(file, MAX_DOCX_BYTES);
  try {
    return { bytes, doc: readDocx(bytes, file) };
  } catch (error) {
    if (error instanceof DocxError) throw new Error(error.message);
    // A reader bug must not crash the batch: report it as this file's error.
    throw new Error(`${file} 无法读取：${(error as Error).message}`);
  }
}

export interface DocxCheckOptions {
  fix: boolean;
  /** Write a copy with the findings as comments (and with `fix`, safe fixes as tracked changes) here. */
  annotate?: string;
  config?: ResolvedConfig;
  err?: (s: string) => void;
}

type DiagnosticJson = (text: string, finding: Finding) => Record<string, unknown>;

/**
 * `gongwen check report.docx`: the format findings (page setup first), then the findings of every text
 * part, located by paragraph, as a CheckedFile (text: the body's text). The original file is never written.
 */
export function checkDocxCli(file: string, linter: Linter, options: DocxCheckOptions, toJson: DiagnosticJson) {
  if (options.fix && !options.annotate) throw new Error(`${file}：.docx 不会被改写；要得到带修订的副本，请同时指定 --annotate 输出文件`);
  if (options.annotate !== undefined) {
    if (!/\.docx$/i.test(options.annotate)) throw new Error(`--annotate 的输出文件应以 .docx 结尾：${options.annotate}`);
    if (path.resolve(options.annotate) === path.resolve(file)) throw new Error('--annotate 的输出文件不能是原文件（原文件不会被修改）');
  }
  const { doc, bytes } = readDocxFile(file);
  const docx: DocxFinding[] = [];
  for (const f of checkFormat(doc, profileFor(options.config, options.err))) {
    const severity = ruleSeverity(options.config?.rules[f.finding.rule], 'warning', true);
    if (severity === 'off') continue;
    const finding = { ...f.finding, severity };
    const part = doc.parts.find((p) => p.part === f.part && p.kind === f.kind);
    docx.push({ ...f, finding, json: toJson(part?.text ?? '', finding) });
  }
  for (const r of checkDocx(doc, linter)) {
    for (const located of r.located) docx.push({ ...located, json: toJson(r.part.text, located.finding) });
  }
  let annotated: { comments: number; fixes: number } | undefined;
  if (options.annotate) {
    const result = annotateDocx(bytes, doc, docx, options.fix);
    try {
      writeFileAtomic.sync(options.annotate, Buffer.from(result.bytes));
    } catch (error) {
      throw new Error(`无法写入 ${options.annotate}：${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
    annotated = { comments: result.comments, fixes: result.fixes };
  }
  return { file, text: doc.parts[0].text, findings: docx.map((d) => d.finding), docx, annotated };
}

/** `file:正文第5段:7 error message [rule]（…context…）` — paragraph numbers and 1-based offsets. */
export function prettyDocxLine(file: string, f: DocxFinding): string {
  const where = f.paragraph > 0 ? `${PART_NAMES[f.kind]}第${f.paragraph}段:${f.offset + 1}` : PART_NAMES[f.kind];
  const context = f.context ? `（${f.context.replace(/\s+/g, ' ')}）` : '';
  return `${file}:${where} ${f.finding.severity} ${f.finding.message} [${f.finding.rule}]${context}`;
}

/** The JSON of a .docx finding: the text shape plus where it is in the document (stable, see README). */
export function docxDiagnosticJson(f: DocxFinding) {
  return { ...f.json, text: f.text, part: f.kind, paragraph: f.paragraph, offset: f.offset, endOffset: f.endOffset, context: f.context };
}

/** `gongwen export report.gw -o report.docx`: the report laid out as a 公文 (never overwrites the source). */
export async function exportReport(file: string, output: string, text: string, kind: DocumentKind, profile: FormatProfile): Promise<void> {
  if (!/\.docx$/i.test(output)) throw new Error(`输出文件应以 .docx 结尾：${output}`);
  if (path.resolve(output) === path.resolve(file)) throw new Error('输出文件不能与源文件相同');
  const { document } = new Linter({ rules: [] }).lint(text, kind);
  const bytes = await docxExport().exportDocx(document, profile);
  try {
    await writeFileAtomic(output, bytes);
  } catch (error) {
    throw new Error(`无法写入 ${output}：${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

/** The format profile of a configuration (GB/T 9704 without one); its problems are reported with the config's. */
export function profileFor(config: ResolvedConfig | undefined, err?: (s: string) => void): FormatProfile {
  const { profile, problems } = profileFromConfig(config?.format);
  for (const p of problems) err?.(`gongwen：格式配置：${p}`);
  return profile;
}

/** The .docx writer (the docx package, ~0.5 MB of code): loaded when a document is exported. */
function docxExport(): typeof DocxExport {
  // Required on first use, not at start: scripts/build.mjs bundles it apart (a check of a text file never needs it).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('../docx/export') as typeof DocxExport;
}
