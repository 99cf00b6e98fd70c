// Word documents in the editor: the text of a .docx for the read-only 公文 view, export of a report as a
// 公文 .docx, and a commented copy of a .docx. The client only picks files; the work happens here.
import * as fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import writeFileAtomic from 'write-file-atomic';
import { DocumentKind, Lexicon, Linter, ResolvedConfig, ruleSeverity, Segmenter } from '../engine';
import { annotateDocx } from '../docx/annotate';
import { checkDocx, DocxFinding } from '../docx/check';
import { DocxError } from '../docx/errors';
import type * as DocxExport from '../docx/export';
import { checkFormat } from '../docx/format';
import { profileFromConfig } from '../docx/profile';
import { readDocx } from '../docx/read';
import { sharedEngineData } from '../host/data';

import { DOCX_VIEW_SCHEME } from '../protocol';
export { ANNOTATE_DOCX_COMMAND, DOCX_TEXT_REQUEST, DOCX_VIEW_SCHEME, EXPORT_DOCX_COMMAND } from '../protocol';

const MAX_DOCX_BYTES = 100 * 1024 * 1024;

function pathOf(uri: string): string {
  const file = uri.startsWith(`${DOCX_VIEW_SCHEME}:`) ? `file:${uri.slice(DOCX_VIEW_SCHEME.length + 1)}` : uri;
  if (!file.startsWith('file:')) throw new DocxError(`只能处理本地文件：${uri}`);
  return fileURLToPath(file);
}

function readDocxAt(uri: string) {
  const file = pathOf(uri);
  let bytes: Buffer;
  try {
    if (fs.statSync(file).size > MAX_DOCX_BYTES) throw new DocxError(`${file} 超过 100 MB，未读取`);
    bytes = fs.readFileSync(file);
  } catch (error) {
    if (error instanceof DocxError) throw error;
    throw new DocxError(`无法读取 ${file}（${(error as NodeJS.ErrnoException).code ?? (error as Error).message}）`);
  }
  return { file, bytes, doc: readDocx(bytes, file) };
}

/** The body text of a .docx (one line per paragraph), or the reason it cannot be read. */
export function docxText(uri: string): { text?: string; error?: string } {
  try {
    return { text: readDocxAt(uri).doc.parts[0].text };
  } catch (error) {
    return { error: error instanceof DocxError ? error.message : `无法读取：${(error as Error).message}` };
  }
}

async function write(output: string, bytes: Uint8Array): Promise<void> {
  try {
    await writeFileAtomic(pathOf(output), Buffer.from(bytes));
  } catch (error) {
    throw new DocxError(`无法写入 ${pathOf(output)}（${(error as NodeJS.ErrnoException).code ?? (error as Error).message}）`);
  }
}

/** Exports a report's text as a 公文 .docx; returns the Chinese message for the user. */
export async function exportToDocx(text: string, kind: DocumentKind, config: ResolvedConfig, output: string): Promise<string> {
  const { document } = new Linter({ config, rules: [] }).lint(text, kind);
  const { profile, problems } = profileFromConfig(config.format);
  await write(output, await docxExport().exportDocx(document, profile));
  return `已导出为 Word（${profile.name}）：${pathOf(output)}${problems.length ? `。格式配置有误：${problems.join('；')}` : ''}`;
}

/** Writes a copy of a .docx with the findings as comments (and with `fix`, safe fixes as tracked changes). */
export async function annotateToDocx(uri: string, output: string, fix: boolean, config: ResolvedConfig, segmenter: (Segmenter & { readonly lexicon?: Lexicon }) | undefined): Promise<string> {
  const { file, bytes, doc } = readDocxAt(uri);
  if (pathOf(output) === file) throw new DocxError('输出文件不能是原文件（原文件不会被修改）');
  const located: DocxFinding[] = [];
  for (const f of checkFormat(doc, profileFromConfig(config.format).profile)) {
    const severity = ruleSeverity(config.rules[f.finding.rule], 'warning', true);
    if (severity !== 'off') located.push({ ...f, finding: { ...f.finding, severity } });
  }
  const linter = new Linter({ config, segmenter, lexicon: () => segmenter?.lexicon, data: sharedEngineData() });
  for (const r of checkDocx(doc, linter)) located.push(...r.located);
  const result = annotateDocx(bytes, doc, located, fix);
  await write(output, result.bytes);
  return `已写出批注副本：${pathOf(output)}（批注 ${result.comments} 条${fix ? `，修订 ${result.fixes} 处` : ''}；原文件未改动）`;
}

/** The .docx writer (the docx package, ~0.5 MB of code): loaded when a document is exported. */
function docxExport(): typeof DocxExport {
  // Required on first use, not at start: scripts/build.mjs bundles it apart (a check of a text file never needs it).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('../docx/export') as typeof DocxExport;
}
