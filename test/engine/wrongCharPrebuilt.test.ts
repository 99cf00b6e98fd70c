// The wrong-character rule's prebuilt tables (engine/wrongchar/prebuilt.ts, host/wrongCharPrebuilt.ts): a file
// built here, in a temporary folder, gives the same answers as the tables built from the JSON data; a missing,
// stale or damaged file is refused with a Chinese notice, and the rule then builds its tables as before.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { Linter } from '../../server/src/engine';
import type { EngineData } from '../../server/src/engine/data';
import { PairSet } from '../../server/src/engine/pairSet';
import { wrongCharTables } from '../../server/src/engine/wrongchar/data';
import { inKnownWord, inOwnPhrases } from '../../server/src/engine/wrongchar/filters';
import { tablesFor } from '../../server/src/engine/wrongchar/indexes';
import { decodeWrongCharTables, WRONGCHAR_FILE } from '../../server/src/engine/wrongchar/prebuilt';
import { suggestPairs, suggestReplacements } from '../../server/src/engine/wrongchar/search';
import { buildWrongCharFile } from '../../server/src/host/buildWrongChar';
import { diskEngineData, type DiskDataOptions } from '../../server/src/host/data';
import { wrongCharFingerprint } from '../../server/src/host/wrongCharPrebuilt';
import { SEGMENTER_FILE, LEXICON_FILE } from '../../server/src/segmentation/prebuilt';
import { prebuiltDirectory } from '../../server/src/segmentation/jieba';
import { SyncSegmenter } from '../../server/src/segmentation/syncSegmenter';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const DATA = path.join(ROOT, 'server', 'data');
const SNIPPETS = path.join(ROOT, 'snippets');

const segmenter = new SyncSegmenter();
const lexicon = segmenter.lexicon!;

/** A copy of the data the tables are made from, in a temporary folder (the model linked, it is 16 MB). */
function dataCopy(): { dir: string; options: DiskDataOptions; sources: Parameters<typeof wrongCharFingerprint>[0] } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-wrongchar-'));
  for (const name of ['char-pinyin.json', 'char-shapes.json', 'known-words.json', 'char-variants.json']) fs.copyFileSync(path.join(DATA, name), path.join(dir, name));
  fs.symlinkSync(path.join(DATA, 'lm.bin'), path.join(dir, 'lm.bin'));
  fs.mkdirSync(path.join(dir, 'snippets'));
  for (const name of fs.readdirSync(SNIPPETS)) fs.copyFileSync(path.join(SNIPPETS, name), path.join(dir, 'snippets', name));
  fs.mkdirSync(path.join(dir, 'prebuilt'));
  const options = { dataDirs: [dir], snippetDirs: [path.join(dir, 'snippets')] };
  const sources = { pinyin: path.join(dir, 'char-pinyin.json'), knownWords: path.join(dir, 'known-words.json'), snippetDir: path.join(dir, 'snippets'), model: path.join(dir, 'lm.bin') };
  return { dir, options, sources };
}

function sampleTexts(): string[] {
  const texts: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (/\.(txt|md)$/.test(entry.name)) texts.push(fs.readFileSync(file, 'utf8'));
    }
  };
  walk(path.join(ROOT, 'examples'));
  walk(path.join(ROOT, 'test', 'fixtures'));
  return texts;
}

function findings(data: EngineData, text: string): string {
  const linter = new Linter({ segmenter, lexicon: () => lexicon, data });
  return JSON.stringify(linter.lint(text, 'plaintext').findings);
}

test('PairSet.fromParts gives the set parts() described', () => {
  const set = new PairSet();
  const pairs: [number, number][] = [[0, 0], [0x4e2d, 0x56fd], [1, 2], [0xffff, 0xffff], [0x6c11, 0]];
  for (let i = 0; i < 3000; i++) pairs.push([(i * 7919) & 0xffff, (i * 104729) & 0xffff]);
  for (const [a, b] of pairs) set.add(a, b);
  const copy = PairSet.fromParts(set.parts());
  for (const [a, b] of pairs) assert.ok(copy.has(a, b));
  for (let i = 0; i < 3000; i++) assert.equal(copy.has(i, i + 1), set.has(i, i + 1));
  assert.throws(() => PairSet.fromParts({ ...set.parts(), filter: new Int32Array(8) }), /字符对表/);
});

