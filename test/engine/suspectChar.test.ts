import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { test } from 'node:test';
import { buildLexiconData, CompactLexicon, DEFAULT_CONFIG, frequencyAt, lengthsOf, type Lexicon, Linter, toTokens } from '../../server/src/engine';
import { parseFrequencyList } from '../helpers/frequencyList';
import type { LineRule } from '../../server/src/engine/rules/rule';
import { suspectChar } from '../../server/src/engine/rules/suspectChar';
import { candidatesFor } from '../../server/src/engine/wrongchar/candidates';
import { inAlternation, inKnownWord, nameFollows, quotedRanges } from '../../server/src/engine/wrongchar/filters';
import { wrongCharTables } from '../../server/src/engine/wrongchar/data';
import { tablesFor } from '../../server/src/engine/wrongchar/indexes';
import { PARAMS } from '../../server/src/engine/wrongchar/params';
import { diskEngineData } from '../../server/src/host/data';
import { suggestPairs, suggestReplacements } from '../../server/src/engine/wrongchar/search';
import { resolveConfig } from '../../server/src/engine/config';
import { LONG_DOCUMENT } from '../../server/src/engine/linter';
import { SyncSegmenter } from '../../server/src/segmentation/syncSegmenter';
import { evaluate, parseEcspell } from '../../server/src/tools/eval';
import { countFolder } from '../../server/src/tools/fp';
import * as fs from 'node:fs';

const FIXTURES = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures');

// The data tables from disk, as the CLI and the server read them.
const data = diskEngineData({ onError: (message) => assert.fail(message) });
const tables = wrongCharTables(data)!;

// A small hand-made lexicon: enough words to score the test sentences.
const small = new CompactLexicon(
  buildLexiconData([
    ['加强', 40000], ['政治', 50000], ['建设', 80000], ['政', 3000], ['冶', 200], ['治', 6000], ['建', 4000], ['设', 3000],
    ['加', 9000], ['强', 8000], ['冶金', 900], ['制度', 30000], ['制', 5000], ['度', 6000], ['渡', 900], ['财务', 9000],
  ]),
);

test('frequencyAt and hasAt answer as frequency and has of the substring (with a replacement written over it)', () => {
  // Every range of a text made of the lexicon's characters, with every replacement of one or two units at
  // every place: the compact lexicon's answer, the fallback's (a lexicon without frequencyAt) and frequency
  // of the string itself agree.
  const text = '加强政冶建设财务制渡';
  const plain: Lexicon = { frequency: (w) => small.frequency(w), has: (w) => small.has(w), total: small.total, size: small.size };
  let words = 0;
  for (const replacement of ['', '治', '度', '政治', '𠮷']) {
    for (let at = 0; at < text.length; at++) {
      const overwritten = replacement ? text.slice(0, at) + replacement + text.slice(at + replacement.length) : text;
      for (let start = 0; start < text.length; start++) {
        for (let end = start; end <= Math.min(text.length, start + 5); end++) {
          const expected = small.frequency(overwritten.slice(start, end));
          if (expected > 0) words++;
          assert.equal(small.frequencyAt(text, start, end, at, replacement), expected, `${overwritten.slice(start, end)} (${start}, ${end}, ${at}, ${replacement})`);
          assert.equal(frequencyAt(small, text, start, end, at, replacement), expected);
          assert.equal(frequencyAt(plain, text, start, end, at, replacement), expected);
          if (!replacement) assert.equal(small.hasAt(text, start, end), small.has(text.slice(start, end)));
        }
      }
    }
  }
  assert.ok(words > 100, 'the ranges include many words');
});

test('the compact lexicon answers frequencies by hash lookup and parses the jieba format', () => {
  assert.equal(small.frequency('政治'), 50000);
  assert.equal(small.frequency('政冶'), 0);
  assert.ok(small.has('冶金') && !small.has('金'));
  const parsed = new CompactLexicon(parseFrequencyList('机制 4138 n\n机智 281 a\nabc 7 eng\n坏行\n𠮷 5 n\n', (w) => !/[a-z]/.test(w)));
  assert.equal(parsed.size, 3);
  assert.equal(parsed.frequency('机制'), 4138);
  assert.equal(parsed.frequency('𠮷'), 5);
  assert.equal(parsed.frequency('abc'), 0);
  assert.equal(parsed.total, 4138 + 281 + 5);
});

