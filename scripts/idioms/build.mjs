// `node scripts/idioms/build.mjs`: writes server/data/idioms.json, the idiom and set-phrase list of the
// `idiom` rule (read by the language-model tools too, so it stays a plain list of strings).
// Sources: four-character entries of jieba's dictionary tagged i (成语) or l (习用语) (MIT licence,
// node_modules/nodejieba/submodules/cppjieba/dict/jieba.dict.utf8) with a frequency of at least
// MIN_IDIOM / MIN_PHRASE; the correct forms of server/data/misused-words.json; and scripts/idioms/extra.txt
// (成语 and 公文 set phrases written for this project). jieba's list also holds wrong forms (趋之若骛):
// an entry is dropped when it is a listed wrong form, or when another entry differs from it in one
// character that sounds or looks alike and is at least twice as frequent (the wrong twin of a known form).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const DATA = path.join(ROOT, 'server', 'data');
const JIEBA = path.join(ROOT, 'node_modules', 'nodejieba', 'submodules', 'cppjieba', 'dict', 'jieba.dict.utf8');
const MIN_IDIOM = 5;
const MIN_PHRASE = 10;
const HAN4 = /^[\u4e00-\u9fff]{4}$/;

const readJson = (name) => JSON.parse(fs.readFileSync(path.join(DATA, name), 'utf8'));
const pinyin = readJson('char-pinyin.json');
const shapes = readJson('char-shapes.json');
const syllables = new Map();
for (const [syllable, chars] of Object.entries(pinyin)) for (const c of chars) syllables.set(c, [...(syllables.get(c) ?? []), syllable]);
const alike = (a, b) => (syllables.get(a) ?? []).some((s) => (syllables.get(b) ?? []).includes(s)) || (shapes[a] ?? '').includes(b) || (shapes[b] ?? '').includes(a);

const misused = readJson('misused-words.json').entries;
const wrongForms = new Set(misused.map((e) => e.wrong));

const all = new Map(); // every four-character i/l entry → frequency (for the wrong-twin test)
const kept = new Set();
for (const line of fs.readFileSync(JIEBA, 'utf8').split('\n')) {
  const [word, freq, tag] = line.trim().split(/\s+/);
  if (!HAN4.test(word ?? '') || (tag !== 'i' && tag !== 'l')) continue;
  all.set(word, Math.max(Number(freq), all.get(word) ?? 0));
  if (Number(freq) >= (tag === 'i' ? MIN_IDIOM : MIN_PHRASE)) kept.add(word);
}
/** Entries by the word with one position masked, for the wrong-twin test. */
const byMask = new Map();
for (const word of all.keys()) for (let i = 0; i < 4; i++) {
  const key = word.slice(0, i) + '_' + word.slice(i + 1);
  byMask.set(key, [...(byMask.get(key) ?? []), word]);
}
function wrongTwin(word) {
  const freq = all.get(word) ?? 0;
  for (let i = 0; i < 4; i++) {
    for (const other of byMask.get(word.slice(0, i) + '_' + word.slice(i + 1)) ?? []) {
      if (other !== word && all.get(other) >= 2 * freq && alike(word[i], other[i])) return true;
    }
  }
  return false;
}

const own = fs.readFileSync(path.join(ROOT, 'scripts', 'idioms', 'extra.txt'), 'utf8')
  .split('\n').filter((l) => !l.startsWith('#')).flatMap((l) => l.split(/\s+/)).filter((w) => HAN4.test(w));
const rights = misused.filter((e) => e.type === 'misspelling').map((e) => e.right).filter((w) => HAN4.test(w));

const result = new Set();
const twins = new Set();
for (const word of kept) if (!wrongForms.has(word)) (wrongTwin(word) ? twins : result).add(word);
for (const word of [...own, ...rights]) if (!wrongForms.has(word)) result.add(word);
for (const word of result) twins.delete(word);
const idioms = [...result].sort();
const out = {
  $comment:
    '成语与固定说法（四字），idiom 规则用。来源：jieba 词典（MIT 许可）中标注为 i（成语）、l（习用语）且词频足够的四字词条（去掉 misused-words.json 所列错误写法，以及与一个更常见的音近、形近词条只差一字的词条）；misused-words.json 中错别字条目的正确写法；本项目编写的成语与公文常用说法（scripts/idioms/extra.txt）。由 node scripts/idioms/build.mjs 生成，请勿手工编辑。',
  idioms,
  $twins: 'wrongTwins：jieba 词典中被判为常见写法之错误孪生的词条；idiom 规则不把它们当作“本身是词”而放过。',
  wrongTwins: [...twins].sort(),
};
fs.writeFileSync(path.join(DATA, 'idioms.json'), JSON.stringify(out, null, 0).replace('"idioms":[', '"idioms":[\n').replace(/","/g, '",\n"').replace('],"$twins"', '],\n"$twins"') + '\n');
console.log(`idioms.json: ${idioms.length} entries`);
