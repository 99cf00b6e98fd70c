// Bounded time: no regular expression in the engine backtracks catastrophically (or quadratically), and
// every rule finishes on megabyte-sized adversarial documents.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import * as vm from 'node:vm';
import fc from 'fast-check';
import ts from 'typescript';
import { ALL_RULES, computeStats, Linter, renumberEdits, Segmenter } from '../../server/src/engine';
import { documentText } from './arbitraries';
import { allRulesConfig, checkFindings, checkTree, report, ROOT } from './invariants';

/** Every regular-expression literal in server/src/engine (rules added later are picked up automatically). */
function regexLiterals(): { regex: RegExp; where: string }[] {
  const found: { regex: RegExp; where: string }[] = [];
  const visitDir = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) visitDir(file);
      else if (entry.name.endsWith('.ts')) {
        const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
        const visit = (node: ts.Node) => {
          if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
            const text = node.getText(source);
            const slash = text.lastIndexOf('/');
            const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
            found.push({ regex: new RegExp(text.slice(1, slash), text.slice(slash + 1)), where: `${path.relative(ROOT, file)}:${line + 1}` });
          }
          ts.forEachChild(node, visit);
        };
        visit(source);
      }
    }
  };
  visitDir(path.join(ROOT, 'server', 'src', 'engine'));
  return found;
}

interface Seen {
  regex: RegExp;
  where: string;
  /** Short texts the pattern matched while linting the corpus, with the match. */
  samples: { input: string; index: number; length: number }[];
}

/** A segmenter that cuts every two characters: instant, so that token-based rules run on huge lines too. */
const pairSegmenter: Segmenter = {
  wordLengths(text) {
    const lengths: number[] = [];
    for (let i = 0; i < text.length; i += 2) lengths.push(Math.min(2, text.length - i));
    return lengths;
  },
};

/** Lints a corpus while watching RegExp.prototype.exec: every pattern the engine runs, with texts it matched. */
function patternsInUse(corpus: string[]): Map<string, Seen> {
  const seen = new Map<string, Seen>();
  const original = RegExp.prototype.exec;
  RegExp.prototype.exec = function (this: RegExp, input: string) {
    const result = original.call(this, input);
    const key = `/${this.source}/${this.flags}`;
    let entry = seen.get(key);
    if (!entry) seen.set(key, (entry = { regex: new RegExp(this.source, this.flags), where: 'run time', samples: [] }));
    if (result && entry.samples.length < 4 && input.length <= 400) entry.samples.push({ input, index: result.index, length: result[0].length });
    return result;
  };
  try {
    const config = allRulesConfig();
    for (const text of corpus) {
      for (const kind of ['plaintext', 'markdown'] as const) {
        const result = new Linter({ config, segmenter: pairSegmenter }).lint(text, kind);
        renumberEdits(result.document);
        computeStats(result.document, pairSegmenter);
      }
    }
  } finally {
    RegExp.prototype.exec = original;
  }
  return seen;
}

const N = 50_000;
const LIMIT_MS = 300;
const COMMON = [' ', '\u3000', '\t', 'a', '1', '一', '是', '。', '，', '、', '：', '*', '#', '-', '>', '<', '（', '(', '“', '\uD842'];

/** A few strings the pattern matches, generated from the pattern itself (fast-check's stringMatching). */
function generatedSamples(regex: RegExp): Seen['samples'] {
  const attempts = [regex.source, regex.source.replace(/\\[bB]/g, '').replace(/\(\?<[=!][^)]*\)/g, '')];
  for (const source of attempts) {
    try {
      const arbitrary = fc.stringMatching(new RegExp(source, regex.flags.replace(/[gy]/g, '')), { size: 'small' });
      const samples: Seen['samples'] = [];
      for (const input of fc.sample(arbitrary, { numRuns: 6, seed: 11 })) {
        const m = new RegExp(regex.source, regex.flags.replace(/[gy]/g, '')).exec(input);
        if (m && input.length <= 400) samples.push({ input, index: m.index, length: m[0].length });
      }
      if (samples.length) return samples.slice(0, 3);
    } catch {
      /* a construct stringMatching does not know: try the simplified pattern, or go without */
    }
  }
  return [];
}

