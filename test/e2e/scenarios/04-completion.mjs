// Scenario 4: typing a Chinese prefix opens completion with phrase snippets; accepting one inserts it
// with tab stops.
import assert from 'node:assert/strict';

export default {
  docs: { '-list': 'completion.png' },
  title: 'a Chinese prefix opens completion; the accepted snippet has tab stops',
  async run({ page, wb, shot }) {
    await wb.openFile('补全测试.gw');
    // A new line at the end of “三、下一步工作打算” (line 20: 持续深化理论武装。).
    await wb.goTo(20, 1);
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('聚焦着');
    const widget = page.locator('.editor-widget.suggest-widget');
    const entry = widget.locator('.monaco-list-row', { hasText: '聚焦……，着力……' }).first();
    await entry.waitFor({ timeout: 20_000 });
    await shot('-list');
    // Select that entry with the keyboard and accept it.
    for (let i = 0; i < 30; i++) {
      const focused = await widget.locator('.monaco-list-row.focused').innerText().catch(() => '');
      if (focused.includes('聚焦……，着力……')) break;
      await page.keyboard.press('ArrowDown');
    }
    assert.match(await widget.locator('.monaco-list-row.focused').innerText(), /聚焦……，着力……/);
    await page.keyboard.press('Enter');
    await widget.waitFor({ state: 'hidden' });

    // The typed prefix is replaced by the snippet; the first placeholder “××” is selected ...
    await wb.waitForText((t) => t.split('\n').some((l) => l === '聚焦××，着力××'), 'the inserted snippet “聚焦××，着力××”');
    const selection = () => page.locator('[id="status.editor.selection"]').innerText();
    assert.match(await selection(), /Ln 21, Col (3|5) \(2 selected\)/);
    // ... Tab goes to the second one, and typing replaces it.
    await page.keyboard.press('Tab');
    await page.locator('[id="status.editor.selection"]', { hasText: /Ln 21, Col (8|10) \(2 selected\)/ }).waitFor();
    await page.keyboard.insertText('重点任务');
    await wb.waitForText((t) => t.split('\n').some((l) => l === '聚焦××，着力重点任务'), 'the second tab stop filled in');
    await shot();
  },
};
