// Scenario 7: the extension keeps working after its language server is killed: the client restarts it,
// diagnostics come back, and the user sees at most one message about it.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { waitFor } from '../lib/util.mjs';

const FILE = '重启测试.txt';

/** PIDs of `node …/dist/server.js` processes of this extension folder that descend from code-server. */
function serverPids(extensionDir, ancestor) {
  const script = path.join(extensionDir, 'dist', 'server.js');
  const parentOf = (pid) => {
    try {
      return Number(/^PPid:\s*(\d+)/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))[1]);
    } catch {
      return 0;
    }
  };
  const descends = (pid) => {
    for (let p = pid, i = 0; p > 1 && i < 50; p = parentOf(p), i++) if (p === ancestor) return true;
    return false;
  };
  const pids = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let cmdline;
    try {
      cmdline = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
    } catch {
      continue;
    }
    if (cmdline.includes(script) && descends(Number(entry))) pids.push(Number(entry));
  }
  return pids;
}

export default {
  title: 'the client restarts the language server after it is killed',
  async run({ page, wb, extensionDir, codeServer, shot }) {
    await wb.openFile(FILE);
    await wb.problems((rows) => rows.some((r) => r.includes(FILE)) && rows.some((r) => r.includes('二级标题序号不连续')), 'the problems of the file');
    const [pid] = await waitFor(() => {
      const pids = serverPids(extensionDir, codeServer.process.pid);
      return pids.length === 1 && pids;
    }, { what: 'exactly one gongwen server process under code-server' });
    const toastsBefore = await page.locator('.notifications-toasts .notification-toast').count();

    process.kill(pid, 'SIGKILL');
    const [newPid] = await waitFor(() => {
      const pids = serverPids(extensionDir, codeServer.process.pid);
      return pids.length === 1 && pids[0] !== pid && pids;
    }, { what: 'the client to start a new server process', timeoutMs: 30_000 });
    assert.notEqual(newPid, pid);

    // The new server knows the document: an edit gets fresh diagnostics.
    await wb.focusEditor();
    // “（三）坚持守牢底线” → “（三）、坚持守牢底线”: a wrong heading marker the new server must report.
    await wb.goTo(11, 4);
    await page.keyboard.insertText('、');
    await wb.problems((rows) => rows.some((r) => r.includes('“（三）、”应写作“（三）”') && r.includes('[Ln 11, Col 1]')) && rows.some((r) => r.includes('二级标题序号不连续')), 'diagnostics from the restarted server');
    const toasts = await page.locator('.notifications-toasts .notification-toast').allInnerTexts();
    assert.ok(toasts.length - toastsBefore <= 1, `at most one message for the restart, got:\n${toasts.join('\n---\n')}`);
    await shot();
  },
};
