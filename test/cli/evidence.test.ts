// `gongwen check`: the files of one run are one workspace — a suspected typo whose written string another
// file of the run uses is a name or a coinage (also with --jobs, where each worker reads the run's files).
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { tempDir } from '../helpers/tempDir';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const BIN = path.join(ROOT, 'bin', 'gongwen.js');

function check(files: string[], jobs: string) {
  const r = spawnSync(process.execPath, [BIN, 'check', '--format', 'json', '--jobs', jobs, ...files], { encoding: 'utf8' });
  assert.ok(r.status === 0 || r.status === 1, r.stderr);
  const results = JSON.parse(r.stdout) as { file: string; diagnostics: { code?: string; rule?: string; message: string }[] }[];
  return results.map((result) => ({
    file: path.basename(result.file),
    suspects: result.diagnostics.filter((d) => (d.rule ?? d.code) === 'suspect-char').map((d) => d.message),
  }));
}

test('two files, one run: a string the other file uses is not a typo; each file alone is checked as before', () => {
  const dir = tempDir('gongwen-evidence-');
  const plan = path.join(dir, 'plan.txt');
  const brochure = path.join(dir, 'brochure.md');
  fs.writeFileSync(plan, '全面推进津融合作，建设智汇平台。\n');
  fs.writeFileSync(brochure, '# 人才政策\n\n本市打造智汇谷，吸引人才落户。\n');
  const alone = check([plan], '1');
  assert.equal(alone[0].suspects.length, 2, JSON.stringify(alone));
  assert.ok(alone[0].suspects.some((m) => m.includes('智慧')));
  for (const jobs of ['1', '2']) {
    const together = check([plan, brochure], jobs);
    assert.equal(together.length, 2);
    const planResult = together.find((r) => r.file === 'plan.txt')!;
    assert.equal(planResult.suspects.length, 1, `--jobs ${jobs}: ${JSON.stringify(together)}`);
    assert.match(planResult.suspects[0], /津/, '津融 is used nowhere else: still a suspect');
  }
});
