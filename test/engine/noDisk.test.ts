import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { ROOT } from '../helpers/lspClient';

test('the engine reads no files: no module under server/src/engine imports fs, path or worker_threads, or looks up __dirname', () => {
  const dir = path.join(ROOT, 'server', 'src', 'engine');
  const files: string[] = [];
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(path.join(d, entry.name));
      else if (entry.name.endsWith('.ts')) files.push(path.join(d, entry.name));
    }
  };
  walk(dir);
  assert.ok(files.length > 20);
  for (const file of files) {
    const source = fs.readFileSync(file, 'utf8');
    assert.doesNotMatch(source, /from '(node:)?(fs|path|worker_threads)'|require\(|__dirname/, path.relative(ROOT, file));
  }
});
