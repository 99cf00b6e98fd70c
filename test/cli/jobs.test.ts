import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { BYTES_PER_THREAD, defaultJobs } from '../../server/src/cli/check';
import { ALL_RULES } from '../../server/src/engine';
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

test('the default number of threads follows the amount of text, at most one per core', (t) => {
  if (!ALL_RULES.some((r) => r.needsSegmentation && r.enabledByDefault !== false)) {
    assert.equal(defaultJobs([50_000_000], 8), 1, 'without segmentation rules: one thread');
    return t.skip('no default-on rule needs segmentation');
  }
  const mb = 1_000_000;
  assert.equal(defaultJobs([5_000, 20_000, 30_000], 2), 1, 'a few reports: the dictionary load would cost more than it saves');
  assert.equal(defaultJobs(Array.from({ length: 200 }, () => 38_000), 2), 2, '200 reports (7.6 MB) on two cores');
  assert.equal(defaultJobs(Array.from({ length: 200 }, () => 38_000), 16), Math.floor((200 * 38_000) / BYTES_PER_THREAD));
  assert.equal(defaultJobs([3 * mb], 8), 1, 'one file: one thread');
  assert.equal(defaultJobs([3 * mb, 3 * mb], 8), 2);
  assert.equal(defaultJobs([], 4), 1);
});
