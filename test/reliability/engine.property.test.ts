// Any text: the engine never throws, every range is inside the document, the section tree nests and
// counts right, fixes stay in their ranges and fix-all reaches a fixed point — for random and adversarial text.
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  ALL_RULES,
  computeStats,
  DocumentParser,
  fixAll,
  Linter,
  renumberEdits,
  safeFixEdits,
} from '../../server/src/engine';
import { SyncSegmenter } from '../../server/src/segmentation/syncSegmenter';
import { documentText } from './arbitraries';
import { allRulesConfig, applyChecked, checkEditsWellFormed, checkFindings, checkTree, report } from './invariants';

const segmenter = new SyncSegmenter();
const RUNS = Number(process.env.GONGWEN_PROPERTY_RUNS ?? 400);
const SLOW_MS = 2000;

test(`engine: ${RUNS} random documents × plaintext/markdown, all ${ALL_RULES.length} rules — no throw, valid ranges, sound tree`, () => {
  assert.ok(segmenter.cut('公文写作'), `segmentation must load for this test: ${segmenter.error}`);
  const config = allRulesConfig();
  // One long-lived linter and parser, as in the server: their caches must not change results.
  const incremental = { plaintext: new Linter({ config, segmenter }), markdown: new Linter({ config, segmenter }) };
  const parser = new DocumentParser();
  let cases = 0;
  let largest = 0;
  let findingsSeen = 0;
  let nodesSeen = 0;
  let fixesApplied = 0;
  let slowest = 0;
  const rulesHit = new Set<string>();
  fc.assert(
    fc.property(documentText, fc.constantFrom('plaintext' as const, 'markdown' as const), (text, kind) => {
      cases++;
      largest = Math.max(largest, text.length);
      const started = performance.now();
      const result = incremental[kind].lint(text, kind);
      const fresh = new Linter({ config, segmenter }).lint(text, kind);
      slowest = Math.max(slowest, performance.now() - started);
      assert.deepEqual(result.findings, fresh.findings, 'a cached linter must agree with a fresh one');
      const { lines } = result.document;
      checkFindings(lines, result.findings);
      findingsSeen += result.findings.length;
      result.findings.forEach((f) => rulesHit.add(f.rule));
      nodesSeen += checkTree(result.document);
      checkTree(parser.parse(text, kind).document);

      // Each quick fix alone changes only its range.
      for (const f of result.findings) {
        for (const fix of f.fixes) {
          applyChecked(text, fix.edits, `fix “${fix.title}” of ${f.rule}`);
          fixesApplied++;
        }
      }
      // Fix-all changes only the ranges of its edits; applying fix-all to the result changes nothing.
      applyChecked(text, safeFixEdits(result.findings), 'one round of fix-all');
      const fixed = fixAll(new Linter({ config, segmenter }), text, kind);
      const again = fixAll(new Linter({ config, segmenter }), fixed.text, kind);
      assert.equal(again.text, fixed.text, `fix-all is not idempotent on ${JSON.stringify(text)}`);

      // Renumbering: well-formed edits that keep every heading; renumbering again renumbers no heading.
      // (A second run may still tidy a marker's form: （一）、、 loses one 、 per run, like the marker fix.)
      const edits = renumberEdits(result.document);
      checkEditsWellFormed(lines, edits, 'renumber');
      const renumbered = parser.parse(applyChecked(text, edits, 'renumber'), kind).document;
      const once = headingNumbers(renumbered);
      assert.equal(once.length, headingNumbers(parser.parse(text, kind).document).length, `renumbering lost or added a heading in ${JSON.stringify(text)}`);
      const twice = parser.parse(applyChecked(renumbered.lines.join('\n'), renumberEdits(renumbered), 'renumber again'), kind).document;
      assert.deepEqual(headingNumbers(twice), once, `renumbering twice renumbers again: ${JSON.stringify(text)}`);

      const stats = computeStats(result.document, segmenter);
      assert.equal(stats.chars, result.document.root.chars);
      assert.ok(stats.hanChars <= stats.chars && stats.words !== null && stats.words >= 0);
    }),
    { numRuns: RUNS, includeErrorInReport: true, seed: Number(process.env.GONGWEN_PROPERTY_SEED ?? 20240607) },
  );
  report(
    `engine property: ${cases} documents, largest ${largest} UTF-16 units, ${findingsSeen} findings, ${nodesSeen} tree nodes, ` +
      `${fixesApplied} quick fixes applied, slowest check ${slowest.toFixed(1)} ms, rules hit: ${[...rulesHit].sort().join(' ')}`,
  );
  assert.ok(slowest < SLOW_MS);
});

/** Level and number of every heading, in order. */
function headingNumbers(document: ReturnType<DocumentParser['parse']>['document']): string[] {
  return document.lineInfos.flatMap((info, line) => (info.heading ? [`${line}:${info.heading.level}:${info.heading.number}`] : []));
}
