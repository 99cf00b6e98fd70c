// UI strings are localized, zh-CN first: every %key% of the manifest has an English and a Chinese text,
// and every vscode.l10n.t() message of the client has a Chinese translation.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';

const root = path.resolve(__dirname, '../../..');
const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');

test('every %key% of package.json is in package.nls.json and package.nls.zh-cn.json', () => {
  const keys = [...read('package.json').matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
  assert.ok(keys.length > 10);
  for (const file of ['package.nls.json', 'package.nls.zh-cn.json']) {
    const table = JSON.parse(read(file));
    for (const key of keys) assert.equal(typeof table[key], 'string', `${key} missing in ${file}`);
  }
  const zh = JSON.parse(read('package.nls.zh-cn.json'));
  for (const key of keys) assert.match(zh[key], /[\u4e00-\u9fff]/, `${key} in package.nls.zh-cn.json is not Chinese`);
});

test('every vscode.l10n.t() message of the client has a Chinese translation', () => {
  const bundle = JSON.parse(read('l10n/bundle.l10n.zh-cn.json'));
  const dir = path.join(root, 'client/src');
  const messages = fs.readdirSync(dir).filter((f) => f.endsWith('.ts')).flatMap((f) =>
    [...fs.readFileSync(path.join(dir, f), 'utf8').matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)].map((m) => m[1].replace(/\\n/g, '\n').replace(/\\'/g, "'")),
  );
  assert.ok(messages.length > 5);
  for (const message of messages) assert.equal(typeof bundle[message], 'string', `no zh-cn translation for “${message}”`);
});
