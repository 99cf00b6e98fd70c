// The web extension's server parts that run outside a browser too: the data tables it loads through a
// file reader (the same as the disk tables of host/data.ts), its WebAssembly segmenter (the same words as
// nodejieba), the reader's fallback to the client, and the Node shims of its bundle. The whole server in a
// real browser worker: test/e2e/web.test.mjs and benchmarks/webworker.mjs.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { loadBrowserEngineData, sharedEngineData } from '../../server/src/browser/data';
import { fileReader } from '../../server/src/browser/files';
import { BrowserSegmenter } from '../../server/src/browser/segmenter';
import * as shimFs from '../../server/src/browser/shims/fs';
import * as shimPath from '../../server/src/browser/shims/path';
import { SNIPPET_FILES } from '../../server/src/features/completion';
import { diskEngineData } from '../../server/src/host/data';
import { SyncSegmenter } from '../../server/src/segmentation/syncSegmenter';
import type { NodejiebaFactory } from '../../server/src/segmentation/wasmJieba';

const ROOT = path.resolve(__dirname, '..', '..', '..');
/** The extension's files from the project folder, as the worker gets them over fetch. */
const readFromProject = async (relative: string) => new Uint8Array(fs.readFileSync(path.join(ROOT, relative)));

test('the tables loaded through the file reader are the disk tables, in the same order', async () => {
  const problems: string[] = [];
  await loadBrowserEngineData(readFromProject, Object.values(SNIPPET_FILES));
  const web = sharedEngineData((message) => problems.push(message));
  const disk = diskEngineData({ dataDirs: [path.join(ROOT, 'server', 'data')], snippetDirs: [path.join(ROOT, 'snippets')] });
  assert.deepEqual(problems, []);
  assert.deepEqual(web.pinyin(), disk.pinyin());
  assert.deepEqual(web.shapes(), disk.shapes());
  assert.deepEqual(web.knownWords(), disk.knownWords());
  assert.deepEqual(Object.keys(web.snippets() ?? {}), Object.keys(disk.snippets() ?? {}));
  assert.deepEqual(web.snippets(), disk.snippets());
});

test('the WebAssembly segmenter of the worker cuts as nodejieba does, and brings the frequencies', async () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const factory = require(path.join(ROOT, 'server', 'wasm', 'nodejieba.js')) as NodejiebaFactory;
  let updates = 0;
  const states: string[] = [];
  const segmenter = new BrowserSegmenter(factory, readFromProject, [], () => updates++, (state) => states.push(state));
  assert.equal(segmenter.wordLengths('公文写作'), undefined);
  segmenter.start();
  const deadline = Date.now() + 60_000;
  while (!segmenter.lexicon && segmenter.state !== 'failed' && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  assert.equal(segmenter.state, 'ready', segmenter.error);
  assert.ok(segmenter.lexicon && segmenter.lexicon.size > 100_000);
  assert.ok(updates >= 2 && states.includes('ready'));
  const native = new SyncSegmenter();
  for (const line of fs.readFileSync(path.join(ROOT, 'examples', 'work-report.txt'), 'utf8').split('\n')) {
    assert.deepEqual([...(segmenter.wordLengths(line) ?? [])], [...(native.wordLengths(line) ?? [])], line);
  }
});

test('a file the worker cannot fetch is asked of the client; a failure is said in Chinese', async () => {
  const asked: string[] = [];
  const remote = fileReader('vscode-remote://host/ext/', async (file) => {
    asked.push(file);
    return new Uint8Array([1, 2, 3]);
  });
  assert.deepEqual([...(await remote.read('server/wasm/nodejieba.wasm'))], [1, 2, 3]);
  assert.deepEqual(asked, ['server/wasm/nodejieba.wasm']);
  assert.deepEqual([...remote.via], ['client']);
  // A JSON-encoded typed array (a client that serializes) is accepted too.
  const encoded = fileReader(undefined, async () => ({ 0: 7, 1: 8 }));
  assert.deepEqual([...(await encoded.read('x'))], [7, 8]);
  const broken = fileReader(undefined, () => Promise.reject(new Error('Unhandled method')));
  await assert.rejects(broken.read('server/data/char-pinyin.json'), /无法读取扩展文件 server\/data\/char-pinyin\.json（Unhandled method）/);
});

test('the Node shims of the browser bundle: POSIX paths as node:path gives them, no files', () => {
  for (const [from, to] of [['/a/b/c', '/a/d'], ['/a/b', '/a/b/c/d.txt'], ['/', '/x'], ['/a/./b/../c', '/a/c/e']]) {
    assert.equal(shimPath.relative(from, to), path.posix.relative(from, to));
    assert.equal(shimPath.dirname(to), path.posix.dirname(to));
    assert.equal(shimPath.join(from, '..', 'f.json'), path.posix.join(from, '..', 'f.json'));
    assert.equal(shimPath.resolve(from, 'x', '../y'), path.posix.resolve(from, 'x', '../y'));
  }
  assert.equal(shimPath.basename('/a/b.json', '.json'), 'b');
  assert.equal(shimPath.extname('/a/b.json'), '.json');
  assert.equal(shimFs.existsSync(), false);
  assert.throws(() => shimFs.readFileSync(), (error: NodeJS.ErrnoException) => error.code === 'ENOENT' && /网页版无法访问本地文件/.test(error.message));
});
