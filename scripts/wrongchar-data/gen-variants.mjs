// Generates server/data/char-variants.json for the wrong-character rules: more candidates per character.
//
//   poly   — the other readings of polyphones (pinyin-pro, all readings): 提 ti/di, 行 xing/hang.
//   parts  — one character contains the other as its whole second part (right or bottom), which makes up at
//            least half of it: 海/每, 院/完, 例/列, 拟/以, 篮/监, 自/目 (not 眼/目: 目 is the first part there).
//   shares — two characters of the same structure whose second part is the same component, used by at most
//            MAX_SIBLINGS common characters: 捡/险 (佥), 暖/援 (爰).
// Common characters only (jieba frequency ≥ MIN_CHAR).
//
// The decomposition comes from the Cangjie shape codes of libcangjie's table (public domain, see LICENSE):
// a compound character's code is its first part's first and last codes followed by its second part's first,
// second and last codes (海 = e + owy, 院 = nl + jmu = 阝 + 完 jmmu shortened). A character B is the second
// part of A when A's code is one or two letters followed by B's code shortened that way.
//
// Reproduce (Debian's package libcangjie2-data, file /usr/share/libcangjie/cangjie.db; python3 reads it):
//   mkdir -p /tmp/cj && cd /tmp/cj && apt-get download libcangjie2-data && dpkg-deb -x libcangjie2-data_*.deb .
//   node scripts/wrongchar-data/gen-variants.mjs /tmp/cj/usr/share/libcangjie/cangjie.db
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const { pinyin } = require('pinyin-pro');
const dict = require('nodejieba').DEFAULT_DICT;

const MIN_CHAR = 100;
const MAX_SIBLINGS = 12;
/** A second part's code that stands for more common characters than this is ambiguous (shortened codes collide). */
const MAX_WHOLES = 3;

const db = process.argv[2];
if (!db || !fs.existsSync(db)) {
  console.error('用法：node scripts/wrongchar-data/gen-variants.mjs <libcangjie2-data 的 cangjie.db>（获取方法见本文件开头）');
  process.exit(1);
}

/** jieba's frequency of each single character. */
const frequency = new Map();
for (const line of fs.readFileSync(dict, 'utf8').split('\n')) {
  const [word, freq] = line.split(' ');
  if (word && word.length === 1 && /[\u4e00-\u9fff]/.test(word)) frequency.set(word, Number(freq));
}
const common = (c) => (frequency.get(c) ?? 0) >= MIN_CHAR;

// Cangjie 5 codes by character (a character may have more than one; codes with x, the key of
// hard-to-split shapes, are left out).
const dump = execFileSync('python3', ['-c', `
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
for ch, code in c.execute('select chchar, code from codes join chars using(char_index) where version = 5'):
    print(ch + '\\t' + code)
`, db], { encoding: 'utf8', maxBuffer: 64 << 20 });
const codesOf = new Map();
for (const line of dump.split('\n')) {
  const [char, code] = line.split('\t');
  if (!char || char.length !== 1 || !/[\u4e00-\u9fff]/.test(char) || !/^[a-wy]+$/.test(code ?? '')) continue;
  const list = codesOf.get(char);
  if (list) list.push(code);
  else codesOf.set(char, [code]);
}

/** A character's code as the second part of another: first, second and last codes. */
const asSecondPart = (code) => (code.length <= 3 ? code : code[0] + code[1] + code[code.length - 1]);

/** Characters by their code as a second part (all characters: a component need not be common). */
const bySecondPart = new Map();
for (const [char, codes] of codesOf) {
  for (const code of new Set(codes.map(asSecondPart))) {
    if (code.length < 2) continue;
    const list = bySecondPart.get(code);
    if (list) list.add(char);
    else bySecondPart.set(code, new Set([char]));
  }
}

/** Cangjie keys that, as a second part, stand for their own character: 日 a, 木 d, 土 g, 人 o, 口 r, 山 u, 女 v. */
const OWN_SHAPE_KEYS = 'adgoruv';
const KEY_CHARS = { a: '日', d: '木', g: '土', o: '人', r: '口', u: '山', v: '女' };
const byKey = new Map(Object.entries(KEY_CHARS).map(([k, c]) => [k, [c]]));