/** Inputs built to make a pattern backtrack: long runs of each character it mentions, and runs pumped inside real matches. */
function attacks(seen: Seen): string[] {
  const alphabet = new Set<string>();
  for (const ch of seen.regex.source.replace(/\\[pPu]\{[^}]*\}|\\u[0-9a-fA-F]{4}|\\./g, '')) if (!'^$.|?*+()[]{}\\'.includes(ch)) alphabet.add(ch);
  const samples = [...seen.samples, ...generatedSamples(seen.regex)];
  for (const s of samples) for (const ch of s.input.slice(s.index, s.index + s.length)) alphabet.add(ch);
  for (const ch of COMMON) alphabet.add(ch);
  const out: string[] = [];
  for (const c of [...alphabet].slice(0, 48)) {
    const run = c.repeat(N);
    out.push(run, run + '\u0001', run + 'x', '\u0001' + run + '\u0001', 'x' + run + 'x');
  }
  for (const s of samples) {
    const match = s.input.slice(s.index, s.index + s.length);
    const points = new Set<number>([0, match.length]);
    for (let i = 1; i < match.length; i += Math.max(1, Math.ceil(match.length / 5))) points.add(i);
    const pump = [...new Set([' ', ...match])].slice(0, 6);
    for (const at of points) {
      const head = s.input.slice(0, s.index) + match.slice(0, at);
      const tail = match.slice(at) + '\u0001';
      for (const c of pump) out.push(head + c.repeat(N) + tail);
    }
  }
  return out;
}

const sandbox = vm.createContext({ source: '', flags: '', input: '' });
const runner = new vm.Script(`{
  const r = new RegExp(source, flags);
  if (r.global || r.sticky) { let m; while ((m = r.exec(input)) !== null) if (m[0] === '') r.lastIndex++; }
  else r.exec(input);
}`);

