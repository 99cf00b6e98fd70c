// Windows paths (drive letters, backslashes, either case) in the configuration handling, checked with
// path.win32 on any platform; the real Windows run is test/e2e/universal.test.mjs (node.exe under wine).
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { normalizeFileKey, parseConfigText, RULE_IDS } from '../../server/src/engine';
import { fileKeyFor, findConfig } from '../../server/src/host/configFile';

const win = path.win32;

test('findConfig walks up a Windows path to the nearest .gongwenrc.json, up to the drive root', () => {
  const present = new Set(['C:\\Users\\li\\reports\\.gongwenrc.json', 'D:\\.gongwenrc.json']);
  const exists = (file: string) => present.has(file);
  assert.equal(findConfig('C:\\Users\\li\\reports\\2024\\q1', win, exists), 'C:\\Users\\li\\reports\\.gongwenrc.json');
  assert.equal(findConfig('C:/Users/li/reports', win, exists), 'C:\\Users\\li\\reports\\.gongwenrc.json');
  assert.equal(findConfig('D:\\work\\docs', win, exists), 'D:\\.gongwenrc.json');
  assert.equal(findConfig('E:\\', win, exists), undefined);
  assert.equal(findConfig('\\\\server\\share\\docs', win, (f) => f === '\\\\server\\share\\.gongwenrc.json'), '\\\\server\\share\\.gongwenrc.json');
});

test('fileKeyFor gives the forward-slash key of a Windows path below the config, and none on another drive', () => {
  const config = 'C:\\Users\\li\\reports\\.gongwenrc.json';
  assert.equal(fileKeyFor(config, 'C:\\Users\\li\\reports\\2024\\年度总结.txt', win), '2024/年度总结.txt');
  // Windows paths are case-insensitive, and accept forward slashes.
  assert.equal(fileKeyFor(config, 'c:\\users\\LI\\Reports\\a.txt', win), 'a.txt');
  assert.equal(fileKeyFor(config, 'C:/Users/li/reports/sub/b.md', win), 'sub/b.md');
  assert.equal(fileKeyFor(config, 'D:\\Users\\li\\reports\\a.txt', win), undefined);
  assert.equal(fileKeyFor(config, 'C:\\Users\\li\\other\\a.txt', win), undefined);
});

test('a config written on Windows (backslash keys in "files") applies to the same files', () => {
  assert.equal(normalizeFileKey('2024\\年度总结.txt'), '2024/年度总结.txt');
  assert.equal(normalizeFileKey('.\\a.txt'), 'a.txt');
  const { config, problems } = parseConfigText(JSON.stringify({ files: { '2024\\年度总结.txt': { disable: ['heading-numbering'] } } }), RULE_IDS);
  assert.deepEqual(problems, []);
  assert.ok(config.files.has(fileKeyFor('C:\\r\\.gongwenrc.json', 'C:\\r\\2024\\年度总结.txt', win)!));
});

test('the CLI applies such a config to a file given with backslashes in its path where that is the separator', () => {
  if (path.sep !== '\\') {
    // On POSIX a backslash is part of a name; the key is still found through the relative path.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-winpath-'));
    try {
      fs.mkdirSync(path.join(dir, 'sub'));
      fs.writeFileSync(path.join(dir, '.gongwenrc.json'), JSON.stringify({ files: { 'sub\\a.txt': { disable: ['heading-numbering'] } } }));
      fs.writeFileSync(path.join(dir, 'sub', 'a.txt'), '一、总体情况\n\n三、下步打算\n');
      const out = (() => {
        try {
          return execFileSync(process.execPath, [path.resolve(__dirname, '..', '..', '..', 'bin', 'gongwen.js'), 'check', '--format', 'json', path.join(dir, 'sub', 'a.txt')], { encoding: 'utf8', env: { ...process.env, GONGWEN_SEGMENTER: 'wasm' } });
        } catch (error) {
          return (error as { stdout: string }).stdout;
        }
      })();
      assert.ok(!out.includes('heading-numbering'), out);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
});
