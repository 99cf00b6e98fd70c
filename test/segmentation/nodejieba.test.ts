// The installed nodejieba is the patched build (patches/nodejieba+3.5.8.patch, applied and compiled by
// scripts/patch-nodejieba.mjs at `npm install`): its TextRank extractor shares the segmenter's dictionary
// instead of loading a second copy (~110 MB).
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { test } from 'node:test';

const ROOT = path.resolve(__dirname, '..', '..', '..');

test('the installed nodejieba binary is the patched one (shared dictionary)', () => {
  const binding = require(path.join(path.dirname(require.resolve('nodejieba/package.json')), 'build', 'Release', 'nodejieba.node'));
  assert.equal(binding.sharedDictionary, true, 'run `node scripts/patch-nodejieba.mjs` (npm install does) to rebuild nodejieba with the patch');
});

test('loading the dictionaries costs one copy of the dictionary, and keyword extraction still works', () => {
  // In a fresh process: RSS before and after gongwen's own loading code. One copy of nodejieba's
  // dictionary costs ~115 MB, two ~225 MB; the bound sits between them with a wide margin either way.
  const code = `
    const before = process.memoryUsage().rss;
    const { loadJieba } = require(${JSON.stringify(path.join(ROOT, 'out', 'server', 'src', 'segmentation', 'jieba.js'))});
    const loaded = loadJieba();
    if (!loaded.ok) throw new Error(loaded.error);
    const grown = (process.memoryUsage().rss - before) / 2 ** 20;
    const keywords = require('nodejieba').textRankExtract('加强制度建设，完善制度体系，推进制度创新。', 2).map((k) => k.word);
    process.stdout.write(JSON.stringify({ grown, keywords, cut: loaded.jieba.cut('加强制度建设', true) }));`;
  const result = JSON.parse(execFileSync(process.execPath, ['-e', code], { cwd: ROOT, encoding: 'utf8' }));
  assert.deepEqual(result.cut, ['加强', '制度', '建设']);
  assert.ok(result.grown > 40, `the dictionary was loaded (RSS grew ${result.grown.toFixed(0)} MB)`);
  assert.ok(result.grown < 170, `RSS grew ${result.grown.toFixed(0)} MB: the dictionary seems to be loaded twice (unpatched nodejieba?)`);
  assert.ok(result.keywords.includes('制度'), `textRankExtract still works: ${JSON.stringify(result.keywords)}`);
});
