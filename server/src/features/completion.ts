import {
  CompletionItem,
  CompletionItemKind,
  CompletionList,
  CompletionParams,
  InsertTextFormat,
  MarkupKind,
} from '../lsp';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Analysis } from '../analysis';
import { CandidateKind, complete, PhraseCatalog, PhraseFunction, SnippetFile } from '../engine/completion';
import { parseSnippet } from '../engine/snippetSyntax';
import { sharedEngineData } from '../host/data';

let catalog: PhraseCatalog | undefined;

/** The snippet file (snippets/NAME.json) of each function of a phrase. */
export const SNIPPET_FILES: Readonly<Record<PhraseFunction, string>> = {
  skeleton: 'skeletons',
  opening: 'opening',
  transition: 'transition',
  practice: 'practice',
  problem: 'problems',
  cause: 'causes',
  'next-step': 'next-steps',
  closing: 'closing',
  structure: 'structures',
  term: 'terms',
};

/**
 * The phrases, from the VS Code snippet files (the single source; read once by the host, which gives the
 * same files to the wrong-character rule's phrase book). Made on first use; without the files, none.
 */
export function phraseCatalog(): PhraseCatalog {
  if (!catalog) {
    const snippets = sharedEngineData().snippets() ?? {};
    const files: Partial<Record<PhraseFunction, SnippetFile>> = {};
    for (const [fn, name] of Object.entries(SNIPPET_FILES) as [PhraseFunction, string][]) if (snippets[name]) files[fn] = snippets[name];
    catalog = new PhraseCatalog(files);
  }
  return catalog;
}

// Not CompletionItemKind.Snippet: VS Code's own snippet settings then leave these items alone.
const KINDS: Record<CandidateKind, CompletionItemKind> = {
  skeleton: CompletionItemKind.File,
  opening: CompletionItemKind.Text,
  transition: CompletionItemKind.Text,
  practice: CompletionItemKind.Text,
  problem: CompletionItemKind.Text,
  cause: CompletionItemKind.Text,
  'next-step': CompletionItemKind.Text,
  closing: CompletionItemKind.Text,
  structure: CompletionItemKind.Struct,
  term: CompletionItemKind.Constant,
  number: CompletionItemKind.EnumMember,
};

export function completion(document: TextDocument, params: CompletionParams, analysis: Analysis, snippetSupport: boolean): CompletionList {
  // The section tree only: completion comes right after a keystroke, before the diagnostics run.
  const report = analysis.structure(document);
  if (!report) return { isIncomplete: false, items: [] };
  const { items, isIncomplete } = complete(report, params.position, phraseCatalog());
  return {
    isIncomplete,
    items: items.map((c): CompletionItem => {
      const snippet = c.snippet && snippetSupport;
      const newText = c.snippet && !snippetSupport ? parseSnippet(c.insertText).text : c.insertText;
      return {
        label: c.label,
        labelDetails: { description: c.detail },
        kind: KINDS[c.kind],
        detail: c.detail,
        documentation: c.documentation ? { kind: MarkupKind.PlainText, value: c.documentation } : undefined,
        filterText: c.filterText,
        sortText: c.sortText,
        preselect: c.preselect,
        insertTextFormat: snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
        textEdit: { range: c.range, newText },
      };
    }),
  };
}
