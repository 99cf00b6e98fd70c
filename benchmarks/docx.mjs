// .docx figures: export of a generated report to a 公文 .docx, reading it back (unzip + XML + numbering),
// the format check, and the text check of its parts. `node benchmarks/docx.mjs [--pages 40] [--runs 5]`
// after a build; prints the median of the runs (the first run, cold, apart).
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { generateReport } from './generate.mjs';

const require = createRequire(import.meta.url);
const { values } = parseArgs({ options: { pages: { type: 'string', default: '40' }, runs: { type: 'string', default: '5' } } });
const { Linter } = require('../out/server/src/engine');
const { SyncSegmenter } = require('../out/server/src/segmentation/syncSegmenter');
const { exportDocx } = require('../out/server/src/docx/export');
const { readDocx } = require('../out/server/src/docx/read');
const { checkFormat } = require('../out/server/src/docx/format');
const { checkDocx } = require('../out/server/src/docx/check');

// GB/T 9704: 22 lines × 28 characters a page; a report fills ~80 % of a page's cells.
const chars = Math.round(Number(values.pages) * 22 * 28 * 0.8);
const text = generateReport(chars, 7);
const segmenter = new SyncSegmenter();
const linter = new Linter({ segmenter, lexicon: () => segmenter.lexicon });
const structure = new Linter({ rules: [] });
linter.lint('预热分词词典。');

const time = async (fn) => {
  const t = process.hrtime.bigint();
  const result = await fn();
  return { ms: Number(process.hrtime.bigint() - t) / 1e6, result };
};
const rows = { export: [], read: [], format: [], check: [] };
let bytes;
for (let i = 0; i < Number(values.runs); i++) {
  const exported = await time(() => exportDocx(structure.lint(text).document));
  bytes = exported.result;
  rows.export.push(exported.ms);
  const read = await time(() => readDocx(bytes));
  rows.read.push(read.ms);
  rows.format.push((await time(() => checkFormat(read.result))).ms);
  rows.check.push((await time(() => checkDocx(read.result, linter))).ms);
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const doc = readDocx(bytes);
console.log(`report: ${text.length} characters, ${doc.parts[0].paragraphs.length} paragraphs, .docx ${(bytes.length / 1024).toFixed(0)} KB (~${values.pages} pages)`);
for (const [name, xs] of Object.entries(rows)) console.log(`${name.padEnd(8)} first ${xs[0].toFixed(1)} ms, median ${median(xs.slice(1).length ? xs.slice(1) : xs).toFixed(1)} ms`);
