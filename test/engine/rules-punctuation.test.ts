import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { fixAll, lint } from './ruleHelpers';

const PUNCT = ['halfwidth-punctuation', 'repeated-punctuation', 'ellipsis-dash', 'dunhao-before-deng', 'fullwidth-digits', 'straight-quotes'];

// The cases of each punctuation rule are files: test/fixtures/rules/{halfwidth-punctuation,repeated-punctuation,
// ellipsis-dash,dunhao-before-deng,fullwidth-digits}*.

test('punctuation: applying all safe fixes twice changes nothing the second time', () => {
  const text = [
    '我们坚持学习,推动发展. 主要做法:一是;二是 (含续建) 项目',
    '抓学习...抓落实。。。抓作风…完成，，目标--建成',
    '苹果、香蕉、等，２０２４年，落实"第一议题"制度。',
    '𠮷𠮷工作,完成',
  ].join('\n');
  const once = fixAll(text, PUNCT);
  assert.notEqual(once, text);
  assert.equal(fixAll(once, PUNCT), once);
  assert.deepEqual(lint(once, PUNCT).filter((f) => f.fixes.some((x) => x.safe)), []);
  assert.equal(once.split('\n')[3], '𠮷𠮷工作，完成');
});
