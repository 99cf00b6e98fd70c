import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { lint } from './ruleHelpers';

const P = 'placeholder';

// The cases are files: test/fixtures/rules/placeholder.txt and placeholder.markdown.md.

test('placeholder: offsets are UTF-16 code units (non-BMP characters before the slot)', () => {
  const [f] = lint('𠮷𠮷报告*篇', [P]);
  assert.deepEqual(f.range, { start: { line: 0, character: 6 }, end: { line: 0, character: 7 } });
});
