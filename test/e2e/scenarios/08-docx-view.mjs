// Scenario 8: a .docx in the Explorer → “Open as official-document view” from its context menu (or from
// the notification shown when the .docx itself is opened) → a
// read-only text view of the Word document with the same diagnostics as its source text, and the view
// follows the file when the .docx changes on disk.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, run, waitFor } from '../lib/util.mjs';

const NAME = 'Word报告.docx';

export default {
  title: 'a .docx opens as a checked, read-only 公文 view that follows the file',
  async run({ page, wb, workspace, shot }) {
    await wb.runCommand('View: Show Explorer');
    // Scenario 02 collapses the file list to give the Outline room: open it again.
    const folders = page.locator('.pane-header', { has: page.locator('h3', { hasText: /workspace/i }) }).first();
    if ((await folders.getAttribute('aria-expanded')) === 'false') await folders.click();
    const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: NAME }).first();
    const item = page.locator('.monaco-menu .action-item', { hasText: 'Open as official-document view' }).first();
    // The extension's menu entries arrive once the remote extension host has scanned the extensions: open
    // the context menu again until they are there.
    await waitFor(async () => {
      if (await page.locator('.monaco-menu').isVisible()) await page.keyboard.press('Escape');
      await row.click({ button: 'right' });
      await page.locator('.monaco-menu .action-item').first().waitFor();
      return item.isVisible();
    }, { what: 'the context menu entry of the .docx', timeoutMs: 60_000, intervalMs: 1000 });
    // A menu takes no click in its first moments (so that the right button's release picks nothing): click
    // again while it stays open.
    const tab = page.locator('.tabs-container .tab.active', { hasText: NAME });
    await waitFor(async () => {
      if (await item.isVisible()) await item.click({ timeout: 2_000 }).catch(() => {});
      return tab.isVisible();
    }, { what: 'the 公文 view of the .docx', timeoutMs: 30_000, intervalMs: 1000 });
    await wb.waitForText((text) => text.includes('一、主要工作及成效') && text, 'the text of the .docx in the view');

    // The same findings as the source text (examples/work-report.txt), at its lines; the panel is
    // maximized so that every row is in the page (the list is virtual).
    await wb.problems((r) => r.some((x) => x.includes('带括号的序号后不加标点')), 'the problems of the .docx view');
    await shot();
    await wb.runCommand('View: Toggle Maximized Panel');
    let rows;
    try {
      rows = await wb.problems((r) => ['“布署”应为“部署”', '带括号的序号后不加标点', '疑似错别字：“渡”可能应为“度”', '表示“到某时为止”宜用“截至”'].every((m) => r.some((x) => x.includes(m))), 'the problems of the .docx view');
    } finally {
      await wb.runCommand('View: Toggle Maximized Panel');
    }
    assert.ok(rows.find((r) => r.includes('“布署”应为“部署”')).includes('[Ln 22, Col 23]'), rows.join('\n'));

    // Read-only: typing changes nothing.
    await wb.focusEditor();
    const before = await wb.visibleText();
    await page.keyboard.type('改');
    // VS Code answers a key in a read-only editor with an overlay message.
    await page.locator('.monaco-editor-overlaymessage', { hasText: /read-only|只读/i }).first().waitFor();
    assert.equal(await wb.visibleText(), before, 'the .docx view must be read-only');

    // The file changes on disk (the typo corrected in the source, exported again) → the view follows.
    const source = fs.readFileSync(path.join(ROOT, 'examples/work-report.txt'), 'utf8').replace('布署', '部署');
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-e2e-docx-'));
    try {
      fs.writeFileSync(path.join(tmp, 'r.txt'), source);
      const exported = await run(process.execPath, [path.join(ROOT, 'bin/gongwen.js'), 'export', path.join(tmp, 'r.txt'), '-o', path.join(tmp, 'r.docx')]);
      assert.equal(exported.code, 0, exported.stderr);
      fs.copyFileSync(path.join(tmp, 'r.docx'), path.join(workspace, NAME));
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
    await wb.problems((r) => !r.some((x) => x.includes('“布署”应为“部署”')) && r.some((x) => x.includes('带括号的序号后不加标点')), 'the corrected typo to leave the Problems panel');

    // Opening the .docx itself (VS Code shows it as binary) offers the view in a notification.
    await wb.closeAllEditors();
    const widget = await wb.quickInput(NAME);
    await widget.locator('.quick-input-list .monaco-list-row', { hasText: NAME }).first().waitFor();
    await page.keyboard.press('Enter');
    const toast = page.locator('.notification-toast', { hasText: 'is a Word document' });
    await toast.waitFor();
    await toast.locator('.monaco-button', { hasText: 'Open as official-document view' }).click();
    await wb.waitForText((text) => text.includes('一、主要工作及成效') && text, 'the 公文 view opened from the notification');
    await shot('-notification');
  },
};