test('candidates: same syllable first, then look-alikes; rare characters are filtered with a lexicon', () => {
  const du = candidatesFor('渡', tables).map((c) => c.char);
  assert.ok(du.includes('度'), 'same syllable');
  assert.equal(candidatesFor('渡', tables).find((c) => c.char === '度')?.kind, 'sound');
  assert.ok(candidatesFor('休', tables).some((c) => c.char === '体' && c.kind === 'shape'), 'look-alike');
  assert.ok(candidatesFor('冶', tables).some((c) => c.char === '治'), 'classic look-alike');
  assert.ok(!du.includes('渡'), 'never the character itself');
  assert.deepEqual(candidatesFor('渡', tables, small).map((c) => c.char), ['度']);
});

test('suggestions are ranked and only a clearly better word counts', () => {
  const text = '加强政冶建设';
  const suggestions = suggestReplacements(text, 3, small, tablesFor(small, tables), { start: 2, end: 4 });
  assert.equal(suggestions[0]?.char, '治');
  assert.equal(suggestions[0]?.word, '政治');
  assert.deepEqual(suggestReplacements('加强政治建设', 3, small, tablesFor(small, tables), { start: 2, end: 4 }), []);
});

function check(text: string, words: string[], lexicon = small, options: Record<string, unknown> = {}, engineData = data) {
  return suspectChar.check({ text, tokens: toTokens(text, lengthsOf(words)), lexicon, data: engineData, info: undefined as never, markdown: false, options });
}

/** The same data without the word trigram model (the frequency search alone). */
const withoutModel = { ...data, languageModel: undefined };

test('suspect-char flags a non-word with a much better look-alike word, with unsafe ranked fixes', () => {
  const findings = check('加强政冶建设', ['加强', '政冶', '建设']);
  assert.equal(findings.length, 1);
  assert.deepEqual([findings[0].start, findings[0].end], [3, 4]);
  assert.match(findings[0].message, /“冶”可能应为“治”/);
  assert.equal(findings[0].fixes?.[0].edits[0].newText, '治');
  assert.equal(findings[0].fixes?.[0].safe, false);
});

test('suspect-char stays quiet on correct words, on quoted text and without a better word', () => {
  assert.deepEqual(check('加强政治建设', ['加强', '政治', '建设']), []);
  assert.deepEqual(check('“政冶”', ['“', '政冶', '”']), []);
  assert.deepEqual(check('𠮷政冶', ['𠮷', '政冶']).map((f) => f.start), [3], 'offsets are UTF-16 after a non-BMP character');
  assert.deepEqual(quotedRanges('a“bc”d《e》').join(''), '001100010');
});

test('the linter runs lexicon rules only once the lexicon is ready, then re-checks the line', () => {
  let ready = false;
  const segmenter = { wordLengths: (t: string) => lengthsOf(t === '加强政冶建设' ? ['加强', '政冶', '建设'] : [t]) };
  const linter = new Linter({ segmenter, lexicon: () => (ready ? small : undefined), data });
  assert.equal(linter.lint('加强政冶建设').findings.filter((f) => f.rule === 'suspect-char').length, 0);
  ready = true;
  assert.equal(linter.lint('加强政冶建设').findings.filter((f) => f.rule === 'suspect-char').length, 1);
});

test('any character may complete a long frequent word (委甲会 → 委员会), never a short one', () => {
  const lexicon = new CompactLexicon(
    buildLexiconData([['委员会', 50000], ['委', 3000], ['员', 5000], ['会', 20000], ['甲', 300], ['常务', 9000], ['甲壳', 400], ['员工', 30000]]),
  );
  const findings = check('常务委甲会', ['常务', '委', '甲', '会'], lexicon);
  assert.equal(findings.length, 1);
  assert.deepEqual([findings[0].start, findings[0].end], [3, 4]);
  assert.equal(findings[0].fixes?.[0].edits[0].newText, '员');
  assert.match(findings[0].message, /委员会/);
  // 员 is neither a sound-alike nor a look-alike of 甲: only the three-character word justifies it, and
  // such a finding always asks the document for corroboration.
  assert.equal(findings[0].corroboration?.word, '委员会');
  // Two characters (甲工 → 员工) are not enough evidence for an arbitrary replacement.
  assert.deepEqual(check('甲工', ['甲', '工'], lexicon), []);
});