test('a prebuilt file built here gives the same answers as the tables built from the JSON data', () => {
  const { dir, options, sources } = dataCopy();
  try {
    fs.writeFileSync(path.join(dir, 'prebuilt', WRONGCHAR_FILE), buildWrongCharFile(lexicon, options, sources));
    const notices: string[] = [];
    const fromFile = diskEngineData({ ...options, modelDirs: [dir], prebuiltDir: path.join(dir, 'prebuilt'), onError: (m) => notices.push(m) });
    const fromJson = diskEngineData({ ...options, modelDirs: [dir], prebuiltDir: false, onError: (m) => notices.push(m) });
    const prebuilt = fromFile.wrongCharPrebuilt!();
    assert.ok(prebuilt, notices.join('\n'));
    assert.deepEqual(notices, []);
    const a = wrongCharTables(fromFile)!;
    const b = wrongCharTables(fromJson)!;
    assert.equal(a.knownWords, prebuilt.knownWords);
    assert.equal(a.phrases.text, b.phrases.text);
    for (const word of fromJson.knownWords()!) assert.ok(a.knownWords.words.has(word), word);
    const ta = tablesFor(lexicon, a);
    const tb = tablesFor(lexicon, b);
    assert.equal(ta.bigrams, prebuilt.lexicon.bigrams, 'the prebuilt indexes are used for jieba’s lexicon');
    // Every Chinese position of the sample texts: suggestions, pairs and the filters agree.
    let positions = 0;
    for (const text of sampleTexts()) {
      for (const line of text.split('\n')) {
        for (let i = 0; i < line.length; i++) {
          if (!/[\u4e00-\u9fff]/.test(line[i])) continue;
          positions++;
          assert.deepEqual(suggestReplacements(line, i, lexicon, ta), suggestReplacements(line, i, lexicon, tb), `${line} @${i}`);
          assert.deepEqual(suggestPairs(line, i, lexicon, ta), suggestPairs(line, i, lexicon, tb), `${line} @${i}`);
          assert.equal(inKnownWord(line, i, a), inKnownWord(line, i, b));
          assert.equal(inOwnPhrases(line, { start: i, end: i + 1 }, a), inOwnPhrases(line, { start: i, end: i + 1 }, b));
        }
      }
    }
    assert.ok(positions > 5000, `${positions}`);
    // The language model on the prebuilt word list: the same ids, words and probabilities.
    const ma = fromFile.languageModel!()!;
    const mb = fromJson.languageModel!()!;
    for (let id = 0; id < mb.size; id += 7) {
      const word = mb.word(id);
      assert.equal(ma.word(id), word);
      assert.equal(ma.id(word), mb.id(word), word);
      // In place (the prebuilt list's own lookup): the word inside a text, and with one unit read as another.
      const text = `，${word}。`;
      assert.equal(ma.idAt(text, 1, 1 + word.length), mb.idAt(text, 1, 1 + word.length), word);
      if (word.length > 0) {
        const j = id % word.length;
        const other = text.slice(0, 1 + j) + '乂' + text.slice(2 + j);
        assert.equal(ma.idAt(other, 1, 1 + word.length, 1 + j, word.charCodeAt(j)), mb.idAt(other, 1, 1 + word.length, 1 + j, word.charCodeAt(j)), other);
        assert.equal(ma.idAt(other, 1, 1 + word.length), mb.idAt(other, 1, 1 + word.length), other);
      }
    }
    for (const s of ['', '不是一个词语啊', '政冶', '乂乂', 'x']) assert.equal(ma.idAt(s, 0, s.length), mb.idAt(s, 0, s.length), s);
    assert.equal(ma.idAt('体制机制', 2, 4, 3, '智'.charCodeAt(0)), mb.id('机智'));
    assert.equal(ma.maxWordLength, mb.maxWordLength);
    for (const words of [['加强', '制度', '建设'], ['体制', '机制'], ['不存在的词语', '的']]) assert.equal(ma.sentenceLogProb(words), mb.sentenceLogProb(words));
    // Whole documents: the same findings.
    for (const text of sampleTexts().slice(0, 12)) assert.equal(findings(fromFile, text), findings(fromJson, text));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a missing, stale, truncated or foreign prebuilt file: a Chinese notice, the JSON path, the same findings', () => {
  const { dir, options, sources } = dataCopy();
  try {
    const file = path.join(dir, 'prebuilt', WRONGCHAR_FILE);
    const bytes = buildWrongCharFile(lexicon, options, sources);
    const text = fs.readFileSync(path.join(ROOT, 'examples', 'work-report.txt'), 'utf8');
    const expected = findings(diskEngineData({ ...options, modelDirs: [dir], prebuiltDir: false }), text);
    assert.ok(expected.includes('suspect-char'));
    const attempt = (prepare: () => void, notice: RegExp) => {
      prepare();
      const notices: string[] = [];
      const data = diskEngineData({ ...options, modelDirs: [dir], prebuiltDir: path.join(dir, 'prebuilt'), onError: (m) => notices.push(m) });
      assert.equal(findings(data, text), expected);
      assert.equal(notices.length, 1, notices.join('\n'));
      assert.match(notices[0], notice);
      assert.match(notices[0], /改由数据文件生成错别字表/);
    };
    attempt(() => fs.rmSync(file, { force: true }), /找不到错别字预编译表/);
    attempt(() => fs.writeFileSync(file, bytes.subarray(0, bytes.length >> 1)), /不可用：文件不完整/);
    attempt(() => fs.writeFileSync(file, 'segmenter.bin is not this either'), /不是 gongwen 的错别字预编译表/);
    attempt(() => fs.writeFileSync(file, new Uint8Array(3)), /文件不完整/);
    // A data file changed after the build (a word added to the known words): the file no longer fits.
    attempt(() => {
      fs.writeFileSync(file, bytes);
      const known = JSON.parse(fs.readFileSync(sources.knownWords, 'utf8')) as { modern: string };
      fs.writeFileSync(sources.knownWords, JSON.stringify({ ...known, modern: `${known.modern} 测试新词` }));
    }, /数据已更新/);
    const fingerprint = wrongCharFingerprint(sources);
    assert.equal(typeof decodeWrongCharTables(new Uint8Array(bytes).buffer, fingerprint), 'string', 'the file of the old data');
    assert.equal(typeof decodeWrongCharTables(new Uint8Array(bytes).buffer, fingerprint + 1), 'string');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('gongwen check with a damaged wrongchar.bin says so once and gives the same findings', () => {
  const file = path.join(ROOT, 'examples', 'work-report.txt');
  const bin = path.join(ROOT, 'bin', 'gongwen.js');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-wrongchar-cli-'));
  try {
    // The segmentation files as built; the wrong-character tables as JSON only (no prebuilt file of them).
    for (const name of [SEGMENTER_FILE, LEXICON_FILE]) fs.symlinkSync(path.join(prebuiltDirectory(), name), path.join(dir, name));
    const run = () => spawnSync(process.execPath, [bin, 'check', '--format', 'json', file, file], { encoding: 'utf8', env: { ...process.env, GONGWEN_PREBUILT_DIR: dir } });
    const expected = run();
    assert.ok(expected.stdout.includes('suspect-char'));
    assert.equal(expected.stderr.split('\n').filter((l) => l.includes('找不到错别字预编译表')).length, 1, expected.stderr);
    fs.writeFileSync(path.join(dir, WRONGCHAR_FILE), 'damaged');
    const damaged = run();
    assert.equal(damaged.stdout, expected.stdout);
    const notices = damaged.stderr.split('\n').filter((l) => l.includes('错别字预编译表'));
    assert.equal(notices.length, 1, damaged.stderr);
    assert.match(notices[0], /^gongwen：提示：错别字预编译表 .*wrongchar\.bin 不可用：.*改由数据文件生成错别字表/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
