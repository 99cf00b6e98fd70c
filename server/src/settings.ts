import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findConfig, loadConfigFile, resolveConfig, ResolvedConfig, RULE_IDS } from './engine';

/** The `gongwen.*` VS Code settings, as the client sends them. */
export interface ClientSettings {
  languages: string[];
  rules: Record<string, unknown>;
  userWords: string[];
  ignoreWords: string[];
  replacements: unknown[];
  maxDocumentChars?: number;
}

export const DEFAULT_SETTINGS: ClientSettings = {
  // `text` is what Neovim and Emacs (eglot) call plain text.
  languages: ['gongwen', 'plaintext', 'text', 'markdown'],
  rules: {},
  userWords: [],
  ignoreWords: [],
  replacements: [],
};

export interface EffectiveConfig {
  config: ResolvedConfig;
  /** The .gongwenrc.json used, if any. */
  file?: string;
  problems: string[];
}

/**
 * Combines .gongwenrc.json (the nearest one above the document) with the user's settings; settings win
 * for rule severities, word lists are merged. In an untrusted workspace no workspace file is read.
 */
export function effectiveConfig(file: string | undefined, settings: ClientSettings, trusted: boolean): EffectiveConfig {
  let fileConfig: ResolvedConfig | undefined;
  const problems: string[] = [];
  if (trusted && file) {
    const loaded = loadConfigFile(file);
    fileConfig = loaded.config;
    problems.push(...loaded.problems.map((p) => `${file}：${p}`));
  }
  const fromSettings = resolveConfig(
    {
      rules: settings.rules,
      userWords: trusted ? settings.userWords : [],
      ignoreWords: trusted ? settings.ignoreWords : [],
      replacements: trusted ? settings.replacements : [],
      ...(settings.maxDocumentChars ? { maxDocumentChars: settings.maxDocumentChars } : {}),
    },
    RULE_IDS,
  );
  problems.push(...fromSettings.problems.map((p) => `设置 gongwen.*：${p}`));
  const s = fromSettings.config;
  const f = fileConfig;
  const config: ResolvedConfig = {
    rules: { ...(f?.rules ?? {}), ...s.rules },
    ignoreWords: new Set([...(f?.ignoreWords ?? []), ...s.ignoreWords]),
    userWords: [...(f?.userWords ?? []), ...s.userWords],
    replacements: [...(f?.replacements ?? []), ...s.replacements],
    maxDocumentChars: settings.maxDocumentChars ? s.maxDocumentChars : f?.maxDocumentChars ?? s.maxDocumentChars,
    // Per-file switches live only in the workspace file (the quick fixes write them there).
    files: f?.files ?? s.files,
  };
  return { config, file, problems };
}

/** The .gongwenrc.json that applies to a document: the nearest one above it (none in untrusted workspaces). */
export function configFileFor(documentUri: string, trusted: boolean): string | undefined {
  if (!trusted) return undefined;
  const fsPath = documentPath(documentUri);
  return fsPath ? findConfig(path.dirname(fsPath)) : undefined;
}

/** Cheap identity of a config file's current content, to notice edits. */
export function fileStamp(file: string | undefined): string {
  if (!file) return '';
  try {
    const stat = fs.statSync(file);
    return `${file}:${stat.mtimeMs}:${stat.size}`;
  } catch {
    return `${file}:missing`;
  }
}

export function documentPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}
