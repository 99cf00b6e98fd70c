import { parse as parseJsonc, ParseError, printParseErrorCode } from 'jsonc-parser';
import { Severity, SEVERITIES } from './types';

/** A rule's setting: "off", a severity, or an object with a severity and rule options. */
export type RuleSetting = 'off' | Severity | ({ severity?: Severity | 'off' } & Record<string, unknown>);

/** The configuration as written in .gongwenrc.json (all fields optional). Data only: nothing is executed. */
export interface GongwenConfig {
  rules?: Record<string, RuleSetting>;
  /** Words never flagged by any word rule. */
  ignoreWords?: string[];
  /** Extra words for segmentation (names of units, local terms). */
  userWords?: string[];
  /** Extra wrong → right pairs for the misused-word rule. */
  replacements?: { wrong: string; right: string; note?: string }[];
  /** Documents longer than this (characters) get structure checks only. */
  maxDocumentChars?: number;
  /** Per-file switches, keyed by the file's path relative to this configuration file ("/" separators). */
  files?: Record<string, FileSettings>;
}

/** What the quick fixes record for one file (plain text cannot hold disable comments without showing them). */
export interface FileSettings {
  /** Rules off for the whole file. */
  disable?: string[];
  /** A rule off on the lines whose text (trimmed) is exactly `line`; survives edits elsewhere in the file. */
  disableLines?: { rule: string; line: string }[];
}

export const DEFAULT_MAX_DOCUMENT_CHARS = 3_000_000;

/** The configuration after validation, with defaults filled in. */
export interface ResolvedConfig {
  rules: Record<string, RuleSetting>;
  ignoreWords: ReadonlySet<string>;
  userWords: readonly string[];
  replacements: readonly { wrong: string; right: string; note?: string }[];
  maxDocumentChars: number;
  files: ReadonlyMap<string, Required<FileSettings>>;
  /** A unit's own .docx layout (`format`), as written; validated where it is used (server/src/docx/profile.ts). */
  format?: Readonly<Record<string, unknown>>;
}

/** Rules checked outside the engine, on .docx files (server/src/docx/format.ts keeps the same list). */
export const FORMAT_RULE_IDS: ReadonlySet<string> = new Set([
  'format-page-size',
  'format-margins',
  'format-line-grid',
  'format-title',
  'format-heading-font',
  'format-body-font',
  'format-indent',
  'format-page-number',
  'format-signature-date',
]);

export const DEFAULT_CONFIG: ResolvedConfig = {
  rules: {},
  ignoreWords: new Set(),
  userWords: [],
  replacements: [],
  maxDocumentChars: DEFAULT_MAX_DOCUMENT_CHARS,
  files: new Map(),
};

export interface ConfigResult {
  config: ResolvedConfig;
  /** Chinese descriptions of what was wrong; the offending parts fall back to defaults. */
  problems: string[];
}

const MAX_WORD_LENGTH = 50;
const MAX_WORDS = 100_000;

