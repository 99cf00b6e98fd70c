// The server's V8 code cache (host/codeCache.ts): written after the first diagnostics, used by the next
// start, and never in the way — a damaged file, an unwritable folder or the cache turned off change nothing
// the user sees.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { codeCacheDirectory, codeCacheFileName } from '../../server/src/host/codeCache';
import { LspTestClient } from '../helpers/lspClient';

const REPORT = '一、基本情况\n年初以来，我们坚持以人民为中心，现将有关情况汇报如下:\n三、下步打算\n';
const URI = 'file:///cache/report.txt';

/** One server start: the first diagnostics, what the loader said about the cache, and the exit code. */
async function start(env: NodeJS.ProcessEnv, afterFirst?: () => Promise<void>): Promise<{ diagnostics: unknown; log: string }> {
  const client = new LspTestClient(['--stdio'], { ...process.env, GONGWEN_CODE_CACHE: 'log', ...env });
  try {
    await client.initialize();
    await client.open(URI, REPORT);
    const published = await client.waitForDiagnostics(URI);
    await afterFirst?.();
    return { diagnostics: published.diagnostics, log: client.stderr };
  } finally {
    assert.equal(await client.shutdown(), 0);
  }
}

const cacheFiles = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.startsWith('server-main-') && f.endsWith('.cache')) : []);

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let waited = 0; !condition(); waited += 50) {
    if (waited > 15_000) assert.fail(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

test('code cache: written after the first diagnostics, used at the next start, same diagnostics', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-cache-'));
  try {
    const first = await start({ GONGWEN_CACHE_DIR: dir }, () => until(() => cacheFiles(dir).length === 1, 'the cache file'));
    assert.match(first.log, /code cache absent/);
    assert.match(first.log, /code cache written/);
    assert.ok(fs.statSync(path.join(dir, cacheFiles(dir)[0])).size > 100_000, 'the cache holds the compiled bundle');
    // The first diagnostics were not empty: the report's half-width colon is a finding.
    assert.ok((first.diagnostics as unknown[]).length > 0);

    const second = await start({ GONGWEN_CACHE_DIR: dir });
    assert.match(second.log, /code cache used/);
    assert.doesNotMatch(second.log, /code cache written/);
    assert.deepEqual(second.diagnostics, first.diagnostics);

    // A damaged file: V8 refuses it, the bundle is compiled anew, the file is written again.
    const file = path.join(dir, cacheFiles(dir)[0]);
    fs.writeFileSync(file, Buffer.alloc(4096, 7));
    const damaged = await start({ GONGWEN_CACHE_DIR: dir }, () => until(() => fs.statSync(file).size !== 4096, 'the cache to be rewritten'));
    assert.match(damaged.log, /code cache rejected/);
    assert.deepEqual(damaged.diagnostics, first.diagnostics);
    assert.match((await start({ GONGWEN_CACHE_DIR: dir })).log, /code cache used/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('code cache: an older build’s cache is removed when a new one is written, another V8’s is kept', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-cache-'));
  try {
    const olderBuild = 'server-main-0123456789abcdef-v8-11.3.244.8-node.38-x64-0.cache';
    const otherV8 = (name: string) => name.replace(/-v8-[^-]+/, '-v8-12.4.254.21-electron.0');
    fs.writeFileSync(path.join(dir, olderBuild), 'old');
    await start({ GONGWEN_CACHE_DIR: dir }, () => until(() => !fs.existsSync(path.join(dir, olderBuild)), 'the older build’s cache to go'));
    const [current] = cacheFiles(dir);
    assert.ok(current);
    // The same build's cache for VS Code's Electron stays when Node writes its own.
    fs.renameSync(path.join(dir, current), path.join(dir, otherV8(current)));
    await start({ GONGWEN_CACHE_DIR: dir }, () => until(() => cacheFiles(dir).length === 2, 'a second cache'));
    assert.deepEqual(cacheFiles(dir).sort(), [current, otherV8(current)].sort());
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('code cache: an unwritable folder or GONGWEN_CODE_CACHE=off change nothing but the start time', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-cache-'));
  try {
    const off = path.join(dir, 'off');
    const reference = await start({ GONGWEN_CODE_CACHE: 'off', GONGWEN_CACHE_DIR: off }, () => new Promise((resolve) => setTimeout(resolve, 500)));
    assert.deepEqual(cacheFiles(off), []);
    // A folder that cannot be made: its parent is a file.
    fs.writeFileSync(path.join(dir, 'file'), '');
    const blocked = await start({ GONGWEN_CACHE_DIR: path.join(dir, 'file', 'cache') }, () => new Promise((resolve) => setTimeout(resolve, 500)));
    assert.match(blocked.log, /code cache not written/);
    assert.deepEqual(blocked.diagnostics, reference.diagnostics);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('codeCacheDirectory: GONGWEN_CACHE_DIR, then the platform’s per-user cache folder; off turns it off', () => {
  assert.equal(codeCacheDirectory({ GONGWEN_CACHE_DIR: '/x/y' }, 'linux', '/home/u'), '/x/y');
  assert.equal(codeCacheDirectory({ GONGWEN_CODE_CACHE: 'off', GONGWEN_CACHE_DIR: '/x/y' }, 'linux', '/home/u'), undefined);
  assert.equal(codeCacheDirectory({}, 'linux', '/home/u'), path.join('/home/u', '.cache', 'gongwen'));
  assert.equal(codeCacheDirectory({ XDG_CACHE_HOME: '/xdg' }, 'linux', '/home/u'), path.join('/xdg', 'gongwen'));
  assert.equal(codeCacheDirectory({}, 'darwin', '/Users/u'), path.join('/Users/u', 'Library', 'Caches', 'gongwen'));
  assert.equal(codeCacheDirectory({ LOCALAPPDATA: 'C:\\Users\\u\\AppData\\Local' }, 'win32', 'C:\\Users\\u'), path.join('C:\\Users\\u\\AppData\\Local', 'gongwen', 'Cache'));
});

test('codeCacheFileName: the build, V8 and the command-line flags each make another file', () => {
  const a = codeCacheFileName('/d/server-main.js', 'abc', []);
  assert.match(a, /^server-main-abc-v8-.+\.cache$/);
  assert.notEqual(codeCacheFileName('/d/server-main.js', 'abd', []), a);
  assert.notEqual(codeCacheFileName('/d/server-main.js', 'abc', ['--expose-gc']), a);
  assert.equal(codeCacheFileName('/other/server-main.js', 'abc', []), a);
});
