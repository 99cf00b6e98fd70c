// Evidence of intent for the wrong-character rule: strings other documents of the workspace use
// (WorkspaceTexts), the varying slots of repeated frames, and confused single-character words.
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { Linter, WorkspaceTexts } from '../../server/src/engine';
import { keyContext } from '../../server/src/engine/evidence';
import { parallelSlots } from '../../server/src/engine/wrongchar/filters';
import { diskEngineData } from '../../server/src/host/data';
import { SyncSegmenter } from '../../server/src/segmentation/syncSegmenter';

const data = diskEngineData({ onError: (message) => assert.fail(message) });
const segmenter = new SyncSegmenter();
const suspects = (linter: Linter, text: string) =>
  linter
    .lint(text)
    .findings.filter((f) => f.rule === 'suspect-char')
    .map((f) => text.split('\n')[f.range.start.line].slice(f.range.start.character, f.range.end.character));

// A clean text of over 2,000 characters: a long document, where document-level evidence applies.
const FILLER = '全面加强党的建设，推动经济社会高质量发展。\n'.repeat(120);

test('WorkspaceTexts: whether another document uses a string, within limits, forgetting only a changed text', () => {
  const texts = new WorkspaceTexts({ maxDocuments: 3, maxChars: 40 });
  assert.ok(texts.set('a', '打造智汇谷品牌'));
  assert.ok(texts.set('b', '建设数智园区'));
  assert.equal(texts.usedElsewhere('智汇', 'b'), true);
  assert.equal(texts.usedElsewhere('智汇', 'a'), false, 'a document is no evidence for itself');
  assert.equal(texts.usedElsewhere('汇', 'b'), false, 'one character says nothing');
  assert.equal(texts.except('c').usedElsewhere('数智'), true);
  // A changed text is searched again.
  texts.set('a', '打造品牌');
  assert.equal(texts.usedElsewhere('智汇', 'b'), false);
  // Over the limits a document is not kept (and a kept one that grows over them is dropped).
  assert.equal(texts.set('c', '很长的文本'.repeat(10)), false);
  assert.equal(texts.has('c'), false);
  assert.ok(texts.set('c', '三'));
  assert.equal(texts.set('d', '四'), false, 'at most three documents');
  assert.equal(texts.set('a', '长'.repeat(39)), false);
  assert.equal(texts.has('a'), false);
  assert.equal(texts.totalChars, '建设数智园区'.length + 1);
  texts.delete('b');
  assert.equal(texts.usedElsewhere('数智', 'c'), false);
});

test('WorkspaceTexts: the pair filter never hides a string that occurs, and all its pairs do not make one occur', () => {
  const texts = new WorkspaceTexts();
  const other = '建设智汇平台，打造汇谷品牌。'.repeat(50);
  texts.set('other', other);
  for (let i = 0; i + 3 <= other.length; i += 5) assert.equal(texts.usedElsewhere(other.slice(i, i + 3), 'self'), true);
  assert.equal(texts.usedElsewhere('智汇谷', 'self'), false, '智汇 and 汇谷 occur, 智汇谷 does not');
  assert.equal(texts.usedElsewhere('津融', 'self'), false);
});

test('a suspect whose written string another document of the workspace uses is not reported (the last check)', () => {
  const text = '全面推进津融合作，建设智汇平台。';
  const plain = new Linter({ segmenter, lexicon: () => segmenter.lexicon, data });
  assert.deepEqual(suspects(plain, text), ['津', '汇']);
  const texts = new WorkspaceTexts();
  texts.set('this.txt', text);
  texts.set('other.txt', '本市打造智汇谷，吸引人才落户。');
  let on = true;
  const linter = new Linter({ segmenter, lexicon: () => segmenter.lexicon, data, workspace: () => (on ? texts.except('this.txt') : undefined) });
  assert.deepEqual(suspects(linter, text), ['津'], '智汇 is a name the workspace uses');
  on = false;
  assert.deepEqual(suspects(linter, text), ['津', '汇'], 'without the workspace');
  // A document alone in its workspace has no evidence.
  const single = new WorkspaceTexts();
  single.set('this.txt', text);
  const alone = new Linter({ segmenter, lexicon: () => segmenter.lexicon, data, workspace: single.except('this.txt') });
  assert.deepEqual(suspects(alone, text), ['津', '汇']);
});

