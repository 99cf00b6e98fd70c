#!/usr/bin/env node
// Builds server/data/lm.bin, the word trigram model the wrong-character rules read, from Debian's
// sunpinyin-data (open-gram's lm_sc.t3g and the lexicon pydict_sc.bin; CC BY-SA 3.0, see
// /usr/share/doc/sunpinyin-data/copyright) with `tslminfo` from sunpinyin-utils:
//
//   apt-get install sunpinyin-data sunpinyin-utils && node scripts/build-lm.mjs [--out FILE] [--epsilon X]
//
// The threaded model is printed as ARPA-like text by `tslminfo -v -p` (word ids, probabilities, back-off
// weights); the ids are the places of the words in pydict_sc.bin's string table (a header of three 32-bit
// numbers — words, trie nodes, offset of the strings — then UCS-4 strings, each ended by 0, id 0 first).
// Only words made of Chinese characters are kept, plus id 0 (the sentence boundary, written as the empty
// word). N-grams whose probability the back-off estimate already gives within `epsilon` nats are
// dropped (they change no score by more than that), unless they are the context of kept trigrams.
//
// Output (little-endian; every section starts at a multiple of 4 bytes), read by
// server/src/engine/lm/model.ts:
//   header   u32 magic 'GWLM', version, V (words), B (bigrams), C (trigram contexts), T (trigrams),
//            wordBytes; f32 uniMin, uniStep, probMin, probStep, bowMin, bowStep
//   words    UTF-8, sorted (JavaScript string order), joined by '\n' — a word's id is its place
//   uniProb  u16[V]  quantized ln P(w)          (uniMin + q * uniStep)
//   uniBow   u8[V]   quantized ln bow(w)        (bowMin + q * bowStep)
//   biStart  u32[V+1], biEntry u32[B] = w2 << 8 | quantized ln P(w2 | w1)   (probMin + q * probStep)
//   ctxBigram u32[C] (bigram index, ascending), ctxBow u8[C], ctxStart u32[C+1]
//   triEntry u32[T] = w3 << 8 | quantized ln P(w3 | w1 w2)
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as readline from 'node:readline';
import { parseArgs } from 'node:util';

const DATA = '/usr/lib/x86_64-linux-gnu/sunpinyin/data';
const { values } = parseArgs({
  options: {
    t3g: { type: 'string', default: path.join(DATA, 'lm_sc.t3g') },
    pydict: { type: 'string', default: path.join(DATA, 'pydict_sc.bin') },
    out: { type: 'string', default: path.join(import.meta.dirname, '..', 'server', 'data', 'lm.bin') },
    epsilon: { type: 'string', default: '0.25' },
  },
});
const EPSILON = Number(values.epsilon);

for (const file of [values.t3g, values.pydict]) {
  if (!fs.existsSync(file)) {
    console.error(`找不到 ${file}：请先 apt-get install sunpinyin-data sunpinyin-utils`);
    process.exit(1);
  }
}

/** Words of pydict_sc.bin by sunpinyin id. */
function readLexicon(file) {
  const buf = fs.readFileSync(file);
  const stringsAt = buf.readUInt32LE(8);
  const words = [];
  let current = [];
  for (let o = stringsAt; o + 4 <= buf.length; o += 4) {
    const code = buf.readUInt32LE(o);
    if (code === 0) {
      words.push(String.fromCodePoint(...current));
      current = [];
    } else current.push(code);
  }
  return words;
}

const HAN = /^[\u3400-\u4dbf\u4e00-\u9fff]+$/;
const byOldId = readLexicon(values.pydict);
// Sanity: id 70 is the most frequent word '，' and the two quotation marks are about equally frequent (checked below).
if (byOldId[70] !== '，' || byOldId[76] !== '“' || byOldId[77] !== '”') {
  console.error('pydict_sc.bin 的词表与预期不符（id 70 应为“，”）：格式可能已变');
  process.exit(1);
}

const unigrams = new Map(); // old id -> [p, bow]
const bigrams = []; // [w1, w2, p, bow] (old ids)
const trigrams = []; // [w1, w2, w3, p]
const keep = (id) => id === 0 || HAN.test(byOldId[id] ?? '');

const child = spawn('tslminfo', ['-v', '-p', values.t3g], { stdio: ['ignore', 'pipe', 'inherit'] });
child.on('error', (e) => {
  console.error(`无法运行 tslminfo（sunpinyin-utils）：${e.message}`);
  process.exit(1);
});
let level = -1;
for await (const line of readline.createInterface({ input: child.stdout })) {
  if (line.startsWith('\\')) {
    level = Number(line[1]);
    continue;
  }
  const p = line.trim().split(/\s+/);
  if (level === 1) {
    const id = Number(p[0]);
    if (keep(id)) unigrams.set(id, [Number(p[1]), Number(p[2])]);
  } else if (level === 2) {
    const a = Number(p[0]), b = Number(p[1]);
    if (keep(a) && keep(b)) bigrams.push([a, b, Number(p[2]), Number(p[3])]);
  } else if (level === 3) {
    const a = Number(p[0]), b = Number(p[1]), c = Number(p[2]);
    if (keep(a) && keep(b) && keep(c)) trigrams.push([a, b, c, Number(p[3])]);
  }
}
const uni = (id) => unigrams.get(id);
console.error(`读入：一元 ${unigrams.size}，二元 ${bigrams.length}，三元 ${trigrams.length}`);

// Word table: sorted, new ids.
const kept = [...unigrams.keys()];
const wordOf = (id) => (id === 0 ? '' : byOldId[id]);
kept.sort((x, y) => (wordOf(x) < wordOf(y) ? -1 : wordOf(x) > wordOf(y) ? 1 : 0));
const newId = new Map(kept.map((id, i) => [id, i]));
const V = kept.length;
if (V >= 1 << 24) throw new Error('too many words for 24-bit ids');

