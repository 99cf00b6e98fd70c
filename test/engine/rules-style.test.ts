import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { ALL_RULES } from '../../server/src/engine';
import { fixAll, flagged, lint } from './ruleHelpers';

test('style hints have information or hint severity; the opinionated ones are off by default', () => {
  const byId = new Map(ALL_RULES.map((r) => [r.id, r]));
  for (const id of ['sentence-length', 'repeated-word', 'redundancy', 'overused-word', 'section-completeness']) {
    assert.ok(['information', 'hint'].includes(byId.get(id)!.defaultSeverity), id);
  }
  assert.equal(byId.get('sentence-length')!.enabledByDefault, false);
  assert.equal(byId.get('overused-word')!.enabledByDefault, false);
});

test('sentence-length: sentences over maxLength (default 150) are hinted', () => {
  const long = '我们' + '坚持学习，'.repeat(40) + '完成任务。';
  const short = '我们坚持学习。';
  assert.equal(flagged(short + long + short, 'sentence-length').length, 1);
  assert.deepEqual(flagged(short + long, 'sentence-length'), [long]);
  assert.match(lint(long, ['sentence-length'])[0].message, /207 字，超过 150 字/);
  assert.equal(flagged(long, 'sentence-length', 'plaintext', { maxLength: 300 }).length, 0);
  assert.equal(flagged(short.repeat(5), 'sentence-length', 'plaintext', { maxLength: 10 }).length, 0);
  // A line without a full stop still counts as one sentence.
  assert.equal(flagged('坚持学习'.repeat(50), 'sentence-length').length, 1);
});

// The cases of repeated-word, redundancy, overused-word and section-completeness are files in test/fixtures/rules/.

test('overused-word: the threshold is an option', () => {
  const text = '工作总结\n\n一、主要工作\n我们优化服务，提升服务，改进服务，创新服务，强化服务，做好服务。\n';
  assert.equal(lint(text, ['overused-word']).length, 1);
  assert.deepEqual(lint(text, ['overused-word'], 'plaintext', { minCount: 7 }), []);
});

test('style: applying all safe fixes twice changes nothing the second time', () => {
  const ids = ['repeated-word', 'redundancy', 'sentence-length'];
  const text = '我们的的工作要进一步进一步加强，目的是为了提高效率。';
  const once = fixAll(text, ids);
  assert.equal(once, '我们的工作要进一步进一步加强，目的是为了提高效率。');
  assert.equal(fixAll(once, ids), once);
});