/** Validates raw configuration (already parsed JSON). Never throws; bad parts are reported and skipped. */
export function resolveConfig(raw: unknown, knownRules?: ReadonlySet<string>): ConfigResult {
  const problems: string[] = [];
  if (raw === undefined || raw === null) return { config: DEFAULT_CONFIG, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return { config: DEFAULT_CONFIG, problems: ['配置应为一个 JSON 对象，已使用默认配置'] };
  }
  const input = raw as Record<string, unknown>;
  const rules: Record<string, RuleSetting> = {};
  if (input.rules !== undefined) {
    if (typeof input.rules !== 'object' || input.rules === null || Array.isArray(input.rules)) {
      problems.push('“rules”应为对象，形如 {"heading-numbering": "warning"}');
    } else {
      for (const [id, setting] of Object.entries(input.rules)) {
        if (knownRules && !knownRules.has(id) && !FORMAT_RULE_IDS.has(id)) {
          problems.push(`未知的规则“${id}”，已忽略`);
          continue;
        }
        if (setting === 'off' || (typeof setting === 'string' && (SEVERITIES as string[]).includes(setting))) {
          rules[id] = setting as RuleSetting;
        } else if (typeof setting === 'boolean') {
          if (!setting) rules[id] = 'off';
        } else if (typeof setting === 'object' && setting !== null && !Array.isArray(setting)) {
          const severity = (setting as Record<string, unknown>).severity;
          if (severity !== undefined && severity !== 'off' && !(SEVERITIES as unknown[]).includes(severity)) {
            problems.push(`规则“${id}”的 severity 应为 off、error、warning、information 或 hint`);
            continue;
          }
          rules[id] = setting as RuleSetting;
        } else {
          problems.push(`规则“${id}”的设置无效：应为 "off"、严重级别或对象`);
        }
      }
    }
  }
  const words = (key: 'ignoreWords' | 'userWords'): string[] => {
    const value = input[key];
    if (value === undefined) return [];
    if (!Array.isArray(value)) {
      problems.push(`“${key}”应为字符串数组`);
      return [];
    }
    const result: string[] = [];
    let invalid = 0;
    for (const word of value) {
      if (typeof word === 'string' && word.trim() && word.length <= MAX_WORD_LENGTH && !/[\s\u0000]/.test(word.trim())) {
        result.push(word.trim());
      } else invalid++;
    }
    if (invalid) problems.push(`“${key}”中有 ${invalid} 项无效（应为不含空白、不超过 ${MAX_WORD_LENGTH} 字的词），已跳过`);
    if (result.length > MAX_WORDS) {
      problems.push(`“${key}”超过 ${MAX_WORDS} 项，只使用前 ${MAX_WORDS} 项`);
      result.length = MAX_WORDS;
    }
    return result;
  };
  const ignoreWords = words('ignoreWords');
  const userWords = words('userWords');
  const replacements: ResolvedConfig['replacements'][number][] = [];
  if (input.replacements !== undefined) {
    if (!Array.isArray(input.replacements)) problems.push('“replacements”应为数组，形如 [{"wrong": "布署", "right": "部署"}]');
    else {
      let invalid = 0;
      for (const pair of input.replacements) {
        const p = pair as Record<string, unknown> | null;
        if (p && typeof p.wrong === 'string' && typeof p.right === 'string' && p.wrong.trim() && p.wrong.length <= MAX_WORD_LENGTH && p.right.length <= MAX_WORD_LENGTH) {
          replacements.push({ wrong: p.wrong.trim(), right: p.right.trim(), note: typeof p.note === 'string' ? p.note : undefined });
        } else invalid++;
      }
      if (invalid) problems.push(`“replacements”中有 ${invalid} 项无效（每项需要 wrong 和 right 两个字符串），已跳过`);
    }
  }
  let maxDocumentChars = DEFAULT_MAX_DOCUMENT_CHARS;
  if (input.maxDocumentChars !== undefined) {
    if (typeof input.maxDocumentChars === 'number' && Number.isFinite(input.maxDocumentChars) && input.maxDocumentChars > 0) {
      maxDocumentChars = Math.floor(input.maxDocumentChars);
    } else problems.push('“maxDocumentChars”应为正数');
  }
  const files = new Map<string, Required<FileSettings>>();
  if (input.files !== undefined) {
    if (typeof input.files !== 'object' || input.files === null || Array.isArray(input.files)) {
      problems.push('“files”应为对象，形如 {"报告.txt": {"disable": ["misused-word"]}}');
    } else {
      let invalid = 0;
      for (const [file, value] of Object.entries(input.files as Record<string, unknown>)) {
        const v = value as Record<string, unknown> | null;
        if (!v || typeof v !== 'object' || Array.isArray(v)) {
          invalid++;
          continue;
        }
        const disable = Array.isArray(v.disable) ? v.disable.filter((r): r is string => typeof r === 'string') : [];
        const disableLines = Array.isArray(v.disableLines)
          ? v.disableLines.filter((d): d is { rule: string; line: string } => !!d && typeof d.rule === 'string' && typeof d.line === 'string').map((d) => ({ rule: d.rule, line: d.line.trim() }))
          : [];
        if ((v.disable !== undefined && !Array.isArray(v.disable)) || (v.disableLines !== undefined && !Array.isArray(v.disableLines))) invalid++;
        files.set(normalizeFileKey(file), { disable, disableLines });
      }
      if (invalid) problems.push(`“files”中有 ${invalid} 项无效（应为 {"disable": [规则], "disableLines": [{"rule": 规则, "line": 行文本}]}），已跳过`);
    }
  }
  for (const key of Object.keys(input)) {
    if (!['$schema', 'rules', 'ignoreWords', 'userWords', 'replacements', 'maxDocumentChars', 'files', 'format'].includes(key)) {
      problems.push(`未知的配置项“${key}”，已忽略`);
    }
  }
  let format: Record<string, unknown> | undefined;
  if (input.format !== undefined) {
    if (typeof input.format === 'object' && input.format !== null && !Array.isArray(input.format)) format = input.format as Record<string, unknown>;
    else problems.push('“format”应为对象，形如 {"margins": {"top": 37}}');
  }
  return {
    config: { rules, ignoreWords: new Set(ignoreWords), userWords, replacements, maxDocumentChars, files, ...(format ? { format } : {}) },
    problems,
  };
}

/** Parses the text of a configuration file (JSON; comments and trailing commas allowed) and validates it. */
export function parseConfigText(text: string, knownRules?: ReadonlySet<string>): ConfigResult {
  const errors: ParseError[] = [];
  const raw: unknown = parseJsonc(text.replace(/^\uFEFF/, ''), errors, { allowTrailingComma: true });
  if (errors.length) {
    const { error, offset } = errors[0];
    const line = text.slice(0, offset).split('\n').length;
    return {
      config: DEFAULT_CONFIG,
      problems: [`不是有效的 JSON：第 ${line} 行 ${printParseErrorCode(error)}，已使用默认配置`],
    };
  }
  return resolveConfig(raw, knownRules);
}

/** The key of a file in `files`: its path relative to the configuration file's folder, with "/" separators. */
export function normalizeFileKey(relative: string): string {
  return relative.replace(/\\/g, '/').replace(/^\.\//, '');
}

export function ruleSeverity(setting: RuleSetting | undefined, fallback: Severity, enabledByDefault: boolean): Severity | 'off' {
  if (setting === undefined) return enabledByDefault ? fallback : 'off';
  if (typeof setting === 'string') return setting;
  return setting.severity ?? fallback;
}
