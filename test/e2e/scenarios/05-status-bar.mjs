// Scenario 5: the status bar shows the character count, and it changes as you type.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { ROOT } from '../lib/util.mjs';

const FILE = '字数统计.txt';

export default {
  title: 'the status bar shows the character count and it follows typing',
  async run({ page, wb, workspace, shot }) {
    // The count the CLI gives for the same file is what the status bar must show.
    const stats = JSON.parse(execFileSync(process.execPath, [path.join(ROOT, 'bin', 'gongwen.js'), 'stats', '--format', 'json', path.join(workspace, FILE)], { encoding: 'utf8' }));
    const chars = stats.chars;
    assert.ok(chars > 500, JSON.stringify(stats));

    await wb.openFile(FILE);
    const item = wb.statusItem();
    await page.locator('.statusbar-item', { hasText: chars.toLocaleString('en-US') }).first().waitFor();
    assert.match(await item.innerText(), new RegExp(`${chars.toLocaleString('en-US')}\\s*(字|chars)`));

    await wb.goTo(1, 1);
    await page.keyboard.press('End');
    await page.keyboard.insertText('（修订稿）');
    const after = (chars + 5).toLocaleString('en-US');
    await page.locator('.statusbar-item', { hasText: new RegExp(`^\\W*${after}\\s*(字|chars)`) }).first().waitFor();
    await shot();

    await page.keyboard.press('Control+z');
    await page.locator('.statusbar-item', { hasText: new RegExp(`^\\W*${chars.toLocaleString('en-US')}\\s*(字|chars)`) }).first().waitFor();
  },
};
