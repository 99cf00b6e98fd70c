// Bench documents from a folder of real text (`npm run bench -- --corpus DIR[,DIR…]`), read where it lies and
// never copied into the project. Every .txt/.md/.gw/.train/.tsv file below DIR (SOURCE.md and README.md
// left out), one line a paragraph; in TAB-separated files (ECSpell, SIGHAN: `[n \t] source \t target`) the
// source sentence, as a writer typed it. Lines without a Chinese character are dropped, and every line is
// kept once (the first time it occurs). A document is the lines in order until it has the size asked for;
// when the folder has less text than that, distinct generated paragraphs make up the rest and the note says
// how much is real.
import fs from 'node:fs';
import path from 'node:path';
import { DistinctReportGenerator } from './generate.mjs';

const TEXT_FILE = /\.(txt|md|gw|train|tsv)$/i;
const NOT_TEXT = /^(SOURCE|README|LICENSE)\b/i;
const HAN = /[\u4e00-\u9fff]/;

function filesBelow(dir) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesBelow(full));
    else if (entry.isFile() && TEXT_FILE.test(entry.name) && !NOT_TEXT.test(entry.name)) out.push(full);
  }
  return out;
}

/** The distinct lines of the folders, in order (folders as given, files by name). */
export function loadCorpus(dirs) {
  const seen = new Set();
  const files = [];
  for (const dir of dirs) {
    if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new Error(`--corpus: ${dir} is not a folder`);
    files.push(...filesBelow(dir));
  }
  for (const file of files) {
    for (let line of fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/)) {
      if (line.includes('\t')) {
        const fields = line.split('\t');
        line = fields[Math.max(0, fields.length - 2)];
      }
      line = line.trim();
      if (HAN.test(line) && !seen.has(line)) seen.add(line);
    }
  }
  return { lines: [...seen], files: files.length, chars: [...seen].reduce((n, l) => n + l.length + 1, 0) };
}

/** A document of at least `targetChars` from the corpus lines, topped up with distinct generated text. */
export function corpusDocument(corpus, targetChars) {
  const out = [];
  let length = 0;
  for (const line of corpus.lines) {
    if (length >= targetChars) break;
    out.push(line);
    length += line.length + 1;
  }
  const real = length;
  if (length < targetChars) {
    const generator = new DistinctReportGenerator(7);
    while (length < targetChars) {
      const paragraph = generator.paragraph();
      out.push(paragraph);
      length += paragraph.length + 1;
    }
  }
  const note = real < targetChars ? `${Math.round((100 * real) / length)} % corpus text, the rest distinct generated paragraphs` : undefined;
  return { text: out.join('\n') + '\n', note };
}
