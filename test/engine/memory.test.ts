import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { Linter } from '../../server/src/engine';

const FIXTURES = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures');

/** A full garbage collection (the test runner does not pass --expose-gc). */
function collectGarbage(): void {
  v8.setFlagsFromString('--expose-gc');
  (vm.runInNewContext('gc') as () => void)();
}

function heapUsedAfterGc(): number {
  collectGarbage();
  collectGarbage();
  return process.memoryUsage().heapUsed;
}

test('a document edited again and again keeps no earlier version of its text alive', () => {
  // ~200 K characters (400 KB as UTF-16): distinct lines, so that nothing is shared by accident.
  const base = fs.readFileSync(path.join(FIXTURES, 'levels.txt'), 'utf8');
  const parts: string[] = [];
  for (let copy = 0; parts.join('').length < 200_000; copy++) parts.push(base.replace(/。/g, `。第${copy}份`));
  let text = parts.join('\n');
  const lines = text.split('\n');
  const prose = lines.map((line, i) => (line.length > 20 ? i : -1)).filter((i) => i >= 0);
  const linter = new Linter();
  linter.lint(text);
  // Warm up (code, caches), then measure over edits as the server gets them: one character typed, then deleted.
  const edit = (k: number) => {
    const line = prose[Math.floor(k / 2) % prose.length];
    let offset = 0;
    for (let i = 0; i < line; i++) offset += lines[i].length + 1;
    offset += 5;
    text = k % 2 === 0 ? text.slice(0, offset) + '的' + text.slice(offset) : text.slice(0, offset) + text.slice(offset + 1);
    linter.lint(text);
  };
  for (let k = 0; k < 20; k++) edit(k);
  const before = heapUsedAfterGc();
  const EDITS = 200;
  for (let k = 20; k < 20 + EDITS; k++) edit(k);
  const grown = heapUsedAfterGc() - before;
  // Each kept version would cost the text's 400 KB: 200 of them are 80 MB. A few MB is noise and caches.
  const versionBytes = text.length * 2;
  assert.ok(grown < 20 * versionBytes, `the heap grew by ${(grown / 1048576).toFixed(1)} MB over ${EDITS} edits (${(versionBytes / 1048576).toFixed(2)} MB per version of the text)`);
});
