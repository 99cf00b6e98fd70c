import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { ALL_RULES } from '../../server/src/engine';
import { CONTEXT_PAIR_RULES, ContextPairEntry, contextPairRule, contextPairRules } from '../../server/src/engine/rules/contextPairs';

const ROOT = path.resolve(__dirname, '..', '..', '..');

test('context pairs: every entry of the data file is a rule of its own, registered in ALL_RULES in file order', () => {
  const file = JSON.parse(fs.readFileSync(path.join(ROOT, 'server', 'data', 'context-pairs.json'), 'utf8')) as { rules: ContextPairEntry[] };
  assert.deepEqual(CONTEXT_PAIR_RULES.map((r) => r.id), file.rules.map((e) => e.id));
  const ids = ALL_RULES.map((r) => r.id);
  const first = ids.indexOf(file.rules[0].id);
  assert.deepEqual(ids.slice(first, first + file.rules.length), file.rules.map((e) => e.id));
  // The ids users may have in their configuration stay.
  for (const id of ['jiezhi', 'zuochu', 'zhiding', 'quanli', 'bixu', 'qiyong', 'fanying']) assert.ok(ids.includes(id), id);
});

const base = { id: 'demo', description: '示例', severity: 'warning' as const };
const check = (entry: ContextPairEntry, text: string) => contextPairRule(entry).check({ text } as never);

test('context pairs: a phrase entry flags the wrong part of its phrase, with the templated message and an unsafe fix', () => {
  const rule = { ...base, phrases: [{ phrase: '权利运行', wrong: '权利', right: '权力', note: '说明' }, { phrase: '权利观', wrong: '权利', right: '权力', precededBy: ['正确的'] }] };
  assert.deepEqual(check(rule, '规范权利运行，树立正确的权利观，保障权利观'), [
    { start: 2, end: 4, message: '“权利运行”中宜用“权力”，不用“权利”（说明）', fixes: [{ title: '改为“权力”', edits: [{ start: 2, end: 4, newText: '权力' }], safe: false }] },
    { start: 12, end: 14, message: '“权利观”中宜用“权力”，不用“权利”', fixes: [{ title: '改为“权力”', edits: [{ start: 12, end: 14, newText: '权力' }], safe: false }] },
  ]);
});

test('context pairs: a word entry flags the word where a context matches, with lists and patterns expanded', () => {
  const rule: ContextPairEntry = {
    ...base,
    wrong: '做出',
    right: '作出',
    message: '宜用“作出”',
    notFollowedBy: ['来'],
    contexts: [{ after: '{adj}?{objects}' }, { before: '^|{open}', after: '{num}项' }],
    lists: { objects: ['决定', '部署'], adj: ['重要'] },
    patterns: { num: '[0-9]+', open: '[，。]' },
  };
  const at = (text: string) => check(rule, text).map((f) => f.start);
  assert.deepEqual(at('做出重要部署，做出决定'), [0, 7]);
  assert.deepEqual(at('做出样品，做出来决定'), []);
  assert.deepEqual(at('做出3项，已做出3项'), [0]);
  assert.equal(check(rule, '做出决定')[0].message, '宜用“作出”');
});

test('context pairs: malformed entries are refused with a Chinese message naming the rule', () => {
  const bad: [Partial<ContextPairEntry>, RegExp][] = [
    [{ id: 'Bad Id' }, /id 须为/],
    [{ severity: 'loud' as never }, /severity/],
    [{ phrases: [] }, /phrases 须为非空数组/],
    [{ phrases: [{ phrase: '权力运行', wrong: '权利', right: '权力' }] }, /须包含 wrong/],
    [{ wrong: '做出', right: '作出', message: 'm', contexts: [{ after: '{nowhere}' }] }, /\{nowhere\} 不在 lists 或 patterns 中/],
    [{ wrong: '做出', right: '作出', message: 'm', contexts: [{ after: '{a}' }], patterns: { a: '{a}' } }, /引用了自身/],
    [{ wrong: '做出', right: '作出', message: 'm', contexts: [{ after: '(' }] }, /正则表达式“\(”无效/],
    [{ wrong: '做出', right: '作出', contexts: [{ after: 'x' }] }, /缺少 message/],
    [{ wrong: '做出', right: '作出', message: 'm', contexts: [] }, /contexts 须为非空数组/],
  ];
  for (const [change, message] of bad) {
    assert.throws(() => contextPairRule({ ...base, phrases: undefined, ...change } as ContextPairEntry), (e: Error) => message.test(e.message) && /规则“/.test(e.message), JSON.stringify(change));
  }
  const one = { ...base, phrases: [{ phrase: '权利运行', wrong: '权利', right: '权力' }] };
  assert.throws(() => contextPairRules({ rules: [one, one] }), /规则 id“demo”重复/);
});

test('context pairs: every rule has its fixture case, which flags something and leaves something alone', () => {
  const dir = path.join(ROOT, 'test', 'fixtures', 'rules');
  for (const { id } of CONTEXT_PAIR_RULES) {
    const text = fs.readFileSync(path.join(dir, `${id}.txt`), 'utf8');
    const expected = JSON.parse(fs.readFileSync(path.join(dir, `${id}.expect.json`), 'utf8')) as { findings: { range: string }[] };
    const flaggedLines = new Set(expected.findings.map((f) => f.range.split(':')[0]));
    const lines = text.split('\n').filter((l, i) => l.trim() && !flaggedLines.has(String(i + 1)));
    assert.ok(flaggedLines.size > 0 && lines.length > 0, `test/fixtures/rules/${id}.txt 须有应标记和不应标记的句子`);
  }
});
