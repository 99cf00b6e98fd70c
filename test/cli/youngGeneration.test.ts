// The CLI's young generation (youngGenerationFor in server/src/cli/check.ts): kept at its first size for a
// small run, V8's default growth for a long one — and V8 really reads the factor at run time.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { test } from 'node:test';
import { SMALL_RUN_BYTES } from '../../server/src/cli/check';

/** The new space's size (MB) after allocating survivors in a fresh process with this growth factor set at run time. */
function newSpaceAfterAllocating(factorAtStart: number, factorLater?: number): number {
  const check = path.resolve(__dirname, '..', '..', 'server', 'src', 'cli', 'check.js');
  const script = `
    const v8 = require('node:v8');
    v8.setFlagsFromString('--semi-space-growth-factor=${factorAtStart}');
    ${factorLater === undefined ? '' : `require(${JSON.stringify(check)}).youngGenerationFor([${SMALL_RUN_BYTES + 1}]);`}
    const kept = [];
    for (let i = 0; i < 400000; i++) kept.push({ i, s: 'x' + i });
    const space = v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
    process.stdout.write(String(space.space_size / 1048576));`;
  return Number(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }));
}

test('young generation: factor 1 keeps the new space at its first size; a long run gets the default growth back', () => {
  const small = newSpaceAfterAllocating(1);
  const restored = newSpaceAfterAllocating(1, 2);
  assert.ok(small <= 2, `new space ${small} MB with growth factor 1`);
  assert.ok(restored > small, `new space ${restored} MB after youngGenerationFor(a long run), ${small} MB without`);
});
