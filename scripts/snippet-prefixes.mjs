// Fills in the pinyin-initials prefix of every snippet in snippets/*.json from its Chinese prefixes
// (全面从严治党 → qmcyzd), so that no pinyin is typed by hand. snippets/terms.json is generated first
// from the standard terms (server/data/standard-terms.json, the one place a term is written: hover,
// diagnostics and completion all read it).
//
//   node scripts/snippet-prefixes.mjs          rewrite the files
//   node scripts/snippet-prefixes.mjs --check  exit 1 when a file is out of date
//
// A snippet's Chinese prefixes are the entries of its "prefix" array that contain Chinese characters,
// or its name when it has no "prefix". Test: test/snippets/snippets.test.ts recomputes the same.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { pinyin, customPinyin } = require('pinyin-pro');
const { parse, printParseErrorCode } = require('jsonc-parser');

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = path.join(root, 'snippets');
const check = process.argv.includes('--check');
const HAN = /\p{Script=Han}/u;
// Readings pinyin-pro gets wrong in these set phrases (三重一大 is read zhòng).
customPinyin(JSON.parse(fs.readFileSync(path.join(root, 'scripts', 'pinyin-overrides.json'), 'utf8')));

export function initials(text) {
  return pinyin(text, { pattern: 'first', toneType: 'none', type: 'array' })
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** snippets/terms.json from the `snippets` of each standard term (prefix: the term; description: full + usage). */
export function termSnippets(data) {
  const out = {};
  for (const term of data.terms) {
    for (const snippet of term.snippets ?? []) {
      const prefix = snippet.prefix ?? term.term;
      if (out[prefix]) throw new Error(`standard-terms.json: two snippets with the prefix ${prefix}`);
      out[prefix] = { prefix: [prefix], body: snippet.body, description: snippet.description ?? term.full + term.usage };
    }
  }
  return out;
}

const TERMS_FILE = path.join(dir, 'terms.json');
const termsData = JSON.parse(fs.readFileSync(path.join(root, 'server', 'data', 'standard-terms.json'), 'utf8'));
const generatedTerms = JSON.stringify(termSnippets(termsData), null, 2) + '\n';

let stale = 0;
for (const name of fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
  const file = path.join(dir, name);
  const before = fs.readFileSync(file, 'utf8');
  const errors = [];
  const snippets = parse(file === TERMS_FILE ? generatedTerms : before, errors, { allowTrailingComma: true });
  if (errors.length) throw new Error(`${name}: ${errors.map((e) => printParseErrorCode(e.error)).join(', ')}`);
  const out = {};
  for (const [key, snippet] of Object.entries(snippets)) {
    const given = Array.isArray(snippet.prefix) ? snippet.prefix : snippet.prefix ? [snippet.prefix] : [key];
    const chinese = given.filter((p) => HAN.test(p));
    if (chinese.length === 0) throw new Error(`${name}: "${key}" has no Chinese prefix`);
    const pinyinPrefixes = [...new Set(chinese.map(initials))].filter((p) => p && !chinese.includes(p));
    const { prefix: _old, ...rest } = snippet;
    out[key] = { prefix: [...chinese, ...pinyinPrefixes], ...rest };
  }
  const after = JSON.stringify(out, null, 2) + '\n';
  if (after !== before) {
    stale++;
    if (check) console.error(`${name}: out of date (pinyin prefixes, or the terms in server/data/standard-terms.json)`);
    else fs.writeFileSync(file, after);
  }
}
if (check && stale) {
  console.error('run: node scripts/snippet-prefixes.mjs');
  process.exit(1);
}
if (!check) console.log(`snippets: ${stale} file(s) updated`);
