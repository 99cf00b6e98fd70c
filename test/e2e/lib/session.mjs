// One code-server session for an end-to-end test file: a throwaway folder with isolated user data and
// extensions, a workspace of sample reports, the .vsix installed, code-server started and chromium on its
// page. vscode.test.mjs (the Node extension) and web.test.mjs (the web extension) differ only in what they
// install, which files and settings they use, and what they assert.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CHROMIUM, launchBrowser } from './browser.mjs';
import { ensureCodeServer, installExtension, isolatedDirs, startCodeServer } from './codeServer.mjs';
import { ROOT, waitFor } from './util.mjs';
import { Workbench } from './workbench.mjs';

/** The workbench settings every session starts with: nothing that pops up, updates or phones home. */
export const QUIET_SETTINGS = {
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
  'editor.minimap.enabled': false,
  'outline.collapseItems': 'alwaysExpand',
  'problems.sortOrder': 'position',
};

/** Why the tests of a file are skipped, or undefined: without chromium on a developer's machine; in CI a failure. */
export function skipReasonWithoutBrowser() {
  if (!fs.existsSync(CHROMIUM) && !process.env.CI) return `${CHROMIUM} is missing (apt-get install -y chromium fonts-wqy-microhei); .ci/run installs it`;
  return undefined;
}

/**
 * Starts a session. `files`: name in the workspace ← file in the repository; `settings` are added to
 * QUIET_SETTINGS; `results` is emptied and receives the screenshots and logs.
 */
export async function startSession({ prefix, vsix, files, settings = {}, results, onPage }) {
  assert.ok(fs.existsSync(vsix), `${vsix} is missing: run \`npm run test:e2e\` (it packages first)`);
  const base = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const dirs = isolatedDirs(base);
  const workspace = path.join(base, 'workspace');
  fs.mkdirSync(workspace);
  for (const [name, source] of Object.entries(files)) fs.copyFileSync(path.join(ROOT, source), path.join(workspace, name));
  fs.mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
  fs.writeFileSync(path.join(dirs.userData, 'User', 'settings.json'), JSON.stringify({ ...QUIET_SETTINGS, ...settings }, null, 2));
  fs.rmSync(results, { recursive: true, force: true });
  fs.mkdirSync(results, { recursive: true });

  const session = { base, dirs, workspace };
  try {
    const bin = ensureCodeServer((line) => console.log(`# ${line}`));
    await installExtension(bin, vsix, dirs);
    session.codeServer = await startCodeServer(bin, dirs, workspace);
    // If the test process is stopped early, stop our code-server too (by its PID; never anything else).
    const { process: child } = session.codeServer;
    process.once('exit', () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    });
    session.browser = await launchBrowser(path.join(base, 'chromium-profile'));
    session.page = session.browser.pages()[0] ?? (await session.browser.newPage());
    session.page.setDefaultTimeout(30_000);
    onPage?.(session.page);
    await session.page.goto(session.codeServer.url);
    session.wb = new Workbench(session.page);
    await session.wb.ready();
    return session;
  } catch (error) {
    // A session that did not start is not left running.
    await stopSession(session);
    throw error;
  }
}

/** Closes the browser, stops code-server (its children, the extension host and our server, go with it), removes the folder. */
export async function stopSession(session) {
  if (!session) return;
  const { browser, codeServer, base } = session;
  await browser?.close().catch(() => {});
  if (codeServer && codeServer.process.exitCode === null) {
    codeServer.process.kill('SIGTERM');
    await waitFor(() => codeServer.process.exitCode !== null || codeServer.process.signalCode !== null, { timeoutMs: 10_000, what: 'code-server to stop' }).catch(() => codeServer.process.kill('SIGKILL'));
  }
  if (base && !process.env.GONGWEN_E2E_KEEP) fs.rmSync(base, { recursive: true, force: true });
  else if (base) console.log(`# kept ${base}`);
}
