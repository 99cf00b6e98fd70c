import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { tempDir } from '../helpers/tempDir';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const BIN = path.join(ROOT, 'bin', 'gongwen.js');
const FIXTURES = path.join(ROOT, 'test', 'fixtures');

function run(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('check --jobs N gives the same output, messages and exit code as one thread', () => {
  const dir = tempDir('gongwen-jobs-');
  try {
    const files: string[] = [];
    for (let i = 0; i < 12; i++) {
      for (const name of ['levels.txt', 'numbering-errors.txt', 'no-structure.txt']) {
        const file = path.join(dir, `${String(i).padStart(2, '0')}-${name}`);
        fs.copyFileSync(path.join(FIXTURES, name), file);
        files.push(file);
      }
    }
    // A bad configuration is reported once, and a missing file is an I/O error (exit 2).
    fs.writeFileSync(path.join(dir, '.gongwenrc.json'), '{"rules": {"heading-marker": "loud"}}');
    const args = [...files.slice(0, 20), path.join(dir, 'missing.txt'), ...files.slice(20)];
    for (const format of ['pretty', 'json']) {
      const one = run(['check', '--format', format, '--jobs', '1', ...args]);
      const three = run(['check', '--format', format, '--jobs', '3', ...args]);
      assert.equal(one.code, 2, one.stderr);
      assert.equal(three.code, one.code);
      assert.equal(three.stdout, one.stdout);
      assert.equal(three.stderr, one.stderr);
      assert.equal(one.stderr.match(/配置文件/g)?.length, 1, one.stderr);
      assert.match(one.stderr, /找不到文件 .*missing\.txt/);
    }
    const json = JSON.parse(run(['check', '--format', 'json', '-j', '2', ...files]).stdout);
    assert.deepEqual(json.map((r: { file: string }) => r.file), files);
    assert.equal(run(['check', '--jobs', '0', files[0]]).code, 2);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
