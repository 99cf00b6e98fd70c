import { CodeAction, CodeActionKind, CodeActionParams, Command, TextEdit, WorkspaceEdit } from '../lsp';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Analysis } from '../analysis';
import { NUMBERING_RULES, renumberEdits } from '../engine';
import { RENUMBER_COMMAND } from '../protocol';
import { configActions } from './configActions';
import { DIAGNOSTIC_SOURCE, findingFor } from './convert';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.gongwen`;

export const CODE_ACTION_KINDS = [CodeActionKind.QuickFix, FIX_ALL_KIND, CodeActionKind.Source];

function edit(uri: string, edits: TextEdit[]): WorkspaceEdit {
  return { changes: { [uri]: edits } };
}

export function codeActions(document: TextDocument, params: CodeActionParams, analysis: Analysis): CodeAction[] {
  const result = analysis.analyze(document);
  if (!result) return [];
  const uri = document.uri;
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(k + '.'));
  const actions: CodeAction[] = [];

  if (wants(CodeActionKind.QuickFix)) {
    let offerRenumber = false;
    // Ignore / disable actions go after every real fix.
    const ignoreActions: CodeAction[] = [];
    for (const diagnostic of params.context.diagnostics) {
      if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
      const finding = findingFor(result.findings, diagnostic);
      if (!finding) continue;
      finding.fixes.forEach((fix, index) => {
        actions.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          isPreferred: index === 0 && fix.safe,
          edit: edit(uri, fix.edits),
        });
      });
      if (NUMBERING_RULES.has(finding.rule)) offerRenumber = true;
      ignoreActions.push(...configActions(document, finding, diagnostic, analysis));
    }
    if (offerRenumber) {
      actions.push({ title: '全文重新编号（标题序号与“一是、二是”）', kind: CodeActionKind.QuickFix, command: renumberCommand(uri) });
    }
    actions.push(...ignoreActions);
  }
  if (wants(FIX_ALL_KIND)) {
    const edits = analysis.fixAllEdits(document);
    if (edits.length) actions.push({ title: '修复全部可安全修复的问题（gongwen）', kind: FIX_ALL_KIND, edit: edit(uri, edits) });
  }
  if (only?.includes(CodeActionKind.Source)) {
    actions.push({ title: '全文重新编号（gongwen）', kind: CodeActionKind.Source, command: renumberCommand(uri) });
  }
  return actions;
}

export function renumberCommand(uri: string): Command {
  return { title: '全文重新编号', command: RENUMBER_COMMAND, arguments: [uri] };
}

/** The edits of the renumber command for a document's current text. */
export function renumberDocumentEdits(document: TextDocument, analysis: Analysis): TextEdit[] {
  const result = analysis.analyze(document);
  return result ? renumberEdits(result.document) : [];
}
