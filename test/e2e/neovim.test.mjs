// A second LSP client: headless Neovim (Debian's 0.7) starts `node dist/server.js --stdio`, opens a
// report and reads back diagnostics and document symbols, then renumbers the report through
// workspace/executeCommand (test/e2e/neovim/init.lua writes the results as JSON).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { ROOT, run } from './lib/util.mjs';

function nvimVersion() {
  try {
    return execFileSync('nvim', ['--version'], { encoding: 'utf8' }).split('\n')[0];
  } catch {
    return undefined;
  }
}

const version = nvimVersion();
// Skipped without nvim on a developer's machine; in CI (CI=true) a missing nvim is a failure.
const skip = version || process.env.CI ? false : 'nvim is not installed (apt-get install -y neovim); .ci/run installs it, so CI runs this test';

test('Neovim gets diagnostics and document symbols from the server and renumbers through it', { skip, timeout: 60_000 }, async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-nvim-'));
  try {
    const report = path.join(dir, 'work-report.txt');
    fs.copyFileSync(path.join(ROOT, 'examples', 'work-report.txt'), report);
    const resultFile = path.join(dir, 'result.json');
    const env = {
      ...process.env,
      HOME: dir,
      XDG_CONFIG_HOME: path.join(dir, 'config'),
      XDG_DATA_HOME: path.join(dir, 'data'),
      XDG_STATE_HOME: path.join(dir, 'state'),
      XDG_CACHE_HOME: path.join(dir, 'cache'),
      GONGWEN_NODE: process.execPath,
      GONGWEN_SERVER: path.join(ROOT, 'dist', 'server.js'),
      GONGWEN_FILE: report,
      GONGWEN_RESULT: resultFile,
    };
    const init = path.join(ROOT, 'test', 'e2e', 'neovim', 'init.lua');
    const { code, stdout, stderr } = await run('nvim', ['--headless', '-n', '-i', 'NONE', '-u', init], { env, cwd: dir, timeoutMs: 50_000 });
    assert.ok(fs.existsSync(resultFile), `nvim wrote no result (exit ${code})\n${stdout}\n${stderr}`);
    const result = JSON.parse(fs.readFileSync(resultFile, 'utf8'));
    assert.deepEqual(result.errors, [], `${version}: ${stderr}`);

    // Diagnostics: Neovim's own diagnostic list, 0-based lines and columns.
    const byLine = result.diagnostics.map((d) => `${d.lnum}:${d.col} ${d.code} ${d.message}`).sort();
    assert.ok(byLine.some((l) => l.startsWith('13:0 heading-numbering 二级标题序号不连续')), byLine.join('\n'));
    assert.ok(byLine.some((l) => l.startsWith('19:0 heading-numbering 一级标题序号不连续')), byLine.join('\n'));
    assert.ok(byLine.some((l) => l.startsWith('7:0 heading-marker')), byLine.join('\n'));
    // Neovim turns the server's UTF-16 columns into byte columns: the range must cover exactly “四是”.
    const gap = result.diagnostics.find((d) => d.code === 'enumeration-sequence');
    assert.ok(gap && gap.lnum === 6, JSON.stringify(gap));
    const line = Buffer.from(fs.readFileSync(report, 'utf8').split('\n')[6]);
    assert.equal(line.subarray(gap.col, gap.end_col).toString(), '四是', JSON.stringify(gap));

    // Document symbols: hierarchical, 一、 sections with （一） children and character counts.
    assert.ok(Array.isArray(result.symbols), JSON.stringify(result.symbols));
    const names = result.symbols.map((s) => s.name);
    const first = result.symbols.find((s) => s.name.includes('主要工作及成效'));
    assert.ok(first, names.join(' | '));
    assert.match(first.detail, /^[\d,]+字$/);
    const children = (first.children ?? []).map((s) => s.name);
    assert.ok(children.some((n) => n.includes('坚持学思践悟')), children.join(' | '));
    assert.ok(names.some((n) => n.includes('下一步工作打算')), names.join(' | '));

    // workspace/executeCommand gongwen.server.renumber → workspace/applyEdit applied by Neovim.
    const lines = result.renumbered;
    assert.ok(Array.isArray(lines), 'no buffer lines after renumbering');
    assert.ok(lines[13].startsWith('（四）坚持从严治党'), lines[13]);
    assert.equal(lines[19], '三、下一步工作打算');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