/** Runs the pattern the way the engine would (all matches for /g and /y), interruptibly; best of three when slow. */
function timeRun(regex: RegExp, input: string): number {
  Object.assign(sandbox, { source: regex.source, flags: regex.flags, input });
  let best = Infinity;
  for (let attempt = 0; attempt < 3 && best > LIMIT_MS / 3; attempt++) {
    const started = performance.now();
    runner.runInContext(sandbox, { timeout: 3000 });
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

test('every regular expression in the engine stays fast on its worst inputs', () => {
  const sampleDocs = fc.sample(documentText, { numRuns: 300, seed: 7 });
  const fixtures = fs
    .readdirSync(path.join(ROOT, 'test', 'fixtures'), { withFileTypes: true })
    .filter((f) => f.isFile())
    .map((f) => fs.readFileSync(path.join(ROOT, 'test', 'fixtures', f.name), 'utf8'));
  const inUse = patternsInUse([...fixtures, fs.readFileSync(path.join(ROOT, 'examples', 'work-report.txt'), 'utf8'), ...sampleDocs]);
  // Literals in the source that the corpus did not reach are attacked too.
  const all = new Map(inUse);
  let literals = 0;
  for (const { regex, where } of regexLiterals()) {
    literals++;
    const key = `/${regex.source}/${regex.flags}`;
    const entry = all.get(key);
    if (entry) entry.where = where;
    else all.set(key, { regex, where, samples: [] });
  }
  let inputs = 0;
  let slowest = 0;
  let slowestPattern = '';
  const slow: string[] = [];
  for (const [key, seen] of all) {
    for (const input of attacks(seen)) {
      inputs++;
      let ms: number;
      try {
        ms = timeRun(seen.regex, input);
      } catch (error) {
        slow.push(`${key} (${seen.where}) did not finish in 3 s on ${JSON.stringify(input.slice(0, 60))}…`);
        break;
      }
      if (ms > slowest) {
        slowest = ms;
        slowestPattern = key;
      }
      if (ms > LIMIT_MS) {
        slow.push(`${key} (${seen.where}) took ${ms.toFixed(0)} ms on ${input.length} chars: ${JSON.stringify(input.slice(0, 60))}…`);
        break;
      }
    }
  }
  report(`regex: ${all.size} patterns (${literals} literals in server/src/engine, ${inUse.size} seen at run time), ${inputs} attack inputs of ~${N} chars, slowest ${slowest.toFixed(1)} ms (${slowestPattern})`);
  assert.deepEqual(slow, []);
});

const MB = 1_000_000;

/** Megabyte-sized adversarial documents through every rule (size limit raised so that line rules run too). */
function adversarialDocuments(): { name: string; text: string }[] {
  const block = Array.from({ length: 50_000 }, (_, i) => String.fromCharCode(0x4e00 + ((i * 7919) % 20000))).join('');
  const han = block.repeat(100);
  const docs = [
    { name: '5 MB on one line (Chinese)', text: han },
    { name: '100,000 one-character lines', text: Array.from({ length: 100_000 }, (_, i) => '一是。，、（）*#1'[i % 11]).join('\n') },
    { name: '100,000 headings in every level', text: Array.from({ length: 100_000 }, (_, i) => ['一、甲', '（一）乙', '1.丙', '（1）丁'][i % 4]).join('\r\n') },
    { name: '100,000 wrong heading markers', text: Array.from({ length: 100_000 }, (_, i) => ['一.甲。', '(一)、乙：', '1、丙', '（1）.丁', '1．戊', '十十、己'][i % 6]).join('\r') },
    { name: '1 MB of nested brackets', text: '（'.repeat(MB / 2) + '）'.repeat(MB / 2) },
    { name: '1 MB of nested quotes', text: '“‘《〈'.repeat(MB / 8) + '〉》’”'.repeat(MB / 8) },
    { name: '1 MB of 一是 without end', text: '一是'.repeat(MB / 2) },
    { name: '1 MB of enumeration words', text: '。第一，其一，首先，其次，最后，'.repeat(MB / 16) },
    { name: '1 MB directive with spaces', text: '# gongwen-disable-next-line' + ' '.repeat(MB) + 'x\n一.甲' },
    { name: '1 MB heading title of asterisks', text: '一、' + '*'.repeat(MB) + 'x' },
    { name: '1 MB ideographic spaces inside a line', text: '甲' + '\u3000'.repeat(MB) + '乙' },
    { name: '1 MB of lone surrogates and NUL', text: '\uD800\u0000\uDC00\uFEFF'.repeat(MB / 4) },
    { name: '1 MB of surrogate pairs', text: '𠮷'.repeat(MB / 2) },
    { name: '1 MB Markdown fences', text: '```\n~~~\n'.repeat(MB / 8) },
  ];
  // Long runs of every character the engine's patterns care about.
  for (const ch of [' ', '。', '，', '、', '一', '是', '（', '(', '1', '.', '#', '-', '<', '年']) {
    docs.push({ name: `1 MB of “${ch}” in a heading`, text: '一、' + ch.repeat(MB) + '甲。' });
  }
  return docs;
}

test('every rule finishes on megabyte-sized adversarial documents (5 s per MB), with valid results', () => {
  const raised = allRulesConfig({ maxDocumentChars: 100 * MB });
  const standard = allRulesConfig();
  let largest = 0;
  let slowestPerMb = 0;
  let slowestName = '';
  const slow: string[] = [];
  const docs = adversarialDocuments();
  docs.forEach(({ name, text }, index) => {
    for (const [label, config] of [['all rules', raised], ['default size limit', standard]] as const) {
      if (label === 'default size limit' && text.length <= standard.maxDocumentChars) continue;
      const kind = index % 2 ? 'markdown' : 'plaintext';
      const started = performance.now();
      const result = new Linter({ config, segmenter: pairSegmenter }).lint(text, kind);
      renumberEdits(result.document);
      computeStats(result.document, pairSegmenter);
      const ms = performance.now() - started;
      // The budget grows with size: 5 s per MB, or per 20,000 lines for documents of many short lines (each line is a paragraph with its own tree node).
      // A hang detector, not a benchmark (npm run bench measures speed): the suite runs test files in
      // parallel on two cores, and anything quadratic would take minutes here, not seconds.
      const mb = Math.max(1, text.length / MB, result.document.lines.length / 20_000);
      largest = Math.max(largest, text.length);
      if (ms / mb > slowestPerMb) {
        slowestPerMb = ms / mb;
        slowestName = `${name} (${label}, ${kind})`;
      }
      if (ms > 5000 * mb) slow.push(`${name} (${label}, ${kind}): ${ms.toFixed(0)} ms`);
      checkFindings(result.document.lines, result.findings);
      checkTree(result.document);
    }
  });
  report(`adversarial: ${docs.length} documents up to ${(largest / MB).toFixed(1)} M UTF-16 units (${ALL_RULES.length} rules), slowest ${slowestPerMb.toFixed(0)} ms per MB (${slowestName})`);
  assert.deepEqual(slow, []);
});
