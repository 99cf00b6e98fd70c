import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveConfig, ResolvedConfig, RULE_IDS } from './engine';
import { findConfig, loadConfigFile } from './host/configFile';

/** The `gongwen.*` VS Code settings, as the client sends them. */
export interface ClientSettings {
  languages: string[];
  rules: Record<string, unknown>;
  userWords: string[];
  ignoreWords: string[];
  replacements: unknown[];
  maxDocumentChars?: number;
  /** At most this many diagnostics per document in the editor (0: no limit). */
  maxNumberOfProblems?: number;
  /**
   * gongwen.wrongChar.mode: "aggressive" shows uncorroborated guesses in long documents as hints.
   * gongwen.wrongChar.workspaceEvidence (default on): a suspect that other documents of the workspace use is meant.
   */
  wrongChar?: { mode?: unknown; workspaceEvidence?: unknown };
}

/** Whether the other documents of the workspace are evidence for the wrong-character rule (on unless set to false). */
export function workspaceEvidenceOn(settings: ClientSettings): boolean {
  return settings.wrongChar?.workspaceEvidence !== false;
}

/** The rule settings with gongwen.wrongChar.mode folded into suspect-char's options. */
export function rulesWithWrongCharMode(settings: ClientSettings): Record<string, unknown> {
  const mode = settings.wrongChar?.mode;
  if (mode !== 'aggressive') return settings.rules;
  const current = settings.rules?.['suspect-char'];
  const base = typeof current === 'string' ? { severity: current } : typeof current === 'object' && current !== null ? current : {};
  return current === 'off' || current === false ? settings.rules : { ...settings.rules, 'suspect-char': { ...base, mode } };
}

/** cSpell and the LSP sample cap their diagnostics too: thousands per keystroke slow every editor down. */
const DEFAULT_MAX_PROBLEMS = 1000;

/** The diagnostics limit in force (0: none), and what was wrong with the setting if it was unusable. */
export function problemLimit(settings: ClientSettings): { limit: number; problem?: string } {
  const value = settings.maxNumberOfProblems;
  if (value === undefined || value === null) return { limit: DEFAULT_MAX_PROBLEMS };
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return { limit: value };
  return { limit: DEFAULT_MAX_PROBLEMS, problem: `maxNumberOfProblems 应为不小于 0 的整数（0 表示不限），已按 ${DEFAULT_MAX_PROBLEMS} 处理` };
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
      rules: rulesWithWrongCharMode(settings),
      userWords: trusted ? settings.userWords : [],
      ignoreWords: trusted ? settings.ignoreWords : [],
      replacements: trusted ? settings.replacements : [],
      ...(settings.maxDocumentChars ? { maxDocumentChars: settings.maxDocumentChars } : {}),
    },
    RULE_IDS,
  );
  problems.push(...fromSettings.problems.map((p) => `设置 gongwen.*：${p}`));
  const limitProblem = problemLimit(settings).problem;
  if (limitProblem) problems.push(`设置 gongwen.*：${limitProblem}`);
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
    // A unit's .docx layout lives only in the workspace file.
    ...(f?.format ? { format: f.format } : {}),
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
