// The installed nodejieba is the patched build (patches/nodejieba+3.5.8.patch, applied and compiled by
// scripts/patch-nodejieba.mjs at `npm install`): its TextRank extractor shares the segmenter's dictionary
// instead of loading a second copy (~110 MB), and `cutLengths` returns cut()'s word lengths without a
// string per word.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { test } from 'node:test';

const ROOT = path.resolve(__dirname, '..', '..', '..');

const rebuild = 'run `node scripts/patch-nodejieba.mjs` (npm install does) to rebuild nodejieba with the patch';

test('the installed nodejieba binary is the patched one (shared dictionary, word lengths)', () => {
  const binding = require(path.join(path.dirname(require.resolve('nodejieba/package.json')), 'build', 'Release', 'nodejieba.node'));
  assert.equal(binding.sharedDictionary, true, rebuild);
  assert.equal(typeof binding.cutLengths, 'function', rebuild);
  assert.equal(binding.dictionaryPerProcess, true, rebuild);
});

test('word lengths are the UTF-16 lengths of cut()\'s words, on any text', () => {
  const { loadJieba } = require(path.join(ROOT, 'out', 'server', 'src', 'segmentation', 'jieba.js')) as typeof import('../../server/src/segmentation/jieba');
  const loaded = loadJieba();
  assert.ok(loaded.ok, loaded.ok ? '' : loaded.error);
  assert.equal(loaded.jieba.nativeLengths, true, rebuild);
  const texts = [
    '年初以来，在市委的坚强领导下，全面加强制度建设，现将有关情况汇报如下：',
    '😀公文写作𠮷字 abc def，2024年完成*项制度、XX次。',
    'a\ud800b中文\udc00', // lone surrogates reach C++ as U+FFFD, one unit each
    '\u3000\u3000一是加强学习。\t二是“狠抓落实”。',
    '',
  ];
  // Random strings of Chinese, Latin, digits, punctuation, spaces, astral characters and lone surrogates.
  const pieces = ['公', '文', '写', '作', '制度', '建设', 'a', 'Z', '7', '，', '。', ' ', '\u3000', '“', '”', '😀', '𠮷', '\ud800', '\udfff', '\n'];
  let seed = 7;
  for (let n = 0; n < 300; n++) {
    let text = '';
    for (let k = (seed = (seed * 1103515245 + 12345) % 2 ** 31) % 40; k > 0; k--) text += pieces[(seed = (seed * 1103515245 + 12345) % 2 ** 31) % pieces.length];
    texts.push(text);
  }
  for (const text of texts) {
    const words = loaded.jieba.cut(text);
    const lengths: number[] = Array.from(loaded.jieba.wordLengths(text));
    assert.deepEqual(lengths, words.map((w) => w.length), JSON.stringify(text));
    assert.equal(lengths.reduce((a, b) => a + b, 0), text.length, JSON.stringify(text));
  }
});

test('worker threads share one dictionary; a thread with user words gets its own, and its words stay there', async () => {
  const jiebaModule = JSON.stringify(path.join(ROOT, 'out', 'server', 'src', 'segmentation', 'jieba.js'));
  const code = `
    const { parentPort, workerData } = require('node:worker_threads');
    const loaded = require(${jiebaModule}).loadJieba(workerData.userWords);
    if (!loaded.ok) throw new Error(loaded.error);
    const text = '我们要做好公文写作助手的开发工作';
    let words;
    for (let i = 0; i < 300; i++) words = loaded.jieba.cut(text);
    parentPort.postMessage(words);`;
  // In a fresh process, so that no dictionary is loaded yet; nodejieba, not the JavaScript segmenter.
  const main = `
    process.env.GONGWEN_SEGMENTER = 'native';
    const { Worker } = require('node:worker_threads');
    const before = process.memoryUsage().rss;
    const run = (userWords) => new Promise((resolve, reject) => {
      const worker = new Worker(${JSON.stringify(code)}, { eval: true, workerData: { userWords } });
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    Promise.all([run([]), run([]), run([]), run(['公文写作助手'])]).then((words) => {
      process.stdout.write(JSON.stringify({ words, grown: (process.memoryUsage().rss - before) / 2 ** 20 }));
    });`;
  const result = JSON.parse(execFileSync(process.execPath, ['-e', main], { cwd: ROOT, encoding: 'utf8' }));
  for (const words of result.words.slice(0, 3)) assert.ok(words.includes('写作') && !words.includes('公文写作助手'), JSON.stringify(words));
  assert.ok(result.words[3].includes('公文写作助手'), JSON.stringify(result.words[3]));
  // One shared dictionary and one private one: ~230 MB; four copies would be ~460 MB.
  assert.ok(result.grown < 360, `RSS grew ${result.grown.toFixed(0)} MB: the threads seem to load a dictionary each`);
});

test('with an unpatched binary (no cutLengths) word lengths come from cut()\'s words', () => {
  const { loadJieba } = require(path.join(ROOT, 'out', 'server', 'src', 'segmentation', 'jieba.js')) as typeof import('../../server/src/segmentation/jieba');
  const nodejieba = require('nodejieba');
  const native = nodejieba.cutLengths;
  delete nodejieba.cutLengths;
  const choice = process.env.GONGWEN_SEGMENTER;
  process.env.GONGWEN_SEGMENTER = 'native';
  try {
    const loaded = loadJieba();
    assert.ok(loaded.ok, loaded.ok ? '' : loaded.error);
    assert.equal(loaded.jieba.nativeLengths, false);
    assert.deepEqual(Array.from(loaded.jieba.wordLengths('😀加强制度建设')), [2, 2, 2, 2]);
  } finally {
    nodejieba.cutLengths = native;
    if (choice === undefined) delete process.env.GONGWEN_SEGMENTER;
    else process.env.GONGWEN_SEGMENTER = choice;
  }
});

test('loading the dictionaries costs one copy of the dictionary, and keyword extraction still works', () => {
  // In a fresh process: RSS before and after gongwen's own loading code. One copy of nodejieba's
  // dictionary costs ~115 MB, two ~225 MB; the bound sits between them with a wide margin either way.
  const code = `
    process.env.GONGWEN_SEGMENTER = 'native';
    const before = process.memoryUsage().rss;
    const { loadJieba } = require(${JSON.stringify(path.join(ROOT, 'out', 'server', 'src', 'segmentation', 'jieba.js'))});
    const loaded = loadJieba();
    if (!loaded.ok) throw new Error(loaded.error);
    const grown = (process.memoryUsage().rss - before) / 2 ** 20;
    const keywords = require('nodejieba').textRankExtract('加强制度建设，完善制度体系，推进制度创新。', 2).map((k) => k.word);
    process.stdout.write(JSON.stringify({ grown, keywords, cut: loaded.jieba.cut('加强制度建设') }));`;
  const result = JSON.parse(execFileSync(process.execPath, ['-e', code], { cwd: ROOT, encoding: 'utf8' }));
  assert.deepEqual(result.cut, ['加强', '制度', '建设']);
  assert.ok(result.grown > 40, `the dictionary was loaded (RSS grew ${result.grown.toFixed(0)} MB)`);
  assert.ok(result.grown < 170, `RSS grew ${result.grown.toFixed(0)} MB: the dictionary seems to be loaded twice (unpatched nodejieba?)`);
  assert.ok(result.keywords.includes('制度'), `textRankExtract still works: ${JSON.stringify(result.keywords)}`);
});
