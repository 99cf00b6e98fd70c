// `node benchmarks/wrongchar.mjs FILE [--repeat N]` (after a build): the cost of the wrong-character rule
// (suspect-char) alone, per 40-character sentence, on the sentences of FILE (ECSpell / SIGHAN format or
// plain lines), with and without the word trigram model, and the process's RSS before and after the
// model is loaded. Segmentation is done beforehand and not timed.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const out = path.join(import.meta.dirname, '..', 'out', 'server', 'src');
const { SyncSegmenter } = require(path.join(out, 'segmentation', 'syncSegmenter.js'));
const { toTokens, lengthsOf } = require(path.join(out, 'engine', 'index.js'));
const { suspectChar } = require(path.join(out, 'engine', 'rules', 'suspectChar.js'));
const { diskEngineData } = require(path.join(out, 'host', 'data.js'));

const file = process.argv[2];
if (!file) {
  console.error('用法：node benchmarks/wrongchar.mjs FILE [--repeat N]');
  process.exit(2);
}
const repeat = Number(process.argv[process.argv.indexOf('--repeat') + 1]) || 3;
const lines = fs
  .readFileSync(file, 'utf8')
  .split(/\r?\n/)
  .filter((l) => l.trim())
  .map((l) => {
    const parts = l.split('\t');
    return parts.length >= 3 && /^\d+$/.test(parts[0]) ? parts[1] : parts[0];
  });
const segmenter = new SyncSegmenter();
segmenter.cut('测试');
const lexicon = segmenter.lexicon;
const inputs = lines.map((text) => ({ text, tokens: toTokens(text, lengthsOf(segmenter.cut(text) ?? [])) }));
const chars = lines.reduce((n, l) => n + l.length, 0);
const mb = () => process.memoryUsage().rss / 1048576;

const withModel = diskEngineData({ onError: (m) => console.error(m) });
const withoutModel = { ...withModel, languageModel: undefined };
let data = withoutModel;

function run() {
  let findings = 0;
  const t0 = process.hrtime.bigint();
  for (const { text, tokens } of inputs) findings += suspectChar.check({ text, tokens, lexicon, data, info: undefined, markdown: false, options: {} }).length;
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, findings };
}
function measure(label) {
  run(); // warm-up (indexes, candidate caches, JIT)
  const times = [];
  let findings = 0;
  for (let k = 0; k < repeat; k++) ({ findings } = run(), times.push(run().ms));
  const best = Math.min(...times);
  console.log(`${label}: ${(best / chars * 40).toFixed(3)} ms / 40 字（${lines.length} 句，${chars} 字，最好 ${best.toFixed(0)} ms，提示 ${findings}）`);
}

measure('suspect-char，不用语言模型');
const before = mb();
const t0 = process.hrtime.bigint();
withModel.languageModel();
data = withModel;
const loadMs = Number(process.hrtime.bigint() - t0) / 1e6;
measure('suspect-char，用语言模型');
console.log(`RSS：加载语言模型前 ${before.toFixed(0)} MB，加载并使用后 ${mb().toFixed(0)} MB（+${(mb() - before).toFixed(0)} MB）；加载 ${loadMs.toFixed(0)} ms；文件 ${(fs.statSync(path.join(import.meta.dirname, '..', 'server', 'data', 'lm.bin')).size / 1048576).toFixed(1)} MB`);
