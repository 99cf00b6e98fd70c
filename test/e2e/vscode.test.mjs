// The packaged extension in a real VS Code: code-server (cached in .cache/code-server) with the .vsix
// installed into an isolated extensions dir, driven through Debian's chromium with playwright-core.
// One test per scenario file in test/e2e/scenarios/ (in file-name order); each saves a screenshot to
// test-results/e2e/<scenario>.png. Set GONGWEN_E2E_KEEP=1 to keep the throwaway folder for debugging,
// GONGWEN_UPDATE_DOCS=1 to copy the curated screenshots to docs/.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { defaultVsixPath } from '../../scripts/package.mjs';
import { CHROMIUM, launchBrowser } from './lib/browser.mjs';
import { ensureCodeServer, installExtension, isolatedDirs, startCodeServer } from './lib/codeServer.mjs';
import { ROOT, waitFor } from './lib/util.mjs';
import { Workbench } from './lib/workbench.mjs';

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
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.commandCenter.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'files.autoSave': 'off',
  'editor.wordWrap': 'off',
  'editor.minimap.enabled': false,
  'editor.fontSize': 15,
  // No word-based suggestion pop-ups while scenarios type into plain text; gongwen files keep the
  // extension's defaults (completion as you type).
  '[plaintext]': { 'editor.quickSuggestions': { other: 'off', comments: 'off', strings: 'off' } },
  'outline.collapseItems': 'alwaysExpand',
  'problems.sortOrder': 'position',
};

// GONGWEN_E2E_ONLY=08-docx-view (a comma-separated list of scenario names) runs just those.
const only = process.env.GONGWEN_E2E_ONLY?.split(',').map((s) => s.trim());
const scenarioFiles = fs.readdirSync(SCENARIOS).filter((f) => f.endsWith('.mjs') && (!only || only.includes(path.basename(f, '.mjs')))).sort();
const ctx = {};
let base;
let codeServer;
let browser;
let skipReason;
// Skipped without chromium on a developer's machine; in CI (CI=true) a missing browser is a failure.
if (!fs.existsSync(CHROMIUM) && !process.env.CI) skipReason = `${CHROMIUM} is missing (apt-get install -y chromium fonts-wqy-microhei); .ci/run installs it`;

before(async () => {
  if (skipReason) return;
  const vsix = defaultVsixPath();
  assert.ok(fs.existsSync(vsix), `${vsix} is missing: run \`npm run package\` first (npm run test:e2e does)`);
  base = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-e2e-'));
  const dirs = isolatedDirs(base);
  const workspace = path.join(base, 'workspace');
  fs.mkdirSync(workspace);
  for (const [name, source] of Object.entries(WORKSPACE_FILES)) fs.copyFileSync(path.join(ROOT, source), path.join(workspace, name));
  fs.mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
  fs.writeFileSync(path.join(dirs.userData, 'User', 'settings.json'), JSON.stringify(SETTINGS, null, 2));
  fs.rmSync(RESULTS, { recursive: true, force: true });
  fs.mkdirSync(RESULTS, { recursive: true });

  const bin = ensureCodeServer((line) => console.log(`# ${line}`));
  await installExtension(bin, vsix, dirs);
  const installed = fs.readdirSync(dirs.extensions).filter((d) => d.startsWith('gongwen.gongwen-'));
  assert.equal(installed.length, 1, `extension folder in ${dirs.extensions}: ${fs.readdirSync(dirs.extensions)}`);
  codeServer = await startCodeServer(bin, dirs, workspace);
  // If the test process is stopped early, stop our code-server too (by its PID; never anything else).
  process.once('exit', () => {
    if (codeServer.process.exitCode === null && codeServer.process.signalCode === null) codeServer.process.kill('SIGTERM');
  });
  browser = await launchBrowser(path.join(base, 'chromium-profile'));
  const page = browser.pages()[0] ?? (await browser.newPage());
  page.setDefaultTimeout(30_000);
  await page.goto(codeServer.url);
  const wb = new Workbench(page);
  await wb.ready();
  Object.assign(ctx, { page, wb, workspace, dirs, codeServer, extensionDir: path.join(dirs.extensions, installed[0]), results: RESULTS });
}, { timeout: 15 * 60_000 });

after(async () => {
  await browser?.close().catch(() => {});
  if (codeServer && codeServer.process.exitCode === null) {
    // code-server's own children (extension host, our language server) go down with it.
    codeServer.process.kill('SIGTERM');
    await waitFor(() => codeServer.process.exitCode !== null || codeServer.process.signalCode !== null, { timeoutMs: 10_000, what: 'code-server to stop' }).catch(() => codeServer.process.kill('SIGKILL'));
  }
  if (base && !process.env.GONGWEN_E2E_KEEP) fs.rmSync(base, { recursive: true, force: true });
  else if (base) console.log(`# kept ${base}`);
});

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
      if (codeServer) fs.writeFileSync(path.join(RESULTS, 'code-server.log'), codeServer.log());
      throw error;
    } finally {
      // Leave a clean workbench for the next scenario: no open editor, so no problems of other files.
      await ctx.wb.page.keyboard.press('Escape').catch(() => {});
      await ctx.wb.closeAllEditors().catch((error) => console.log(`# could not close the editors: ${error.message}`));
    }
  });
}
