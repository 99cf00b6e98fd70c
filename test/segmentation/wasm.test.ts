// nodejieba's WebAssembly build (server/wasm/, scripts/build-wasm.mjs) against the native addon: the same
// word lengths on a varied corpus, the same user words, and the same findings from the CLI.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import type { Jieba } from '../../server/src/segmentation/jieba';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const { loadJieba } = require(path.join(ROOT, 'out', 'server', 'src', 'segmentation', 'jieba.js')) as typeof import('../../server/src/segmentation/jieba');

function load(engine: 'native' | 'wasm', userWords: string[] = []): Jieba {
  const before = process.env.GONGWEN_SEGMENTER;
  process.env.GONGWEN_SEGMENTER = engine;
  try {
    const loaded = loadJieba(userWords);
    assert.ok(loaded.ok, loaded.ok ? '' : loaded.error);
    assert.equal(loaded.jieba.engine, engine);
    return loaded.jieba;
  } finally {
    if (before === undefined) delete process.env.GONGWEN_SEGMENTER;
    else process.env.GONGWEN_SEGMENTER = before;
  }
}

function textFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    return entry.isDirectory() ? textFiles(file) : /\.(txt|md|gw|tsv)$/.test(entry.name) ? [file] : [];
  });
}

/** The project's examples and fixtures line by line, whole, and random strings (astral characters, lone surrogates). */
function corpus(): string[] {
  const texts: string[] = [];
  for (const file of [...textFiles(path.join(ROOT, 'examples')), ...textFiles(path.join(ROOT, 'test', 'fixtures'))]) {
    const text = fs.readFileSync(file, 'utf8');
    texts.push(text, ...text.split('\n'));
  }
  texts.push('', ' ', '\ud800', '\udfff', 'a\ud800b中文\udc00', '\udbff\udfff', '😀😀😀', '𠮷野家的𠮷', '\u3000\u3000一是加强学习。\t二是“狠抓落实”。');
  const pieces = ['公', '文', '写', '作', '制度', '建设', '落实', '研究', 'a', 'Z', '7', '2024', '，', '。', '、', ' ', '\u3000', '“', '”', '（', '😀', '𠮷', '\ud800', '\udbff', '\udc00', '\udfff', '\n', '\t', 'é', 'Ω'];
  let seed = 11;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
  for (let n = 0; n < 1500; n++) {
    let text = '';
    for (let k = next() % 60; k > 0; k--) text += pieces[next() % pieces.length];
    texts.push(text);
  }
  return texts;
}

test('the WebAssembly build cuts a corpus into exactly the native word lengths', () => {
  const native = load('native');
  const wasm = load('wasm');
  const texts = corpus();
  assert.ok(texts.length > 1500, `${texts.length} texts`);
  for (const text of texts) {
    const expected = Array.from(native.wordLengths(text));
    assert.deepEqual(Array.from(wasm.wordLengths(text)), expected, JSON.stringify(text.slice(0, 200)));
    assert.equal(expected.reduce((a, b) => a + b, 0), text.length);
  }
  // cut() too (well-formed text: a lone surrogate comes back as U+FFFD from both).
  for (const text of texts.slice(0, 300)) assert.deepEqual(wasm.cut(text), native.cut(text));
});

test('user words are inserted into the WebAssembly dictionary as into the native one', () => {
  const words = ['公文写作助手', '制度建设年'];
  const native = load('native', words);
  const wasm = load('wasm', words);
  const text = '我们要做好公文写作助手的开发工作，开展制度建设年活动';
  assert.ok(wasm.cut(text).includes('公文写作助手'));
  assert.deepEqual(wasm.cut(text), native.cut(text));
  assert.deepEqual(Array.from(wasm.wordLengths(text)), Array.from(native.wordLengths(text)));
});

test('a missing .wasm gives a clear error, not a crash', () => {
  const { loadWasmJieba } = require(path.join(ROOT, 'out', 'server', 'src', 'segmentation', 'wasmJieba.js')) as typeof import('../../server/src/segmentation/wasmJieba');
  const dict = path.join(path.dirname(require.resolve('nodejieba/package.json')), 'submodules', 'cppjieba', 'dict');
  const data = path.join(ROOT, 'server', 'data', 'jieba');
  const files = { dict: `${dict}/jieba.dict.utf8`, hmmDict: `${dict}/hmm_model.utf8`, userDict: `${dict}/user.dict.utf8`, idfDict: `${data}/idf.utf8`, stopWordDict: `${data}/stop_words.utf8` };
  const loaded = loadWasmJieba(path.join(ROOT, 'no-such-root'), files, []);
  assert.equal(loaded.ok, false);
  assert.match(loaded.ok ? '' : loaded.error, /WebAssembly 分词组件.*初始化失败/);
});

test('the CLI reports the same findings with either segmenter (examples and fixtures, JSON)', () => {
  const files = [...textFiles(path.join(ROOT, 'examples')), ...textFiles(path.join(ROOT, 'test', 'fixtures'))].filter((f) => !f.endsWith('.tsv'));
  const run = (engine: string) => {
    try {
      return execFileSync(process.execPath, [path.join(ROOT, 'bin', 'gongwen.js'), 'check', '--format', 'json', ...files], { encoding: 'utf8', env: { ...process.env, GONGWEN_SEGMENTER: engine }, maxBuffer: 1 << 28 });
    } catch (error) {
      const failed = error as { status?: number; stdout?: string };
      if (failed.status === 1 && failed.stdout) return failed.stdout;
      throw error;
    }
  };
  const native = run('native');
  assert.ok(JSON.parse(native));
  assert.ok(native.length > 1000);
  assert.equal(run('wasm'), native);
});
