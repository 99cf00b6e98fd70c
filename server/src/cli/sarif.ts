// `gongwen check --format sarif`: SARIF 2.1.0 for code-scanning tools (GitHub, GitLab, IDE viewers).
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ALL_RULES, Finding, Fix, Severity } from '../engine';
import { VERSION } from './args';
import type { CheckedFile } from './check';

type SarifLevel = 'error' | 'warning' | 'note';

const LEVEL: Record<Severity, SarifLevel> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };
const SEVERITY_NAME: Record<Severity, string> = { error: '错误', warning: '警告', information: '提示', hint: '提示' };

/** The base every relative artifact URI is resolved against: the working directory of the run. */
const SRCROOT = 'SRCROOT';

interface RuleInfo {
  id: string;
  description: string;
  defaultSeverity: Severity;
  enabledByDefault?: boolean;
}

/** Findings that no rule of ALL_RULES gives (the linter's own notices). */
const ENGINE_NOTICES: RuleInfo[] = [
  { id: 'document-size', description: '文档超过配置的字数上限（maxDocumentChars）时只检查标题结构', defaultSeverity: 'information' },
];

/** The text as a sentence: with a full stop unless it ends with one. */
function sentence(text: string): string {
  return /[。！？]$/.test(text) ? text : text + '。';
}

function ruleDescriptor(rule: RuleInfo) {
  const off = rule.enabledByDefault === false;
  const severity = SEVERITY_NAME[rule.defaultSeverity];
  const how =
    `在 .gongwenrc.json 的 "rules" 中可把 "${rule.id}" 设为 "off"、"error"、"warning"、"information" 或 "hint"；` +
    `单独一处可在上一行写注释 gongwen-disable-next-line ${rule.id}（Markdown 中写作 <!-- gongwen-disable-next-line ${rule.id} -->）。`;
  return {
    id: rule.id,
    name: rule.id,
    shortDescription: { text: rule.description },
    fullDescription: { text: `${sentence(rule.description)}默认级别：${severity}${off ? '；默认关闭，需在配置中开启' : ''}。` },
    help: {
      text: `${sentence(rule.description)}${how}`,
      markdown: `${sentence(rule.description)}\n\n在 \`.gongwenrc.json\` 的 \`"rules"\` 中可把 \`"${rule.id}"\` 设为 \`"off"\`、\`"error"\`、\`"warning"\`、\`"information"\` 或 \`"hint"\`；单独一处可在上一行写注释 \`gongwen-disable-next-line ${rule.id}\`（Markdown 中写作 \`<!-- gongwen-disable-next-line ${rule.id} -->\`）。`,
    },
    defaultConfiguration: { level: LEVEL[rule.defaultSeverity], ...(off ? { enabled: false } : {}) },
    properties: { tags: ['gongwen'] },
  };
}

/** A file's URI: relative to the working directory (uriBaseId SRCROOT) when inside it, else an absolute file: URI. */
function artifactLocation(file: string, cwd: string): { uri: string; uriBaseId?: string } {
  const absolute = path.resolve(cwd, file);
  const relative = path.relative(cwd, absolute);
  if (relative && !relative.startsWith('..') && !path.isAbsolute(relative)) {
    return { uri: relative.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
  }
  return { uri: pathToFileURL(absolute).href };
}

/** SARIF regions are 1-based; columns count UTF-16 code units (the run's columnKind), as the engine does. */
function region(r: Finding['range']) {
  return { startLine: r.start.line + 1, startColumn: r.start.character + 1, endLine: r.end.line + 1, endColumn: r.end.character + 1 };
}

/** Only the fix `--fix` would apply (the first safe one): a code-scanning tool may offer it as an autofix. */
function sarifFixes(finding: Finding, location: ReturnType<typeof artifactLocation>) {
  const fix: Fix | undefined = finding.fixes.find((f) => f.safe);
  if (!fix) return undefined;
  return [
    {
      description: { text: fix.title },
      artifactChanges: [
        {
          artifactLocation: location,
          replacements: fix.edits.map((e) => ({ deletedRegion: region(e.range), insertedContent: { text: e.newText } })),
        },
      ],
    },
  ];
}

/** The SARIF log of one `gongwen check` run. `executionSuccessful` is false after an I/O error. */
export function sarifLog(results: readonly CheckedFile[], executionSuccessful: boolean, cwd = process.cwd()) {
  const rules: RuleInfo[] = [...ALL_RULES, ...ENGINE_NOTICES];
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const sarifResults = [];
  for (const checked of results) {
    const location = artifactLocation(checked.file, cwd);
    for (const finding of checked.findings) {
      let ruleIndex = index.get(finding.rule);
      if (ruleIndex === undefined) {
        ruleIndex = rules.push({ id: finding.rule, description: finding.rule, defaultSeverity: finding.severity }) - 1;
        index.set(finding.rule, ruleIndex);
      }
      const fixes = sarifFixes(finding, location);
      sarifResults.push({
        ruleId: finding.rule,
        ruleIndex,
        level: LEVEL[finding.severity],
        message: { text: finding.message },
        locations: [{ physicalLocation: { artifactLocation: location, region: region(finding.range) } }],
        ...(fixes ? { fixes } : {}),
      });
    }
  }
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'gongwen', fullName: '公文写作助手', version: VERSION, semanticVersion: VERSION, language: 'zh-CN', rules: rules.map(ruleDescriptor) } },
        originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(cwd.endsWith(path.sep) ? cwd : cwd + path.sep).href } },
        invocations: [{ executionSuccessful }],
        language: 'zh-CN',
        columnKind: 'utf16CodeUnits',
        results: sarifResults,
      },
    ],
  };
}
