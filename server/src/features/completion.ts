import {
  CompletionItem,
  CompletionItemKind,
  CompletionList,
  CompletionParams,
  InsertTextFormat,
  MarkupKind,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Analysis } from '../analysis';
import { CandidateKind, complete, PhraseCatalog, PhraseFunction, SnippetFile } from '../engine/completion';
import { parseSnippet } from '../engine/snippetSyntax';

let catalog: PhraseCatalog | undefined;

/**
 * The phrases, read from the VS Code snippet files (the single source; esbuild bundles them into
 * dist/server.js). Loaded on first use.
 */
export function phraseCatalog(): PhraseCatalog {
  if (!catalog) {
    // Literal paths, so that the bundler inlines the files.
    const files: Record<PhraseFunction, SnippetFile> = {
      skeleton: require('../../../snippets/skeletons.json'),
      opening: require('../../../snippets/opening.json'),
      transition: require('../../../snippets/transition.json'),
      practice: require('../../../snippets/practice.json'),
      problem: require('../../../snippets/problems.json'),
      cause: require('../../../snippets/causes.json'),
      'next-step': require('../../../snippets/next-steps.json'),
      closing: require('../../../snippets/closing.json'),
      structure: require('../../../snippets/structures.json'),
      term: require('../../../snippets/terms.json'),
    };
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