const bigramKey = (a, b) => a * 0x100000 + b;
const bigramP = new Map(bigrams.map(([a, b, p]) => [bigramKey(a, b), p]));
const bigramBow = new Map(bigrams.map(([a, b, , bow]) => [bigramKey(a, b), bow]));
const backedOff2 = (a, b) => Math.log(uni(a)[1]) + Math.log(uni(b)[0]);
const cond2 = (a, b) => { const p = bigramP.get(bigramKey(a, b)); return p !== undefined ? Math.log(p) : backedOff2(a, b); };

// Trigrams whose back-off estimate is within epsilon are dropped; the rest keep their context bigrams.
const keptTrigrams = trigrams.filter(([a, b, c, p]) => {
  if (!newId.has(a) || !newId.has(b) || !newId.has(c)) return false;
  const bow = bigramBow.get(bigramKey(a, b)) ?? 1;
  return Math.abs(Math.log(p) - (Math.log(bow) + cond2(b, c))) >= EPSILON;
});
const contexts = new Set(keptTrigrams.map(([a, b]) => bigramKey(a, b)));
const keptBigrams = bigrams.filter(([a, b, p]) => newId.has(a) && newId.has(b) && (contexts.has(bigramKey(a, b)) || Math.abs(Math.log(p) - backedOff2(a, b)) >= EPSILON));
console.error(`保留：二元 ${keptBigrams.length}，三元 ${keptTrigrams.length}（epsilon ${EPSILON}）`);

// Quantization ranges.
function range(values, levels, floor) {
  let min = Infinity, max = -Infinity;
  for (const v of values) { if (v < min) min = v; if (v > max) max = v; }
  min = Math.max(min, floor);
  return { min, step: (max - min) / (levels - 1) || 1 };
}
const lnUni = kept.map((id) => Math.log(uni(id)[0]));
const lnUniBow = kept.map((id) => Math.log(uni(id)[1]));
const lnBi = keptBigrams.map((x) => Math.log(x[2]));
const lnTri = keptTrigrams.map((x) => Math.log(x[3]));
const lnCtxBow = [...contexts].map((k) => Math.log(bigramBow.get(k) ?? 1));
const uniQ = range(lnUni, 65536, -40);
const probQ = range([...lnBi, ...lnTri], 256, -24);
const bowQ = range([...lnUniBow, ...lnCtxBow], 256, -12);
const quant = (v, q, levels) => Math.max(0, Math.min(levels - 1, Math.round((v - q.min) / q.step)));

// Bigrams by (w1, w2) in new ids.
const bi = keptBigrams.map(([a, b, p]) => ({ a: newId.get(a), b: newId.get(b), q: quant(Math.log(p), probQ, 256), key: bigramKey(a, b) }));
bi.sort((x, y) => x.a - y.a || x.b - y.b);
const B = bi.length;
const biStart = new Uint32Array(V + 1);
const biEntry = new Uint32Array(B);
const bigramIndex = new Map();
bi.forEach((x, i) => {
  biStart[x.a + 1]++;
  biEntry[i] = ((x.b << 8) | x.q) >>> 0;
  bigramIndex.set(x.key, i);
});
for (let i = 0; i < V; i++) biStart[i + 1] += biStart[i];

const tri = keptTrigrams.map(([a, b, c, p]) => ({ ctx: bigramIndex.get(bigramKey(a, b)), c: newId.get(c), q: quant(Math.log(p), probQ, 256), key: bigramKey(a, b) }));
tri.sort((x, y) => x.ctx - y.ctx || x.c - y.c);
const ctxList = [...new Set(tri.map((x) => x.ctx))];
const C = ctxList.length;
const T = tri.length;
const ctxBigram = Uint32Array.from(ctxList);
const ctxBow = new Uint8Array(C);
const ctxStart = new Uint32Array(C + 1);
const triEntry = new Uint32Array(T);
let c = -1;
tri.forEach((x, i) => {
  if (c < 0 || ctxBigram[c] !== x.ctx) {
    c++;
    ctxStart[c] = i;
    ctxBow[c] = quant(Math.log(bigramBow.get(x.key) ?? 1), bowQ, 256);
  }
  triEntry[i] = ((x.c << 8) | x.q) >>> 0;
});
ctxStart[C] = T;

const wordBytes = Buffer.from(kept.map(wordOf).join('\n'), 'utf8');
const uniProb = Uint16Array.from(lnUni, (v) => quant(v, uniQ, 65536));
const uniBow = Uint8Array.from(lnUniBow, (v) => quant(v, bowQ, 256));

const header = Buffer.alloc(52);
header.write('GWLM', 0, 'latin1');
[1, V, B, C, T, wordBytes.length].forEach((v, i) => header.writeUInt32LE(v, 4 + i * 4));
[uniQ.min, uniQ.step, probQ.min, probQ.step, bowQ.min, bowQ.step].forEach((v, i) => header.writeFloatLE(v, 28 + i * 4));
const pad = (b) => Buffer.concat([b, Buffer.alloc((4 - (b.length % 4)) % 4)]);
const parts = [header, wordBytes, uniProb, uniBow, biStart, biEntry, ctxBigram, ctxBow, ctxStart, triEntry].map((x) => pad(Buffer.from(x.buffer ?? x, x.byteOffset ?? 0, x.byteLength ?? x.length)));
fs.mkdirSync(path.dirname(values.out), { recursive: true });
fs.writeFileSync(values.out, Buffer.concat(parts));
const size = fs.statSync(values.out).size;
console.error(`写出 ${values.out}：${(size / 1048576).toFixed(1)} MB；词 ${V}，二元 ${B}，三元上下文 ${C}，三元 ${T}`);