test('two neighbouring characters typed wrong (淡味 → 单位) are suggested as a hint, a warning when the model agrees', () => {
  const lexicon = new CompactLexicon(buildLexiconData([['单位', 100000], ['淡', 100], ['味', 100], ['由', 9000], ['负责', 20000]]));
  assert.equal(suggestPairs('由淡味负责', 1, lexicon, tablesFor(lexicon, tables))[0]?.word, '单位');
  assert.deepEqual(suggestPairs('由单位负责', 1, lexicon, tablesFor(lexicon, tables)), [], 'a word is left alone');
  const findings = check('由淡味负责', ['由', '淡味', '负责'], lexicon, {}, withoutModel);
  assert.equal(findings.length, 1);
  assert.deepEqual([findings[0].start, findings[0].end, findings[0].severity], [1, 3, 'information']);
  assert.equal(findings[0].fixes?.[0].edits[0].newText, '单位');
  assert.deepEqual(findings[0].corroboration, { word: '单位', otherwise: 'off', times: PARAMS.corroboratingUses }, 'nothing in a long document that does not use 单位');
  const aggressive = check('由淡味负责', ['由', '淡味', '负责'], lexicon, { mode: 'aggressive' }, withoutModel);
  assert.deepEqual(aggressive[0].corroboration, { word: '单位', otherwise: 'hint', times: PARAMS.corroboratingUses }, 'a hint in the aggressive mode');
  // The word trigram model reads 由单位负责 far better than 由淡味负责: a warning.
  const judged = check('由淡味负责', ['由', '淡味', '负责'], lexicon);
  assert.deepEqual([judged[0].start, judged[0].end, judged[0].severity, judged[0].fixes?.[0].edits[0].newText], [1, 3, 'warning', '单位']);
});

test('parallel structures and organisation names are deliberate; modern words are known', () => {
  assert.ok(inAlternation('提供助餐助洁服务', 3), 'ABAC: 助餐助洁');
  assert.ok(inAlternation('开展先行先试', 5), 'ABAC: 先行先试');
  assert.ok(inAlternation('知重负重、知责担责', 7), 'ABCB: 知责担责');
  assert.ok(nameFollows('推进弘润石化转型', 4), 'followed by 石化');
  assert.ok(!inAlternation('加强政冶建设', 3) && !nameFollows('加强政冶建设', 4));
  assert.ok(!inAlternation('政冶', 1) && !nameFollows('政冶', 2));
  assert.ok(inKnownWord('发展电竞产业', 3, tables), '电竞 is in the modern word list');
  assert.ok(inKnownWord('援鄂抗疫工作队', 3, tables), '抗疫 too');
  assert.ok(!inKnownWord('加强政冶建设', 3, tables));
});

test('corroboration: in a long document a moderate finding warns only if the suggested word is used', () => {
  // A rule that reports 某某 with the corroboration the suspect-char rule uses.
  const probe: LineRule = {
    id: 'probe',
    description: 'test',
    defaultSeverity: 'warning',
    scope: 'line',
    check: ({ text }) => {
      const at = text.indexOf('政冶');
      return at < 0 ? [] : [{ start: at + 1, end: at + 2, message: '政冶', severity: 'warning', corroboration: { word: '政治', otherwise: 'information', times: 2 } }];
    },
  };
  const filler = '各项工作稳步推进，取得了新的成效。\n'.repeat(Math.ceil(LONG_DOCUMENT / 18));
  const severity = (text: string, config?: ConstructorParameters<typeof Linter>[0]) =>
    new Linter({ rules: [probe], ...config }).lint(text).findings.filter((f) => f.rule === 'probe').map((f) => f.severity);
  assert.deepEqual(severity('加强政冶建设'), ['warning'], 'a short text gives no evidence either way');
  assert.deepEqual(severity(filler + '加强政冶建设'), ['information'], 'a long document that never says 政治');
  assert.deepEqual(severity(filler + '政治建设。\n加强政冶建设'), ['information'], 'once is not enough');
  assert.deepEqual(severity(filler + '政治建设。\n讲政治。\n加强政冶建设'), ['warning'], 'the writer uses 政治');
  const userSet = resolveConfig({ rules: { probe: 'warning' } }, new Set(['probe'])).config;
  assert.deepEqual(severity(filler + '加强政冶建设', { config: userSet }), ['warning'], "a user's severity wins");
});

