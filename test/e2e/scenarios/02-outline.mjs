// Scenario 2: the Outline view shows the section tree (一、 / （一） / 1. / （1） / items), and clicking a
// node moves the cursor there.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { waitFor } from '../lib/util.mjs';

export default {
  docs: { '': 'outline.png' },
  title: 'the Outline view shows the section tree and clicking a node moves the cursor',
  async run({ page, wb, workspace, shot }) {
    await wb.openFile('层级示例.txt');
    await wb.runCommand('Explorer: Focus on Outline View');
    // Give the Outline the whole side bar: collapse the file list above it.
    const folders = page.locator('.pane', { has: page.locator('.explorer-folders-view') }).locator('.pane-header');
    if ((await folders.getAttribute('aria-expanded')) === 'true') await folders.click();
    await page.locator('.pane-header[aria-expanded="false"]', { has: page.locator('h3', { hasText: /workspace/i }) }).waitFor();
    const pane = page.locator('.pane', { has: page.locator('.pane-header', { hasText: /^\s*outline/i }) });
    const rows = pane.locator('.monaco-list-row');
    // Wait for the whole tree (alwaysExpand): the deepest items are there once it is complete.
    const tree = await waitFor(async () => {
      const all = await rows.evaluateAll((nodes) => nodes.map((n) => ({ level: Number(n.getAttribute('aria-level')), text: n.textContent.replace(/\u00a0/g, ' ').trim() })));
      return all.some((r) => r.text.includes('最后')) && all;
    }, { what: 'the outline tree down to the items', timeoutMs: 30_000 });

    const levelOf = (prefix) => {
      const row = tree.find((r) => r.text.startsWith(prefix));
      assert.ok(row, `no outline node starting with “${prefix}”:\n${tree.map((r) => `${r.level} ${r.text}`).join('\n')}`);
      return row.level;
    };
    const top = levelOf('一、履行主体责任情况');
    assert.equal(levelOf('（一）强化政治建设'), top + 1);
    assert.equal(levelOf('1.加强理论学习'), top + 2);
    assert.equal(levelOf('（1）落实“第一议题”制度'), top + 3);
    assert.equal(levelOf('第一 坚持会前学习'), top + 4);
    assert.equal(levelOf('二是 开展约谈提醒'), top + 3);
    assert.equal(levelOf('（二）持之以恒正风肃纪'), top + 1);
    assert.equal(levelOf('其次 紧盯关键节点'), top + 2);
    assert.equal(levelOf('二、存在的问题'), top);
    assert.equal(levelOf('三、下一步工作打算'), top);
    // Each node shows its character count (the symbol's detail).
    assert.match(tree.find((r) => r.text.startsWith('一、履行主体责任情况')).text, /158字/);
    await wb.runCommand('View: Hide Panel');
    await page.locator('.markers-panel').waitFor({ state: 'hidden' });
    await shot();

    // Clicking a node moves the cursor to it: a heading (line start) and an item inside a paragraph.
    const lines = fs.readFileSync(path.join(workspace, '层级示例.txt'), 'utf8').split(/\r?\n/);
    await rows.filter({ hasText: '（2）抓好中心组学习' }).first().click();
    await wb.waitForCursor(lines.findIndex((l) => l.startsWith('（2）抓好中心组学习')) + 1, 1);
    const itemLine = lines.findIndex((l) => l.includes('其次，紧盯关键节点'));
    await rows.filter({ hasText: '其次 紧盯关键节点' }).first().click();
    await wb.waitForCursor(itemLine + 1, lines[itemLine].indexOf('其次') + 1);
    await shot('-click');
  },
};