test('a copy is no evidence: the same typo in the same words (a second draft, a pasted paragraph) is still reported', () => {
  const text = '全面推进津融合作，建设智汇平台。';
  const texts = new WorkspaceTexts();
  texts.set('this.txt', text);
  // 修改稿: the same sentence, a line added before it.
  texts.set('draft.txt', `关于合作情况的报告\n${text}`);
  const linter = new Linter({ segmenter, lexicon: () => segmenter.lexicon, data, workspace: () => texts.except('this.txt') });
  assert.deepEqual(suspects(linter, text), ['津', '汇'], 'copied sentences say nothing');
  // Used again in a sentence of its own, 智汇 is meant.
  texts.set('other.txt', '本市打造智汇谷，吸引人才落户。');
  assert.deepEqual(suspects(linter, text), ['津']);
});

test('the copy test: neighbours on both sides, up to four characters; a line end counts as a neighbour', () => {
  const texts = new WorkspaceTexts();
  texts.set('other', '加强智汇建设。\n智汇平台上线');
  const ask = (key: string, line: string) => texts.usedElsewhere(key, 'self', keyContext(line, key, line.indexOf(key)));
  assert.equal(ask('智汇', '加强智汇建设。'), true, 'the second line has it in other words');
  texts.set('other', '加强智汇建设。');
  assert.equal(ask('智汇', '加强智汇建设。'), false, 'the same line');
  texts.set('other', '今年大力加强智汇建设工作。');
  assert.equal(ask('智汇', '我们要大力加强智汇建设工作，'), false, 'four neighbours a side are compared, not the whole line');
  texts.set('other', '加强智汇建设。');
  assert.equal(ask('智汇', '强智汇建设'), true, 'a line that ends where the other goes on is not the same words');
  assert.equal(ask('智汇', '加强智汇建设工作'), true);
  assert.deepEqual(keyContext('一二三四五智汇六七八九十', '智汇', 5), { before: '二三四五', after: '六七八九' });
  assert.equal(keyContext('没有', '智汇', 0), undefined);
});

test('parallel frames: the varying slot of a repeated frame is meant (一严到底、一贯到底)', () => {
  const text = '坚持一严到底、一贯到底，以案促改、以案促治。';
  const slots = parallelSlots(text);
  const marked = [...text].filter((_, i) => slots[i]).join('');
  assert.equal(marked, '严贯改治');
  // Members alike at two places, or of other lengths, are no frame; nor is a lone phrase.
  assert.equal(parallelSlots('加强管理、加强服务').length, 0);
  assert.equal(parallelSlots('坚持一严到底。').length, 0);
  const linter = new Linter({ segmenter, lexicon: () => segmenter.lexicon, data });
  assert.deepEqual(suspects(linter, '坚持一严到底。'), ['严'], 'alone, 一严 reads as a typo of 一眼');
  assert.deepEqual(suspects(linter, '坚持一严到底、一贯到底。'), []);
  // The slot holds the other member's character: the writer repeated a phrase and mistyped it once.
  assert.equal(String.fromCharCode(parallelSlots('严格执行财务制渡，财务制度是底线。')[7]), '度');
  assert.deepEqual(suspects(linter, '严格执行财务制渡，财务制度是底线。'), ['渡']);
});

test('a confused single-character word has no repetition key; in a long document it needs margin 9', () => {
  const linter = new Linter({ segmenter, lexicon: () => segmenter.lexicon, data });
  // 付 occurs twice: a key of one character would have dropped the finding.
  assert.deepEqual(suspects(linter, '市委付书记出席会议并支付了费用。'), ['付']);
  assert.deepEqual(suspects(linter, FILLER + '市委付书记出席会议并支付了费用。\n'), ['付'], 'a large margin (about 16)');
  // A smaller margin (about 8.7): shown in a short text, not in a long one.
  assert.deepEqual(suspects(linter, '李付市长主持会议。'), ['付']);
  assert.deepEqual(suspects(linter, FILLER + '李付市长主持会议。\n'), []);
});
