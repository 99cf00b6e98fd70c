// Scenario 4: typing a Chinese prefix opens completion with phrase snippets; accepting one inserts it
// with tab stops. Then a multi-character prefix in the middle of a sentence (推动全面从严): the list
// offers the standard terms that begin with 全面从严, and accepting one replaces exactly those four
// characters.
import assert from 'node:assert/strict';

/** The labels of the rows the suggest widget shows. */
const labels = (widget) => widget.locator('.monaco-list-row .label-name').allInnerTexts();

/** Moves the focus of the open suggest widget to the row whose label is exactly `label`. */
async function focusRow(page, widget, label) {
  for (let i = 0; i < 30; i++) {
    const focused = await widget.locator('.monaco-list-row.focused .label-name').innerText().catch(() => '');
    if (focused === label) return;
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`no row “${label}” in the suggest widget: ${(await labels(widget)).join(' | ')}`);
}

export default {
  docs: { '-list': 'completion.png' },
  title: 'a Chinese prefix opens completion; the accepted snippet has tab stops; 全面从严 offers 全面从严治党',
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

    // 全面从严, typed one character at a time after 推动 on a new line.
    await page.keyboard.press('Escape');
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await wb.waitForCursor(22, 1);
    await page.keyboard.type('推动全面从严');
    await widget.locator('.monaco-list-row .label-name', { hasText: /^全面从严治党$/ }).waitFor();
    await widget.locator('.monaco-list-row .label-name', { hasText: /^全面从严治党主体责任$/ }).waitFor();
    await widget.locator('.monaco-list-row .label-name', { hasText: /^全面从严治党永远在路上$/ }).waitFor();
    // Only what begins with 全面从严 (no 推动… phrase for the whole run, nothing for a shorter suffix).
    const offered = await labels(widget);
    assert.deepEqual([...offered].sort(), ['全面从严治党', '全面从严治党主体责任', '全面从严治党永远在路上'], offered.join(' | '));
    assert.match(await widget.innerText(), /规范表述/);
    await wb.settled(widget);
    await shot('-prefix');
    await focusRow(page, widget, '全面从严治党主体责任');
    await page.keyboard.press('Enter');
    await widget.waitFor({ state: 'hidden' });
    // Only the typed 全面从严 was replaced: 推动 stays, nothing is doubled.
    await wb.waitForText((t) => t.split('\n').some((l) => l === '推动全面从严治党主体责任'), 'the line “推动全面从严治党主体责任”');
    await wb.waitForCursor(22, 13);
    await page.keyboard.insertText('落实落地。');
    await wb.waitForText((t) => t.split('\n').some((l) => l === '推动全面从严治党主体责任落实落地。'), 'the sentence typed on');
  },
};
