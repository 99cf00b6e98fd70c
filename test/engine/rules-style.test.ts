import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { ALL_RULES } from '../../server/src/engine';
import { applyFirstFixes, fixAll, flagged, lint } from './ruleHelpers';

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

test('repeated-word: 的的 and 进一步进一步, not reduplication', () => {
  assert.deepEqual(flagged('我们的的工作要进一步进一步加强', 'repeated-word'), ['的的', '进一步进一步']);
  // Only the one-character slip is fixed automatically; a doubled longer word may be a compound.
  assert.equal(fixAll('我们的的工作要进一步进一步加强', ['repeated-word']), '我们的工作要进一步进一步加强');
  assert.equal(applyFirstFixes('我们的的工作要进一步进一步加强', ['repeated-word']), '我们的工作要进一步加强');
  const clean = ['看看常常人人层层步步一一', '他的的确确做了', '不了了之', '研究研究再说', '一个一个地解决', '牢牢把握，紧紧围绕，认认真真', '为了了解情况'];
  for (const line of clean) assert.deepEqual(flagged(line, 'repeated-word'), [], line);
});

test('redundancy: 目的是为了, 凯旋归来, 亲眼目睹 with the shorter form suggested', () => {
  assert.deepEqual(flagged('目的是为了提高效率，亲眼目睹了变化，涉及到各方面。', 'redundancy'), ['目的是为了', '亲眼目睹', '涉及到']);
  const [f] = lint('目的是为了提高效率', ['redundancy']);
  assert.equal(f.severity, 'information');
  assert.ok(f.fixes.every((x) => !x.safe));
  assert.equal(applyFirstFixes('目的是为了提高效率', ['redundancy']), '目的是提高效率');
  assert.equal(lint('涉及到各方面', ['redundancy'])[0].severity, 'hint');
  assert.deepEqual(flagged('涉及到位率，目的是实现', 'redundancy'), []);
});

test('overused-word: a content word used too often in one section', () => {
  const section = '一、主要工作\n' + '我们优化服务，提升服务，改进服务，创新服务，强化服务，做好服务。\n';
  const text = '工作总结\n\n' + section + '二、存在问题\n服务意识不强。\n';
  const found = lint(text, ['overused-word']);
  assert.equal(found.length, 1);
  assert.match(found[0].message, /“服务”在本部分出现 6 次/);
  assert.equal(found[0].range.start.line, 3);
  // Stop words and rarer words are not counted; the threshold is an option.
  assert.deepEqual(lint('一、主要工作\n我们坚持推进，坚持推进，坚持推进，坚持推进，坚持推进，坚持推进。', ['overused-word']), []);
  assert.deepEqual(lint(text, ['overused-word'], 'plaintext', { minCount: 7 }), []);
});

test('section-completeness: a 工作总结 missing 存在问题 or 下步打算 gets a hint naming the part', () => {
  const missing = '2024年工作总结\n\n一、主要工作\n完成任务。\n二、主要成效\n成效明显。\n';
  const [f] = lint(missing, ['section-completeness']);
  assert.equal(f.severity, 'hint');
  assert.match(f.message, /“存在的问题”和“下一步打算”部分/);
  assert.equal(f.range.start.line, 0);
  const onlyNext = '述职报告\n\n一、履职情况\n完成任务。\n二、下一步打算\n继续努力。\n';
  assert.match(lint(onlyNext, ['section-completeness'])[0].message, /未见“存在的问题”部分/);
  const complete = '2024年工作总结\n\n一、主要工作\n完成任务。\n二、存在的不足\n有差距。\n三、2025年工作思路\n继续努力。\n';
  assert.deepEqual(lint(complete, ['section-completeness']), []);
  // Not a summary-shaped report: no hint.
  assert.deepEqual(lint('关于加强管理的通知\n\n一、总体要求\n要求。\n二、主要任务\n任务。\n', ['section-completeness']), []);
});

test('style: applying all safe fixes twice changes nothing the second time', () => {
  const ids = ['repeated-word', 'redundancy', 'sentence-length'];
  const text = '我们的的工作要进一步进一步加强，目的是为了提高效率。';
  const once = fixAll(text, ids);
  assert.equal(once, '我们的工作要进一步进一步加强，目的是为了提高效率。');
  assert.equal(fixAll(once, ids), once);
});
