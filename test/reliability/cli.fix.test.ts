// gongwen check --fix never destroys text: keeps BOM and line endings, refuses a read-only file,
// and a kill at any moment leaves either the old or the new file, whole. Bad config: one stderr message.
import { strict as assert } from 'node:assert';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { tempDir } from '../helpers/tempDir';
import { report, ROOT } from './invariants';

const BIN = path.join(ROOT, 'bin', 'gongwen.js');
const newDir = () => tempDir('gongwen-fix-');
const run = (args: string[], cwd: string) => spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8' });

test('--fix keeps the BOM and every line ending (CRLF, LF, CR mixed) and is idempotent', () => {
  const dir = newDir();
  const file = path.join(dir, 'report.txt');
  const body = '关于工作的报告\r\n\r\n一.总体情况\n全年完成任务。\r（一）、学习情况\r\n学习。\n';
  fs.writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(body, 'utf8')]));
  const r = run(['check', '--fix', 'report.txt'], dir);
  assert.ok(r.status === 0 || r.status === 1, r.stderr);
  const bytes = fs.readFileSync(file);
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const fixed = bytes.subarray(3).toString('utf8');
  assert.equal(fixed, '关于工作的报告\r\n\r\n一、总体情况\n全年完成任务。\r（一）学习情况\r\n学习。\n');
  run(['check', '--fix', 'report.txt'], dir);
  assert.deepEqual(fs.readFileSync(file), bytes, 'a second --fix changes nothing');
});

test('--fix refuses a read-only file and says why, leaving it untouched', () => {
  const dir = newDir();
  const file = path.join(dir, 'report.txt');
  fs.writeFileSync(file, '报告\n\n一.总体情况\n');
  fs.chmodSync(file, 0o444);
  const r = run(['check', '--fix', 'report.txt'], dir);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /只读文件，未写入修改/);
  assert.equal(fs.readFileSync(file, 'utf8'), '报告\n\n一.总体情况\n');
});

test('--fix killed at any moment leaves the old or the new content, never a partial file', async () => {
  const dir = newDir();
  const file = path.join(dir, 'big.txt');
  // ~1.5 MB: every heading marker needs fixing, so the whole file is rewritten.
  const section = '一.总体情况\n全年完成各项任务，成效明显。\n';
  const old = Buffer.from('关于工作的报告\n\n' + section.repeat(25_000), 'utf8');
  fs.writeFileSync(file, old);
  const reference = path.join(dir, 'reference.txt');
  fs.writeFileSync(reference, old);
  const t0 = performance.now();
  const fixedRun = run(['check', '--fix', 'reference.txt'], dir);
  const duration = performance.now() - t0;
  assert.ok(fixedRun.status !== 2, fixedRun.stderr);
  const fixed = fs.readFileSync(reference);
  assert.notDeepEqual(fixed, old);
  // Kill moments spread over the run, dense around its end, where the write happens.
  const timings = [0.3, 0.7, 0.85, 0.92, 0.97, 1.0, 1.05, 1.15].map((f) => Math.round(f * duration));
  let olds = 0;
  let news = 0;
  for (const ms of timings) {
    fs.writeFileSync(file, old);
    const child = spawn(process.execPath, [BIN, 'check', '--fix', 'big.txt'], { cwd: dir, stdio: 'ignore' });
    const exited = new Promise((r) => child.once('exit', r));
    await new Promise((r) => setTimeout(r, ms));
    child.kill('SIGKILL');
    await exited;
    const now = fs.readFileSync(file);
    if (now.equals(old)) olds++;
    else if (now.equals(fixed)) news++;
    else assert.fail(`after a kill at ${ms} ms the file is neither old nor new (${now.length} bytes)`);
  }
  const litter = fs.readdirSync(dir).filter((f) => f.startsWith('big.txt.'));
  report(`--fix kill test (temp files left by killed writes: ${litter.length}): ${(old.length / 1e6).toFixed(1)} MB file, SIGKILL at ${timings.join('/')} ms → ${olds} old, ${news} new, 0 partial`);
});

test('CLI: a malformed .gongwenrc.json gives one clear message on stderr; the check runs with defaults', () => {
  const dir = newDir();
  fs.writeFileSync(path.join(dir, '.gongwenrc.json'), '{ "rules": { ');
  fs.writeFileSync(path.join(dir, 'a.txt'), '报告\n\n一.总体情况\n');
  fs.writeFileSync(path.join(dir, 'b.txt'), '报告\n\n三、总体情况\n');
  const r = run(['check', 'a.txt', 'b.txt'], dir);
  assert.equal(r.status, 1);
  const lines = r.stderr.trim().split('\n').filter((l) => l.includes('配置'));
  assert.equal(lines.length, 1, r.stderr);
  assert.match(lines[0], /不是有效的 JSON.*已使用默认配置/);
  assert.match(r.stdout, /heading-marker/);
});
