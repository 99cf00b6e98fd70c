// Small helpers to drive the VS Code workbench (code-server) in a Playwright page. Every wait is on what
// the page shows (an element, a text, a count), never a fixed sleep.
import { waitFor } from './util.mjs';

const QUICK_INPUT = '.quick-input-widget';

export class Workbench {
  constructor(page) {
    this.page = page;
  }

  async ready() {
    await this.page.locator('.monaco-workbench').waitFor({ timeout: 90_000 });
    await this.page.locator('#status\\.editor\\.selection, .statusbar').first().waitFor({ timeout: 60_000 });
    // The explorer shows the workspace once the remote file system is connected.
    await this.page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 90_000 });
  }

  /** Opens the quick input with F1 and types `text` (a leading '>' makes it the command palette). */
  async quickInput(text) {
    const widget = this.page.locator(QUICK_INPUT);
    if (await widget.isVisible()) await this.page.keyboard.press('Escape');
    await widget.waitFor({ state: 'hidden' });
    await this.page.keyboard.press('F1');
    const input = widget.locator('input.input');
    await input.waitFor({ state: 'visible' });
    await input.fill(text);
    return widget;
  }

  /** Runs a command from the command palette by its exact label (as shown, e.g. "Gongwen: Renumber…"). */
  async runCommand(label) {
    const widget = await this.quickInput(`>${label}`);
    const row = widget.locator('.quick-input-list .monaco-list-row', { has: this.page.locator('.label-name', { hasText: label }) }).first();
    await row.waitFor({ timeout: 20_000 });
    await row.click();
    await widget.waitFor({ state: 'hidden' });
  }

  /** Opens a file of the workspace through Go to File and waits until its editor is active. */
  async openFile(name) {
    const widget = await this.quickInput(name);
    const row = widget.locator('.quick-input-list .monaco-list-row', { hasText: name }).first();
    await row.waitFor({ timeout: 20_000 });
    await this.page.keyboard.press('Enter');
    await widget.waitFor({ state: 'hidden' });
    await this.page.locator('.tabs-container .tab.active', { hasText: name }).waitFor();
    await this.editor().locator('.view-line').first().waitFor();
    await this.focusEditor();
  }

  editor() {
    return this.page.locator('.editor-group-container.active .monaco-editor').first();
  }

  async focusEditor() {
    await this.page.keyboard.press('Escape');
    await this.runCommand('View: Focus Active Editor Group');
  }

  /** Moves the cursor with Go to Line (1-based line and column, as the status bar shows them). */
  async goTo(line, column = 1) {
    const widget = await this.quickInput(`:${line}:${column}`);
    await this.page.keyboard.press('Enter');
    await widget.waitFor({ state: 'hidden' });
    await this.waitForCursor(line, column);
  }

  /** The cursor as the status bar shows it: { line, column } (1-based). */
  async cursor() {
    const text = await this.page.locator('[id="status.editor.selection"]').innerText();
    const match = /(\d+)\D+(\d+)/.exec(text);
    return match ? { line: Number(match[1]), column: Number(match[2]) } : undefined;
  }

  async waitForCursor(line, column) {
    return waitFor(async () => {
      const c = await this.cursor();
      return c && c.line === line && (column === undefined || c.column === column) && c;
    }, { what: `the cursor at Ln ${line}${column ? `, Col ${column}` : ''} (status bar)` });
  }

  /** The text of the visible editor lines, joined with '\n' (word wrap is off in the e2e settings). */
  async visibleText() {
    const lines = await this.editor().locator('.view-lines .view-line').evaluateAll((nodes) =>
      nodes.map((n) => ({ top: parseFloat(n.style.top) || 0, text: n.textContent.replace(/\u00a0/g, ' ') })).sort((a, b) => a.top - b.top).map((l) => l.text),
    );
    return lines.join('\n');
  }

  async waitForText(predicate, what) {
    return waitFor(async () => predicate(await this.visibleText()), { what });
  }

  /** Opens the Problems panel and returns its rows' texts once `predicate(rows)` holds. */
  async problems(predicate = (rows) => rows.length > 0, what = 'problems') {
    const panel = this.page.locator('.markers-panel');
    if (!(await panel.isVisible())) await this.runCommand('View: Focus Problems (Errors, Warnings, Infos)');
    await panel.waitFor();
    return waitFor(async () => {
      const rows = await panel.locator('.monaco-list-row').evaluateAll((nodes) => nodes.map((n) => n.textContent.replace(/\u00a0/g, ' ')));
      return predicate(rows) && rows;
    }, { what, timeoutMs: 30_000 });
  }

  /** The status bar item of gongwen (character count). */
  statusItem() {
    return this.page.locator('.statusbar-item', { hasText: /[\d,]+\s*(字|chars)/ }).first();
  }

  /** Closes every editor, discarding unsaved changes (answers “Don't Save” if VS Code asks). */
  async closeAllEditors() {
    await this.runCommand('View: Close All Editors');
    const dialog = this.page.locator('.monaco-dialog-box');
    const tabs = this.page.locator('.tabs-container .tab');
    for (;;) {
      const state = await waitFor(async () => ((await dialog.isVisible()) ? 'dialog' : (await tabs.count()) === 0 ? 'closed' : false), { what: 'the editors to close' });
      if (state === 'closed') return;
      await dialog.locator('.monaco-button', { hasText: /Don't Save|不保存/ }).click();
    }
  }

  /** Picks the entry of the open quick fix / action menu whose label contains `text`, with the keyboard. */
  async chooseAction(menu, text) {
    const rows = menu.locator('.monaco-list-row.action');
    const count = await rows.count();
    for (let i = 0; i <= count; i++) {
      const focused = await menu.locator('.monaco-list-row.focused').getAttribute('aria-label').catch(() => null);
      if (focused && focused.includes(text)) {
        await this.page.keyboard.press('Enter');
        await menu.waitFor({ state: 'hidden' });
        return focused;
      }
      await this.page.keyboard.press('ArrowDown');
    }
    throw new Error(`no action “${text}” in the menu: ${(await rows.allInnerTexts()).join(' | ')}`);
  }

  /** Waits until no animation runs on the element or its ancestors (hovers and widgets fade in). */
  async settled(locator, what = 'the widget to finish its animation') {
    await waitFor(
      () => locator.evaluate((el) => {
        for (let node = el; node; node = node.parentElement) if (node.getAnimations().some((a) => a.playState === 'running')) return false;
        return true;
      }),
      { what },
    );
  }

  async screenshot(path) {
    await this.page.screenshot({ path });
  }
}