// With real nodejieba segmentation and its dictionary.
const real = new SyncSegmenter();
const linter = new Linter({ segmenter: real, lexicon: () => real.lexicon, data });
const suspects = (text: string) => linter.lint(text).findings.filter((f) => f.rule === 'suspect-char' && f.severity === 'warning');

test('with the real dictionary: must flag', () => {
  for (const [text, wrong, right] of [
    ['加强政冶建设', '冶', '治'],
    ['严格执行财务制渡', '渡', '度'],
    ['提高服务质量和效律', '律', '率'],
    ['全国人大常务委贝会', '贝', '员'],
  ]) {
    const found = suspects(text);
    assert.equal(found.length, 1, text);
    assert.equal(text.slice(found[0].range.start.character, found[0].range.end.character), wrong, text);
    assert.equal(found[0].fixes[0].edits[0].newText, right, text);
  }
});

test('with the real dictionary: must not flag correct sentences', () => {
  for (const text of [
    '坚持以人民为中心的发展思想',
    '进一步加强党风廉政建设',
    '推动经济高质量发展，全面从严治党向纵深推进',
    '抓好安全生产工作，加快建设现代化产业体系',
    '王小明同志任办公室主任',
    '深化“放管服”改革，打造“一网通办”品牌',
    // Each of these was a warning before the filters that now keep them quiet.
    '提供助餐助洁服务',
    '开展先行先试',
    '推进弘润石化转型升级',
    '发展数字演艺、电竞电音等新型文化业态',
    '援鄂抗疫工作队',
  ]) {
    assert.deepEqual(suspects(text), [], text);
  }
});

test('with the real dictionary: in a long report, a moderate suspicion needs the suggested word used elsewhere', () => {
  // Distinct filler sentences (a repeated line would only test the repetition filter).
  const topics = ['交通', '教育', '医疗', '养老', '住房', '就业', '文化', '体育', '环保', '农业', '科技', '金融'];
  const filler = topics
    .flatMap((t, i) => topics.map((u, j) => `第${i * 12 + j + 1}项：统筹推进${t}和${u}领域重点任务，确保各项措施落到实处。`))
    .join('\n');
  assert.ok(filler.length >= LONG_DOCUMENT);
  const aggressiveLinter = new Linter({ segmenter: real, lexicon: () => real.lexicon, data, config: { ...DEFAULT_CONFIG, rules: { 'suspect-char': { mode: 'aggressive' } } } });
  const severity = (text: string, at: string, using = linter) =>
    using
      .lint(text)
      .findings.filter((f) => f.rule === 'suspect-char' && text.split('\n')[f.range.start.line].slice(f.range.start.character).startsWith(at))
      .map((f) => f.severity);
  const typo = '完善工作机置，形成长效机制。';
  assert.deepEqual(severity(typo, '置'), ['warning'], 'a sentence alone: the plain threshold');
  const uses = (n: number) => '健全工作机制。\n'.repeat(n - 1);
  assert.equal(PARAMS.corroboratingUses > 1, true);
  assert.deepEqual(severity(`${filler}\n${uses(PARAMS.corroboratingUses - 1)}${typo}`, '置'), [], '机制 used too rarely: quiet by default');
  assert.deepEqual(severity(`${filler}\n${uses(PARAMS.corroboratingUses - 1)}${typo}`, '置', aggressiveLinter), ['hint'], 'a hint in the aggressive mode');
  assert.deepEqual(severity(`${filler}\n${uses(PARAMS.corroboratingUses)}${typo}`, '置'), ['warning'], '机制 used often enough');
  // A coinage whose "correction" the report never uses stays a hint.
  assert.deepEqual(severity(`${filler}\n促进家政服务业提质扩容。`, '提'), [], 'quiet by default');
  assert.deepEqual(severity(`${filler}\n促进家政服务业提质扩容。`, '提', aggressiveLinter), ['hint']);
  // A guess from word frequencies that the language model does not support in context (医联体: 医 → 议 for
  // 建议), even with the suggested word used often: quiet in a long report, a warning in a sentence alone.
  const coinage = '推动市级和区级医疗机构共建医联体，做实社区首诊。';
  const proposals = '认真办理代表建议。\n'.repeat(PARAMS.corroboratingUses);
  assert.deepEqual(severity(coinage, '医联'), ['warning'], 'a sentence alone');
  assert.deepEqual(severity(`${filler}\n${proposals}${coinage}`, '医联'), [], 'quiet in a long report');
  assert.deepEqual(severity(`${filler}\n${proposals}${coinage}`, '医联', aggressiveLinter), ['hint'], 'a hint in the aggressive mode');
});

