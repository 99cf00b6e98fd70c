// The JavaScript segmenter on the prebuilt tables (jsJieba.ts, prebuilt.ts) gives nodejieba's words, and a
// missing or damaged prebuilt file means a clear message and nodejieba, never a wrong segmentation.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { loadJieba, loadJsJieba, prebuiltDirectory } from '../../server/src/segmentation/jieba';
import { loadLexiconData, parseHanLexicon, jiebaDictionaryPath } from '../../server/src/segmentation/lexicon';
import { LEXICON_FILE, loadLexiconTables, loadSegmenterTables, SEGMENTER_FILE } from '../../server/src/segmentation/prebuilt';

const ROOT = path.resolve(__dirname, '..', '..', '..');

function native(userWords: string[] = []) {
  const before = process.env.GONGWEN_SEGMENTER;
  process.env.GONGWEN_SEGMENTER = 'native';
  try {
    const loaded = loadJieba(userWords);
    assert.ok(loaded.ok, loaded.ok ? '' : loaded.error);
    assert.equal(loaded.jieba.engine, 'native');
    return loaded.jieba;
  } finally {
    if (before === undefined) delete process.env.GONGWEN_SEGMENTER;
    else process.env.GONGWEN_SEGMENTER = before;
  }
}

function js(userWords: string[] = []) {
  const loaded = loadJsJieba(userWords);
  assert.ok(loaded.ok, loaded.ok ? '' : loaded.error);
  return loaded.jieba;
}

/** Every line of the project's sample texts. */
function sampleLines(): string[] {
  const lines: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (/\.(txt|md|gw)$/.test(entry.name)) lines.push(...fs.readFileSync(file, 'utf8').split('\n'));
    }
  };
  walk(path.join(ROOT, 'examples'));
  walk(path.join(ROOT, 'test', 'fixtures'));
  return lines;
}

test('the default segmenter is the JavaScript one on the prebuilt tables', () => {
  const loaded = loadJieba();
  assert.ok(loaded.ok && loaded.jieba.engine === 'js' && !loaded.notice, loaded.ok ? loaded.notice : loaded.error);
});

test('same word lengths as nodejieba on every line of the examples and fixtures', () => {
  const a = js();
  const b = native();
  const lines = sampleLines();
  assert.ok(lines.length > 100);
  for (const line of lines) assert.deepEqual([...a.wordLengths(line)], [...b.wordLengths(line)], line);
});

test('same word lengths as nodejieba on random text (Chinese, Latin, digits, separators, astral, lone surrogates)', () => {
  const a = js();
  const b = native();
  const pieces = ['公', '文', '写', '作', '制度', '建设', '的', '了', '蘄', '云计算', '区块链', 'a', 'Z', 'x9', '7', '3.5', '.', '，', '。', '、', ' ', '\t', '\u3000', '“', '”', '😀', '𠮷', '\ud800', '\udfff', '\n', '\u0000'];
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 60 }), (parts) => {
      const text = parts.join('');
      assert.deepEqual([...a.wordLengths(text)], [...b.wordLengths(text)], JSON.stringify(text));
    }),
    { numRuns: 3000 },
  );
});

test('user words are inserted as nodejieba inserts them', () => {
  const words = ['公文写作助手', '强基固本工程', '云计算', '的', '蘄'];
  const a = js(words);
  const b = native(words);
  for (const line of [...sampleLines(), '推进强基固本工程，用公文写作助手写云计算的报告，蘄州'].slice(0, 2000)) assert.deepEqual([...a.wordLengths(line)], [...b.wordLengths(line)], line);
});

test('the prebuilt frequencies are exactly those parsed from the dictionary', () => {
  const found = jiebaDictionaryPath();
  assert.ok(!('error' in found));
  const parsed = parseHanLexicon(fs.readFileSync(found.path));
  const loaded = loadLexiconData();
  assert.ok(loaded.ok && !loaded.notice, loaded.ok ? loaded.notice : loaded.error);
  assert.equal(loaded.data.words, parsed.words);
  assert.deepEqual(loaded.data.offsets, parsed.offsets);
  assert.deepEqual(loaded.data.frequencies, parsed.frequencies);
  assert.equal(loaded.data.total, parsed.total);
});

test('a missing, truncated or foreign prebuilt file is refused with a Chinese message', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-prebuilt-'));
  try {
    for (const [name, load] of [
      [SEGMENTER_FILE, loadSegmenterTables],
      [LEXICON_FILE, loadLexiconTables],
    ] as const) {
      const missing = load(dir);
      assert.ok(!missing.ok && /找不到预编译词典/.test(missing.error), JSON.stringify(missing));
      const bytes = fs.readFileSync(path.join(prebuiltDirectory(), name));
      fs.writeFileSync(path.join(dir, name), bytes.subarray(0, bytes.length >> 1));
      const truncated = load(dir);
      assert.ok(!truncated.ok && /不可用/.test(truncated.error), JSON.stringify(truncated));
      fs.writeFileSync(path.join(dir, name), Buffer.from('jieba.dict.utf8 is not this'));
      const foreign = load(dir);
      assert.ok(!foreign.ok && /不是 gongwen 的预编译词典/.test(foreign.error), JSON.stringify(foreign));
      const other = load(prebuiltDirectory(), 12345);
      assert.ok(!other.ok && /词典已更新/.test(other.error), JSON.stringify(other));
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('gongwen check without the prebuilt files says so once and gives the same findings (nodejieba parses the dictionary)', () => {
  const file = path.join(ROOT, 'examples', 'work-report.txt');
  const bin = path.join(ROOT, 'bin', 'gongwen.js');
  const expected = spawnSync(process.execPath, [bin, 'check', '--format', 'json', file], { encoding: 'utf8' }).stdout;
  assert.ok(expected.includes('suspect-char'));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-no-prebuilt-'));
  try {
    fs.writeFileSync(path.join(dir, SEGMENTER_FILE), 'damaged');
    const r = spawnSync(process.execPath, [bin, 'check', '--format', 'json', file], { encoding: 'utf8', env: { ...process.env, GONGWEN_PREBUILT_DIR: dir } });
    assert.equal(r.stdout, expected);
    const notices = r.stderr.split('\n').filter((l) => l.includes('预编译词典'));
    assert.equal(notices.length, 2, r.stderr); // the segmenter's file (damaged) and the frequencies' (missing), once each
    assert.ok(notices.some((l) => /segmenter.bin 不可用.*改由 nodejieba 读取词典/.test(l)), r.stderr);
    assert.ok(notices.some((l) => /找不到预编译词典.*改为解析词频词典/.test(l)), r.stderr);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
