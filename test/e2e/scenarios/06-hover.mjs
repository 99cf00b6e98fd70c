// Scenario 6: hovering a standard term shows its full content and usage (the server's hover provider,
// data from server/data/standard-terms.json), with the keyboard (Show or Focus Hover) and with the mouse.
import assert from 'node:assert/strict';

const FILE = '悬停测试.gw';
// Line 7 of test/fixtures/terms-report.gw: 坚决整治“四风”问题，…; 四 is column 6, 风 column 7.
const LINE = 7;
const FULL = '形式主义、官僚主义、享乐主义和奢靡之风';

export default {
  docs: { '': 'hover.png' },
  title: 'hovering a standard term shows its explanation in Chinese',
  async run({ page, wb, shot }) {
    await wb.openFile(FILE);
    await wb.waitForText((t) => t.includes('坚决整治“四风”问题'), 'the report text');
    const hover = page.locator('.monaco-hover-content', { hasText: FULL }).first();

    // With the keyboard: the cursor between 四 and 风, then the palette's Show or Focus Hover.
    await wb.goTo(LINE, 7);
    await wb.runCommand('Show or Focus Hover');
    await hover.waitFor();
    const text = (await hover.innerText()).replace(/\u00a0/g, ' ');
    assert.match(text, /“四风”（规范表述）/);
    assert.ok(text.includes(`${FULL}。`), text);
    assert.match(text, /用法：常见搭配：“纠治‘四风’”/);
    // The Markdown is rendered (bold name), not shown as source.
    assert.ok(!text.includes('**'), text);
    assert.equal(await hover.locator('strong', { hasText: '“四风”' }).count(), 1);
    assert.equal(await hover.locator('strong', { hasText: /^用法$/ }).count(), 1);
    await wb.settled(hover);
    await shot();
    await page.keyboard.press('Escape');
    await hover.waitFor({ state: 'hidden' });

    // With the mouse, on another term of the same report: “三重一大” on line 8.
    const word = wb.editor().locator('.view-line', { hasText: '严格执行“三重一大”决策制度' });
    const box = await word.boundingBox();
    assert.ok(box, 'line 8 is visible');
    // Point at the term itself: measure where “三重一大” starts in the rendered line.
    const point = await word.evaluate((line) => {
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const i = node.textContent.indexOf('三重');
        if (i < 0) continue;
        const range = document.createRange();
        range.setStart(node, i + 1);
        range.setEnd(node, i + 2);
        const r = range.getBoundingClientRect();
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      }
      return undefined;
    });
    assert.ok(point, 'the term is rendered on line 8');
    await page.mouse.move(point.x, point.y);
    const mouseHover = page.locator('.monaco-hover-content', { hasText: '重大事项决策、重要干部任免、重大项目安排和大额度资金运作' }).first();
    await mouseHover.waitFor();
    assert.match(await mouseHover.innerText(), /“三重一大”（规范表述）/);
    await wb.settled(mouseHover);
    await shot('-mouse');
    await page.mouse.move(0, 0);
  },
};
