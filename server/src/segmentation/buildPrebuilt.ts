// Writes the prebuilt dictionaries (prebuilt.ts) from nodejieba's own files, the way cppjieba reads them
// (DictTrie.hpp, HMMModel.hpp): run by scripts/build.mjs, and usable alone:
// `node out/server/src/segmentation/buildPrebuilt.js [OUT_DIR]`.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lexiconHashSlots } from '../engine/lexicon';
import { parseHanLexicon } from './lexicon';
import { encodeLexiconTables, encodeSegmenterTables, LEXICON_FILE, SEGMENTER_FILE, SegmenterTables, sourceFingerprint } from './prebuilt';

const MIN_DOUBLE = -3.14e100;

/** limonp::Split with a one-character pattern: empty fields are kept, except after a final separator. */
function split(text: string, separator: string): string[] {
  const result: string[] = [];
  let start = 0;
  while (start < text.length) {
    const end = text.indexOf(separator, start);
    if (end < 0) {
      result.push(text.slice(start));
      return result;
    }
    result.push(text.slice(start, end));
    start = end + 1;
  }
  return result;
}

/** C's atof on a decimal number (what the files hold); NaN-free like atof (0 for no number). */
function atof(text: string): number {
  const value = parseFloat(text);
  return Number.isNaN(value) ? 0 : value;
}

function lines(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const result = text.split('\n');
  if (result.length && result[result.length - 1] === '') result.pop();
  return result;
}

/** The trie of cppjieba's DictTrie (main dictionary, then the user dictionary; a later entry of a word wins). */
export function buildSegmenterTables(dictFile: string, hmmFile: string, userDictFile: string): SegmenterTables {
  const entries: { runes: number[]; weight: number }[] = [];
  const dictWeights: number[] = [];
  for (const line of lines(dictFile)) {
    const fields = split(line, ' ');
    if (fields.length !== 3) throw new Error(`词典行格式不对：${line}`);
    dictWeights.push(atof(fields[1]));
    entries.push({ runes: [...fields[0]].map((c) => c.codePointAt(0)!), weight: 0 });
  }
  let sum = 0;
  for (const f of dictWeights) sum += f;
  dictWeights.forEach((f, i) => (entries[i].weight = dictWeights[i] = Math.log(f / sum)));
  const sorted = Float64Array.from(dictWeights).sort();
  const minWeight = sorted[0];
  const medianWeight = sorted[sorted.length >> 1];
  const userSingles: number[] = [];
  for (const line of lines(userDictFile)) {
    if (line.length === 0) continue;
    const fields = split(line, ' ');
    let weight: number;
    if (fields.length === 1 || fields.length === 2) weight = medianWeight;
    else if (fields.length === 3) weight = Math.log((parseInt(fields[1], 10) || 0) / sum);
    else continue;
    const runes = [...fields[0]].map((c) => c.codePointAt(0)!);
    entries.push({ runes, weight });
    if (runes.length === 1) userSingles.push(runes[0]);
  }

  // A map (parent, code point) → node, then the nodes renumbered breadth-first with sorted children.
  const child = new Map<number, number>();
  const parentOf: number[] = [-1];
  const runeOf: number[] = [0];
  const weightOf: number[] = [NaN];
  for (const { runes, weight } of entries) {
    if (runes.length === 0) continue;
    let node = 0;
    for (const rune of runes) {
      const key = node * 0x110000 + rune;
      let next = child.get(key);
      if (next === undefined) {
        next = parentOf.length;
        child.set(key, next);
        parentOf.push(node);
        runeOf.push(rune);
        weightOf.push(NaN);
      }
      node = next;
    }
    weightOf[node] = weight;
  }
  const count = parentOf.length;
  const childrenOf: number[][] = Array.from({ length: count }, () => []);
  for (let n = 1; n < count; n++) childrenOf[parentOf[n]].push(n);
  const order = [0];
  const childStart = new Int32Array(count + 1);
  for (let k = 0; k < order.length; k++) {
    childStart[k] = order.length;
    const kids = childrenOf[order[k]].sort((a, b) => runeOf[a] - runeOf[b]);
    for (const kid of kids) order.push(kid);
  }
  childStart[count] = count;
  const runes = new Int32Array(count);
  const weights = new Float64Array(count);
  const rootChildren = new Int32Array(0x10000).fill(-1);
  order.forEach((old, k) => {
    runes[k] = runeOf[old];
    weights[k] = weightOf[old];
  });
  for (let k = childStart[0]; k < childStart[1]; k++) if (runes[k] < 0x10000) rootChildren[runes[k]] = k;

  // The HMM model: non-empty lines not starting with '#', trimmed.
  const model = lines(hmmFile)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  if (model.length < 9) throw new Error('HMM 模型文件不完整');
  const numbers = (line: string) => {
    const fields = split(line, ' ');
    if (fields.length !== 4) throw new Error(`HMM 模型行格式不对：${line.slice(0, 40)}`);
    return fields.map(atof);
  };
  const hmmStart = Float64Array.from(numbers(model[0]));
  const hmmTrans = Float64Array.from([1, 2, 3, 4].flatMap((i) => numbers(model[i])));
  const emissions = new Map<number, Float64Array>();
  for (let state = 0; state < 4; state++) {
    for (const item of split(model[5 + state], ',')) {
      const pair = split(item, ':');
      const chars = [...pair[0]];
      if (pair.length !== 2 || chars.length !== 1) throw new Error(`HMM 模型发射概率格式不对：${item}`);
      const rune = chars[0].codePointAt(0)!;
      let row = emissions.get(rune);
      if (!row) emissions.set(rune, (row = new Float64Array(4).fill(MIN_DOUBLE)));
      row[state] = atof(pair[1]);
    }
  }
  const emitRunes = Int32Array.from([...emissions.keys()].sort((a, b) => a - b));
  const emitProbs = new Float64Array(emitRunes.length * 4);
  emitRunes.forEach((rune, i) => emitProbs.set(emissions.get(rune)!, i * 4));
  return {
    runes,
    childStart,
    weights,
    rootChildren,
    weightStats: Float64Array.from([minWeight, medianWeight]),
    userSingles: Int32Array.from(userSingles),
    hmmStart,
    hmmTrans,
    emitRunes,
    emitProbs,
  };
}