test('eval: reads the ECSpell format gracefully and computes the figures', () => {
  const parsed = parseEcspell(fs.readFileSync(path.join(FIXTURES, 'eval', 'tiny.tsv'), 'utf8'));
  assert.equal(parsed.sentences.length, 6);
  assert.equal(parsed.skipped, 1);
  assert.equal(parsed.unequal, 1);
  assert.deepEqual(parsed.sentences[0].wrong, [3]);
  const r = evaluate(parsed.sentences, linter);
  assert.equal(r.withErrors, 4);
  assert.equal(r.correct, 2);
  assert.equal(r.falsePositives, 0);
  assert.ok(r.truePositives >= 2, `detected ${r.truePositives}`);
  assert.equal(r.precision, 1);
  assert.equal(r.recall, r.truePositives / 4);
  assert.ok(r.wrongCharsHit >= 2 && r.correctedFirst >= 2);
  assert.ok(r.rules['suspect-char'].truePositives >= 2);
});

test('fp: counts error and warning findings per 10,000 characters over a folder', () => {
  const r = countFolder(path.join(FIXTURES, 'fp-folder'), linter);
  assert.equal(r.files.length, 2);
  assert.equal(r.rules['suspect-char'], 1);
  assert.equal(r.count, Object.values(r.rules).reduce((a, b) => a + b, 0));
  assert.ok(Math.abs(r.per10k - (r.count * 10000) / r.chars) < 1e-9);
});

test('a suspected wrong character gives way to a word-list finding on the same text', () => {
  // 布署 is in the misused-word list; the guess (布 → 部) would say the same thing a second time.
  const findings = new Linter({ segmenter: real, lexicon: () => real.lexicon, data }).lint('认真贯彻落实上级决策布署，扎实推进改革。').findings;
  const at = findings.filter((f) => f.range.start.character <= 10 && f.range.end.character >= 11);
  assert.deepEqual(at.map((f) => f.rule), ['misused-word']);
  // With the misused-word rule off, the guess speaks.
  const alone = new Linter({ segmenter: real, lexicon: () => real.lexicon, data, config: { ...DEFAULT_CONFIG, rules: { 'misused-word': 'off' } } })
    .lint('认真贯彻落实上级决策布署，扎实推进改革。').findings;
  assert.ok(alone.some((f) => f.rule === 'suspect-char'), JSON.stringify(alone));
});

test('with the real dictionary: words of the project\'s own phrase book are not typos', () => {
  // 纠治 and 更实 are rare for jieba's dictionary but stock 公文 language (standard terms, snippets).
  for (const text of ['锲而不舍落实中央八项规定精神，持之以恒纠治“四风”。', '以更高标准、更严要求、更实举措抓好重点领域监管。']) {
    assert.deepEqual(suspects(text), [], text);
  }
  // …while a typo next to them is still found.
  assert.equal(suspects('持之以恒纠治“四风”，严格执行财务制渡。').length, 1);
});

test('a missing data file is said once, in Chinese, and only the wrong-character rule stops', () => {
  const said: string[] = [];
  const missing = diskEngineData({ dataDirs: [path.join(FIXTURES, 'no-such-folder')], onError: (message) => said.push(message) });
  assert.equal(missing.pinyin(), undefined);
  assert.equal(missing.pinyin(), undefined, 'asked again: the same answer');
  assert.equal(said.length, 1, 'said once');
  assert.match(said[0], /找不到数据文件 char-pinyin\.json.*疑似错别字检查已跳过/);
  const text = '加强政冶建设，严格执行财务制渡,';
  const findings = new Linter({ segmenter: real, lexicon: () => real.lexicon, data: missing }).lint(text).findings;
  assert.ok(!findings.some((f) => f.rule === 'suspect-char'));
  assert.ok(findings.some((f) => f.rule === 'halfwidth-punctuation'), JSON.stringify(findings.map((f) => f.rule)));
  assert.ok(new Linter({ segmenter: real, lexicon: () => real.lexicon, data }).lint(text).findings.some((f) => f.rule === 'suspect-char'));
});