/** All readings of a character (pinyin-pro), toneless. */
const readings = new Map();
const readingsOf = (c) => {
  let r = readings.get(c);
  if (!r) readings.set(c, (r = new Set(pinyin(c, { multiple: true, type: 'array', toneType: 'none', v: true }))));
  return r;
};
const sharesReading = (x, y) => [...readingsOf(x)].some((s) => readingsOf(y).has(s));

const parts = new Map();
const shares = new Map();
const link = (table, x, y) => {
  if (x === y) return;
  for (const [a, b] of [[x, y], [y, x]]) {
    const set = table.get(a);
    if (set) set.add(b);
    else table.set(a, new Set([b]));
  }
};
/** Common characters by their second part (a first part of one or two codes before it). */
const siblings = new Map();
for (const [char, codes] of codesOf) {
  if (!common(char)) continue;
  for (const code of codes) {
    // The first part takes one or two codes; the second part more (the larger part of the character).
    for (let head = 1; head <= 2; head++) {
      const rest = code.slice(head);
      // A second part of one code makes half or more of a character (安 = 宀 j + 女 v, 队 = 阝 nl + 人 o), when that code is
      // the key of a character's own shape (not 金 c, also 八; not 月 b, also 冂).
      if (code.length === head + 1 && OWN_SHAPE_KEYS.includes(rest)) for (const whole of byKey.get(rest) ?? []) if (common(whole)) link(parts, char, whole);
      if (rest.length <= head) continue;
      let wholes = [...(bySecondPart.get(rest) ?? [])].filter(common);
      // Codes collide (供 = o + tc: 共 or 业?); the second part of a compound is mostly its sound, so of
      // several, those that share a reading with the character.
      if (wholes.length > 1) {
        const alike = wholes.filter((w) => sharesReading(char, w));
        if (alike.length > 0) wholes = alike;
      }
      if (wholes.length <= MAX_WHOLES) for (const whole of wholes) link(parts, char, whole);
      const key = rest;
      const list = siblings.get(key);
      if (list) list.add(char);
      else siblings.set(key, new Set([char]));
    }
  }
}
for (const group of siblings.values()) {
  if (group.size < 2 || group.size > MAX_SIBLINGS) continue;
  const list = [...group];
  for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) if (!parts.get(list[i])?.has(list[j])) link(shares, list[i], list[j]);
}

// The other readings of polyphones (char-pinyin.json lists each character under its main reading).
const poly = {};
for (const [char] of [...frequency].filter(([c]) => common(c)).sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
  const [main] = pinyin(char, { type: 'array', toneType: 'none', v: true });
  const others = [...new Set(pinyin(char, { multiple: true, type: 'array', toneType: 'none', v: true }))].filter((s) => s !== main && /^[a-z]+$/.test(s));
  if (others.length > 0) poly[char] = others.join(' ');
}

/** By frequency of the listed character, most frequent first; keys sorted. */
const table = (map) =>
  Object.fromEntries(
    [...map]
      .sort((a, b) => (a[0] < b[0] ? -1 : 1))
      .map(([c, set]) => [c, [...set].sort((x, y) => (frequency.get(y) ?? 0) - (frequency.get(x) ?? 0) || (x < y ? -1 : 1)).join('')]),
  );
const out = {
  source: 'scripts/wrongchar-data/gen-variants.mjs: pinyin-pro (MIT); libcangjie table (public domain)',
  poly,
  parts: table(parts),
  shares: table(shares),
};
const file = path.join(root, 'server', 'data', 'char-variants.json');
fs.writeFileSync(file, JSON.stringify(out).replace(/","/g, '",\n"') + '\n');
const pairs = (m) => [...m.values()].reduce((n, s) => n + s.size, 0) / 2;
console.log(`poly ${Object.keys(poly).length} characters, parts ${pairs(parts)} pairs, shares ${pairs(shares)} pairs → ${path.relative(root, file)}`);