/** nodejieba's dictionary files, in the order the fingerprint takes them. */
export function jiebaSourceFiles(): string[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const jieba = require('nodejieba') as { DEFAULT_DICT: string; DEFAULT_HMM_DICT: string; DEFAULT_USER_DICT: string };
  return [jieba.DEFAULT_DICT, jieba.DEFAULT_HMM_DICT, jieba.DEFAULT_USER_DICT];
}

/** Writes both files into `dir` (atomically: a reader never sees half a file). */
export function writePrebuilt(dir: string): void {
  const files = jiebaSourceFiles();
  const fingerprint = sourceFingerprint(files);
  if (fingerprint === undefined) throw new Error('找不到 nodejieba 的词典文件');
  const [dict, hmm, user] = files;
  const lexicon = parseHanLexicon(fs.readFileSync(dict));
  const outputs: [string, Uint8Array][] = [
    [SEGMENTER_FILE, encodeSegmenterTables(buildSegmenterTables(dict, hmm, user), fingerprint)],
    [LEXICON_FILE, encodeLexiconTables({ ...lexicon, hashSlots: lexiconHashSlots(lexicon) }, fingerprint)],
  ];
  fs.mkdirSync(dir, { recursive: true });
  for (const [name, bytes] of outputs) {
    const temporary = path.join(dir, `${name}.${process.pid}.tmp`);
    fs.writeFileSync(temporary, bytes);
    fs.renameSync(temporary, path.join(dir, name));
  }
}

if (require.main === module) {
  writePrebuilt(path.resolve(process.argv[2] ?? path.join(__dirname, '..', '..', '..', '..', 'server', 'data', 'jieba')));
}
