// The npm package (what pre-commit and `npm install -g` install) and the .vsix are chosen by two
// allow-lists, .npmignore and .vscodeignore; vsce refuses to package when package.json also has "files".
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';

const root = path.resolve(__dirname, '../../..');

test('package.json has no "files" beside .vscodeignore (vsce would refuse to package)', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  assert.ok(fs.existsSync(path.join(root, '.vscodeignore')));
  assert.equal(manifest.files, undefined);
});

test('npm pack carries the CLI and its data, and no sources or tests', () => {
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' });
  const files: string[] = JSON.parse(out)[0].files.map((f: { path: string }) => f.path);
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  for (const bin of Object.values(manifest.bin as Record<string, string>)) {
    assert.ok(files.includes(path.posix.normalize(bin)), `bin ${bin}`);
  }
  for (const needed of ['dist/cli.js', 'dist/cli-worker.js', 'dist/vendor-docx-export.js', 'dist/vendor-saxes.js', 'dist/vendor-iconv-lite.js', 'dist/vendor-emnapi-runtime.js', 'scripts/patch-nodejieba.mjs', 'server/data/known-words.json', 'server/data/jieba/idf.utf8']) {
    assert.ok(files.includes(needed), needed);
  }
  assert.ok(files.some((f) => f.startsWith('snippets/')));
  for (const f of files) assert.doesNotMatch(f, /^(server\/src|client|test|out|benchmarks|node_modules)\//, f);
});
