// The packaged extension in a real VS Code: code-server (cached in .cache/code-server) with the .vsix
// installed into an isolated extensions dir, driven through Debian's chromium with playwright-core.
// One test per scenario file in test/e2e/scenarios/ (in file-name order); each saves a screenshot to
// test-results/e2e/<scenario>.png. Set GONGWEN_E2E_KEEP=1 to keep the throwaway folder for debugging,
// GONGWEN_UPDATE_DOCS=1 to copy the curated screenshots to docs/.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { defaultVsixPath } from '../../scripts/package.mjs';
import { skipReasonWithoutBrowser, startSession, stopSession } from './lib/session.mjs';
import { ROOT } from './lib/util.mjs';

const RESULTS = path.join(ROOT, 'test-results', 'e2e');
const SCENARIOS = path.join(ROOT, 'test', 'e2e', 'scenarios');

/** The sample reports of the throwaway workspace: name in the workspace ← file in the repository. */
export const WORKSPACE_FILES = {
  '工作总结.txt': 'examples/work-report.txt',
  '层级示例.txt': 'test/fixtures/levels.txt',
  '序号错误.txt': 'test/fixtures/numbering-errors.txt',
  '快速修复.txt': 'examples/work-report.txt',
  '字数统计.txt': 'examples/work-report.txt',
  '重启测试.txt': 'examples/work-report.txt',
  'markdown报告.md': 'test/fixtures/markdown.md',
  '补全测试.gw': 'test/fixtures/levels.txt',
  '悬停测试.gw': 'test/fixtures/terms-report.gw',
  '无结构.txt': 'test/fixtures/no-structure.txt',
  'Word报告.docx': 'examples/work-report.docx',
};

const SETTINGS = {
  'files.autoSave': 'off',
  'editor.wordWrap': 'off',
  'editor.fontSize': 15,
  // No word-based suggestion pop-ups while scenarios type into plain text; gongwen files keep the
  // extension's defaults (completion as you type).
  '[plaintext]': { 'editor.quickSuggestions': { other: 'off', comments: 'off', strings: 'off' } },
};

// GONGWEN_E2E_ONLY=08-docx-view (a comma-separated list of scenario names) runs just those.
const only = process.env.GONGWEN_E2E_ONLY?.split(',').map((s) => s.trim());
const scenarioFiles = fs.readdirSync(SCENARIOS).filter((f) => f.endsWith('.mjs') && (!only || only.includes(path.basename(f, '.mjs')))).sort();
const ctx = {};
let session;
const skipReason = skipReasonWithoutBrowser();

before(async () => {
  if (skipReason) return;
  session = await startSession({ prefix: 'gongwen-e2e-', vsix: defaultVsixPath(), files: WORKSPACE_FILES, settings: SETTINGS, results: RESULTS });
  const { page, wb, workspace, dirs, codeServer } = session;
  const installed = fs.readdirSync(dirs.extensions).filter((d) => d.startsWith('gongwen.gongwen-'));
  assert.equal(installed.length, 1, `extension folder in ${dirs.extensions}: ${fs.readdirSync(dirs.extensions)}`);
  Object.assign(ctx, { page, wb, workspace, dirs, codeServer, extensionDir: path.join(dirs.extensions, installed[0]), results: RESULTS });
}, { timeout: 15 * 60_000 });

after(() => stopSession(session));

for (const file of scenarioFiles) {
  const { default: scenario } = await import(pathToFileURL(path.join(SCENARIOS, file)).href);
  const name = path.basename(file, '.mjs');
  test(`${name}: ${scenario.title}`, { skip: skipReason, timeout: scenario.timeoutMs ?? 120_000 }, async () => {
    assert.ok(ctx.wb, 'the workbench did not start (see the before hook)');
    try {
      const shot = async (suffix = '') => {
        const file = path.join(RESULTS, `${name}${suffix}.png`);
        await ctx.wb.screenshot(file);
        // GONGWEN_UPDATE_DOCS=1 refreshes the curated screenshots of docs/ (scenario.docs: suffix → file).
        const docsName = scenario.docs?.[suffix];
        if (docsName && process.env.GONGWEN_UPDATE_DOCS) fs.copyFileSync(file, path.join(ROOT, 'docs', docsName));
      };
      await scenario.run({ ...ctx, shot });
    } catch (error) {
      await ctx.wb.screenshot(path.join(RESULTS, `${name}-FAILED.png`)).catch(() => {});
      if (session?.codeServer) fs.writeFileSync(path.join(RESULTS, 'code-server.log'), session.codeServer.log());
      throw error;
    } finally {
      // Leave a clean workbench for the next scenario: no open editor, so no problems of other files.
      await ctx.wb.page.keyboard.press('Escape').catch(() => {});
      await ctx.wb.closeAllEditors().catch((error) => console.log(`# could not close the editors: ${error.message}`));
    }
  });
}
