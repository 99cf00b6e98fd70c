import * as fs from 'node:fs';
import * as path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { CodeAction, CodeActionKind, Diagnostic, TextEdit } from '../lsp';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Analysis } from '../analysis';
import { applyConfigChange, CONFIG_FILE_NAME, ConfigChange, Finding } from '../engine';
import { containsHan } from '../engine/chars';
import { fileKeyFor } from '../host/configFile';
import { UPDATE_CONFIG_COMMAND } from '../protocol';
import { configFileFor, documentPath } from '../settings';

/**
 * The .gongwenrc.json that ignore/disable actions write for a document: the one already in force, else a
 * new one at the root of the workspace folder that holds the document. Undefined outside any workspace.
 */
export function targetConfigFile(uri: string, analysis: Analysis): string | undefined {
  if (!analysis.trusted) return undefined;
  const existing = configFileFor(uri, true);
  const file = documentPath(uri);
  if (!file) return undefined;
  const folder = analysis.workspaceFolders
    .filter((f) => {
      const relative = path.relative(f, file);
      return relative && !relative.startsWith('..') && !path.isAbsolute(relative);
    })
    .sort((a, b) => b.length - a.length)[0];
  if (existing && (!folder || !path.relative(folder, existing).startsWith('..'))) return existing;
  return folder ? path.join(folder, CONFIG_FILE_NAME) : existing;
}

/** The flagged text when it is a word one may want to ignore (not a heading number or a mark). */
function flaggedWord(document: TextDocument, finding: Finding): string | undefined {
  const { start, end } = finding.range;
  if (start.line !== end.line || finding.rule.startsWith('heading-') || finding.rule.startsWith('enumeration-')) return undefined;
  const word = document.getText(finding.range);
  return word && word.length <= 50 && !/\s/.test(word) && containsHan(word) ? word : undefined;
}

function lineText(document: TextDocument, line: number): string {
  return document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$|\r$/, '');
}

function command(title: string, uri: string, change: ConfigChange) {
  return { title, command: UPDATE_CONFIG_COMMAND, arguments: [uri, change] };
}

/**
 * "Ignore this word" and "disable rule X" for a line, the document and the workspace. Markdown gets
 * disable comments (they do not show when rendered); plain text keeps them in the workspace file, keyed
 * by the file's path (and, for a line, by the line's text), which the CLI reads too. Nothing is offered
 * in an untrusted workspace.
 */
export function configActions(document: TextDocument, finding: Finding, diagnostic: Diagnostic, analysis: Analysis): CodeAction[] {
  if (!analysis.trusted) return [];
  const uri = document.uri;
  const rule = finding.rule;
  const markdown = document.languageId === 'markdown';
  const configFile = targetConfigFile(uri, analysis);
  const fsPath = documentPath(uri);
  const fileKey = configFile && fsPath ? fileKeyFor(configFile, fsPath) : undefined;
  const actions: CodeAction[] = [];
  const add = (title: string, action: Partial<CodeAction>) => actions.push({ title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], ...action });

  const word = flaggedWord(document, finding);
  if (word && configFile) add(`忽略“${word}”（本工作区）`, { command: command('忽略此词', uri, { kind: 'ignoreWord', word }) });

  const line = finding.range.start.line;
  if (markdown) {
    add(`在本行停用规则 ${rule}`, { edit: { changes: { [uri]: [disableNextLineEdit(document, line, rule)] } } });
    add(`在本文档停用规则 ${rule}`, { edit: { changes: { [uri]: [disableFileEdit(document, rule)] } } });
  } else if (fileKey) {
    add(`在本行停用规则 ${rule}`, { command: command('在本行停用规则', uri, { kind: 'disableLineRule', file: fileKey, rule, line: lineText(document, line) }) });
    add(`在本文档停用规则 ${rule}`, { command: command('在本文档停用规则', uri, { kind: 'disableFileRule', file: fileKey, rule }) });
  }
  if (configFile) add(`在工作区停用规则 ${rule}`, { command: command('在工作区停用规则', uri, { kind: 'disableRule', rule }) });
  return actions;
}

function eolOf(document: TextDocument): string {
  return document.getText().includes('\r\n') ? '\r\n' : '\n';
}

/** <!-- gongwen-disable-next-line RULE --> above the line (added to an existing such comment). */
export function disableNextLineEdit(document: TextDocument, line: number, rule: string): TextEdit {
  const previous = line > 0 ? lineText(document, line - 1) : '';
  const existing = /^(\s*<!--\s*gongwen-disable-next-line\b.*?)\s*-->\s*$/.exec(previous);
  if (existing) {
    return { range: { start: { line: line - 1, character: 0 }, end: { line: line - 1, character: previous.length } }, newText: `${existing[1]} ${rule} -->` };
  }
  const indent = /^[ \t]*/.exec(lineText(document, line))![0];
  return { range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indent}<!-- gongwen-disable-next-line ${rule} -->${eolOf(document)}` };
}

/** <!-- gongwen-disable RULE --> at the top of a Markdown file (after its front matter). */
export function disableFileEdit(document: TextDocument, rule: string): TextEdit {
  let at = 0;
  if (lineText(document, 0).trim() === '---') {
    for (let i = 1; i < document.lineCount; i++) {
      if (/^(---|\.\.\.)\s*$/.test(lineText(document, i))) {
        at = i + 1;
        break;
      }
    }
  }
  return { range: { start: { line: at, character: 0 }, end: { line: at, character: 0 } }, newText: `<!-- gongwen-disable ${rule} -->${eolOf(document)}` };
}

/** Runs the command of an ignore/disable action: updates the workspace file and re-checks. */
export function executeConfigCommand(args: unknown[] | undefined, analysis: Analysis): string | undefined {
  const [uri, change] = (args ?? []) as [unknown, ConfigChange | undefined];
  if (typeof uri !== 'string' || !change || typeof change !== 'object') return '参数无效';
  // The file is worked out again here, never taken from the arguments.
  const file = targetConfigFile(uri, analysis);
  if (!file) return analysis.trusted ? '文档不在工作区内，无法写入 .gongwenrc.json' : '工作区未受信任，不写入配置文件';
  const valid =
    (change.kind === 'ignoreWord' && typeof change.word === 'string' && change.word.length <= 50) ||
    (change.kind === 'disableRule' && typeof change.rule === 'string') ||
    (change.kind === 'disableFileRule' && typeof change.rule === 'string' && typeof change.file === 'string') ||
    (change.kind === 'disableLineRule' && typeof change.rule === 'string' && typeof change.file === 'string' && typeof change.line === 'string');
  if (!valid) return '参数无效';
  let original = '';
  try {
    original = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return `无法读取 ${file}：${(error as Error).message}`;
  }
  const text = applyConfigChange(original, change);
  if (text !== original) {
    try {
      writeFileAtomic.sync(file, text, { encoding: 'utf8' });
    } catch (error) {
      return `无法写入 ${file}：${(error as Error).message}`;
    }
  }
  analysis.resetConfiguration();
  return undefined;
}
