// Generates realistic work reports of a given size, with headings numbered 一、 → （一） → 1. → （1） so that
// the section tree stays realistic. Deterministic for a given seed. Nothing generated is checked in.
// - `generateReport` ("repeated"): paragraphs recombined from the sentences of the project's own sample
//   material (examples/ and test/fixtures/) with varied figures: a few hundred sentences come back again
//   and again, so per-line caches answer most lines of a large report.
// - `generateDistinctReport` ("distinct"): sentences put together from clauses (time, place, subject,
//   measure, figures, result; distinctSentences.mjs), no line and no sentence repeated: every line is text
//   the checker has not seen.
//
//   node benchmarks/generate.mjs --chars 1000000 [--seed 1] [--distinct] > report.txt
//   node benchmarks/generate.mjs --folder DIR --count 200 [--distinct]   (reports of 5–20 K characters)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DistinctSentences } from './distinctSentences.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const MARKER = /^(?:#+\s*)?(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)][、]?|\d+[.．、]|第[一二三四五六七八九十]+[，、]|[一二三四五六七八九十]+是|首先[，、]|其次[，、]|最后[，、])/;
const HEADING = /^(?:#+\s*)?(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、])/;

/** Sentences and heading titles from the sample reports. */
export function loadMaterial() {
  const files = [
    ...fs.readdirSync(path.join(ROOT, 'examples')).map((f) => path.join(ROOT, 'examples', f)),
    ...fs.readdirSync(path.join(ROOT, 'test', 'fixtures')).map((f) => path.join(ROOT, 'test', 'fixtures', f)),
  ].filter((f) => /\.(txt|md|gw)$/.test(f) && fs.statSync(f).isFile());
  const sentences = new Set();
  const titles = new Set();
  for (const file of files.sort()) {
    let fence = false;
    let first = true;
    for (let line of fs.readFileSync(file, 'utf8').split(/\r?\n/)) {
      line = line.trim();
      if (line.startsWith('```')) fence = !fence;
      if (!line || fence || line.startsWith('```')) continue;
      // The first line is the report's title, not prose.
      if (first) {
        first = false;
        continue;
      }
      const heading = HEADING.test(line);
      const parts = line.match(/[^。；！？]+[。；！？]?/g) ?? [];
      parts.forEach((part, i) => {
        const bare = part.replace(MARKER, '').replace(/^[，、：\s]+/, '').replace(MARKER, '').trim();
        if (heading && i === 0) {
          const title = bare.replace(/[。；：:*#]+$/, '');
          if (title.length >= 3 && title.length <= 30) titles.add(title);
          return;
        }
        // Sentences long enough to be report prose, with their end punctuation made a full stop.
        if (bare.length >= 12 && !/[：:]$/.test(bare) && !/[一二三四五六七八九十]是|第[一二三四五六七八九十]/.test(bare)) sentences.add(bare.replace(/[；;]$/, '。').replace(/([^。！？])$/, '$1。'));
      });
    }
  }
  return { sentences: [...sentences], titles: [...titles] };
}

/** A small deterministic PRNG (mulberry32). */
export function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CN = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
export function chinese(n) {
  if (n < 10) return CN[n];
  if (n === 100) return '一百';
  return (n < 20 ? '' : CN[Math.floor(n / 10)]) + '十' + CN[n % 10];
}

const ITEM = ['一是', '二是', '三是', '四是', '五是', '六是'];

export class ReportGenerator {
  constructor(seed = 1, material = loadMaterial()) {
    this.rand = random(seed);
    this.material = material;
  }
  pick(list) {
    return list[Math.floor(this.rand() * list.length)];
  }
  /** A sentence with its figures varied, so that generated lines are not copies of each other. */
  sentence() {
    return this.pick(this.material.sentences).replace(/\d+(\.\d+)?/g, (m) => {
      if (/^20\d\d$/.test(m)) return String(2015 + Math.floor(this.rand() * 11));
      const digits = m.split('.')[0].length;
      const n = Math.floor(this.rand() * 10 ** digits) + 1;
      return m.includes('.') ? `${n}.${Math.floor(this.rand() * 10)}` : String(n);
    });
  }
  /** One paragraph of about `chars` characters; some are 一是…二是… enumerations. */
  paragraph(chars = 150 + Math.floor(this.rand() * 350)) {
    if (this.rand() < 0.25) {
      const lead = this.sentence().replace(/。$/, '：');
      const count = 2 + Math.floor(this.rand() * 3);
      const items = [];
      for (let i = 0; i < count; i++) items.push(ITEM[i] + this.sentence().replace(/。$/, ''));
      return lead + items.join('；') + '。';
    }
    let text = '';
    let last = '';
    while (text.length < chars) {
      let next = this.sentence();
      if (next === last) next = this.sentence();
      text += last = next;
    }
    return text;
  }
  title() {
    return this.pick(this.material.titles);
  }
  /** A whole report of at least `targetChars` characters (UTF-16 code units), ending with a closing. */
  report(targetChars) {
    const fanout = Math.max(2, Math.ceil(Math.cbrt(targetChars / 900)));
    const out = [`××单位${2020 + Math.floor(this.rand() * 6)}年工作总结`, '', this.paragraph(200) + '现将有关情况报告如下：', ''];
    let length = out.join('\n').length;
    const push = (line) => {
      out.push(line);
      length += line.length + 1;
    };
    for (let one = 1; length < targetChars - 60 && one <= 100; one++) {
      push(`${chinese(one)}、${this.title()}`);
      for (let two = 1; two <= fanout && length < targetChars - 60; two++) {
        push(`（${chinese(two)}）${this.title()}`);
        for (let three = 1; three <= fanout && length < targetChars - 60; three++) {
          // Level-3 headings stand alone or run on into their first paragraph, as writers do.
          if (this.rand() < 0.5) push(`${three}.${this.title()}`);
          else push(`${three}.${this.title()}。${this.paragraph(100)}`);
          const paragraphs = 1 + Math.floor(this.rand() * 2);
          for (let p = 0; p < paragraphs; p++) push(this.paragraph());
          if (this.rand() < 0.1) {
            push(`（1）${this.title()}`);
            push(this.paragraph());
            push(`（2）${this.title()}`);
            push(this.paragraph());
          }
        }
      }
      push('');
    }
    out.push('特此报告。', '', '××单位', `${2020 + Math.floor(this.rand() * 6)}年12月${10 + Math.floor(this.rand() * 18)}日`, '');
    return out.join('\n');
  }
}

export function generateReport(targetChars, seed = 1) {
  return new ReportGenerator(seed).report(targetChars);
}

/** The same layout with sentences and titles that never repeat (see distinctSentences.mjs). */
export class DistinctReportGenerator extends ReportGenerator {
  constructor(seed = 1) {
    super(seed, { sentences: [], titles: [] });
    this.source = new DistinctSentences(this.rand);
  }
  sentence() {
    return this.source.sentence();
  }
  title() {
    return this.source.title();
  }
}

export function generateDistinctReport(targetChars, seed = 1) {
  return new DistinctReportGenerator(seed).report(targetChars);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { chars: { type: 'string' }, seed: { type: 'string' }, folder: { type: 'string' }, count: { type: 'string' }, distinct: { type: 'boolean', default: false } } });
  const seed = Number(values.seed ?? 1);
  const make = values.distinct ? generateDistinctReport : generateReport;
  if (values.folder) {
    fs.mkdirSync(values.folder, { recursive: true });
    const rand = random(seed);
    const count = Number(values.count ?? 200);
    for (let i = 0; i < count; i++) {
      const chars = 5_000 + Math.floor(rand() * 15_000);
      fs.writeFileSync(path.join(values.folder, `report-${String(i + 1).padStart(3, '0')}.txt`), make(chars, seed * 1000 + i));
    }
  } else {
    process.stdout.write(make(Number(values.chars ?? 10_000), seed));
  }
}
