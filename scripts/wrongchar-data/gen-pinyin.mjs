// Generates server/data/char-pinyin.json for the suspect-char rule: every Chinese character of
// nodejieba's dictionary (single-character entries) grouped by its toneless pinyin syllables
// (main reading, from pinyin-pro), most frequent first. Run: node scripts/wrongchar-data/gen-pinyin.mjs
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const { pinyin } = require('pinyin-pro');
const dict = require('nodejieba').DEFAULT_DICT;

const chars = [];
for (const line of fs.readFileSync(dict, 'utf8').split('\n')) {
  const [word, freq] = line.split(' ');
  if (word && word.length === 1 && /[\u4e00-\u9fff]/.test(word) && Number(freq) >= 1) chars.push([word, Number(freq)]);
}
chars.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));

const bySyllable = new Map();
for (const [char] of chars) {
  // The main reading only: a typist types the syllable of the word meant and picks a wrong character
  // listed for that syllable; characters are listed under their main reading (提 under ti, not di).
  const readings = pinyin(char, { type: 'array', toneType: 'none', v: true });
  for (const syllable of new Set(readings)) {
    if (!/^[a-z]+$/.test(syllable)) continue;
    bySyllable.set(syllable, (bySyllable.get(syllable) ?? '') + char);
  }
}
const out = Object.fromEntries([...bySyllable].sort((a, b) => (a[0] < b[0] ? -1 : 1)));
const file = path.join(root, 'server', 'data', 'char-pinyin.json');
fs.writeFileSync(file, JSON.stringify(out, null, 0).replace(/","/g, '",\n"') + '\n');
console.log(`${chars.length} characters, ${bySyllable.size} syllables → ${path.relative(root, file)}`);
