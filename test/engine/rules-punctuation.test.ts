import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { applyFirstFixes, fixAll, flagged, lint } from './ruleHelpers';

const H = 'halfwidth-punctuation';
const PUNCT = ['halfwidth-punctuation', 'repeated-punctuation', 'ellipsis-dash', 'dunhao-before-deng', 'fullwidth-digits', 'straight-quotes'];

test('halfwidth-punctuation: , . : ; ? ! ( ) next to Chinese become full-width', () => {
  assert.deepEqual(flagged('我们坚持学习,推动发展.主要做法:一是;二是?好!', H), [',', '.', ':', ';', '?', '!']);
  assert.equal(fixAll('我们坚持学习,推动发展.主要做法:一是;二是?好!', [H]), '我们坚持学习，推动发展。主要做法：一是；二是？好！');
  assert.equal(fixAll('地区生产总值(GDP)增长5%, 好于预期.', [H]), '地区生产总值（GDP）增长5%，好于预期。');
  assert.equal(fixAll('完成投资(含续建项目)30亿元', [H]), '完成投资（含续建项目）30亿元');
  assert.equal(fixAll('时间:2024年, 地点:北京', [H]), '时间：2024年，地点：北京');
  assert.equal(lint('工作,我们', [H])[0].severity, 'error');
});

test('halfwidth-punctuation: decimals, times, numbers, URLs, English and headings are left alone', () => {
  const clean = [
    '增长1.5%，时间8:30，比例1:500，收入1,258,000元。',
    '1.加强理论学习',
    '（1）落实制度',
    '详见 www.gov.cn 和 https://www.gov.cn/a,b.html 以及 report.docx。',
    '联系邮箱 office@example.gov.cn。',
    '英文名称 Smart City, Inc. 的缩写。',
    '1) 第一项',
    '版本 v2.0.1 已发布。',
    '分享到:',
    '来源:',
  ];
  for (const line of clean) assert.deepEqual(flagged(line, H), [], line);
  // (一) at a line start is the heading-marker rule's business.
  assert.deepEqual(flagged('(一)加强学习', H), []);
  const md = ['见[政府网站](https://www.gov.cn/a(b))。', '代码 `a,b;c` 不查。', '![图片](a.png)', '**说明**：无'];
  for (const line of md) assert.deepEqual(flagged(line, H, 'markdown'), [], line);
});

test('repeated-punctuation: doubled marks are errors (safe fix), mixed marks warnings (suggestion)', () => {
  assert.deepEqual(flagged('我们，，坚持学习。。推动、、发展；；落实', 'repeated-punctuation'), ['，，', '。。', '、、', '；；']);
  assert.equal(fixAll('我们，，坚持学习。。', ['repeated-punctuation']), '我们，坚持学习。');
  const [mixed] = lint('工作取得成效，。下一步', ['repeated-punctuation']);
  assert.equal(mixed.severity, 'warning');
  assert.ok(mixed.fixes.every((f) => !f.safe));
  assert.equal(applyFirstFixes('工作取得成效，。下一步', ['repeated-punctuation']), '工作取得成效，下一步');
  const clean = ['真的吗？！', '什么？？', '好！！！', '“，”是逗号', '结束……'];
  for (const line of clean) assert.deepEqual(flagged(line, 'repeated-punctuation'), [], line);
});

test('ellipsis-dash: ... 。。。 … -- －－ become …… and ——', () => {
  assert.deepEqual(flagged('抓学习...抓落实。。。抓作风…完成', 'ellipsis-dash'), ['...', '。。。', '…']);
  assert.equal(fixAll('抓学习...抓落实。。。抓作风…完成，另………', ['ellipsis-dash']), '抓学习……抓落实……抓作风……完成，另……');
  assert.equal(fixAll('目标--建成示范区，方法－－试点先行', ['ellipsis-dash']), '目标——建成示范区，方法——试点先行');
  const [withDeng] = lint('苹果、香蕉……等水果', ['ellipsis-dash']);
  assert.equal(withDeng.severity, 'warning');
  const clean = ['省略号……正确', '两个省略号…………可以', 'Wait... what', '命令 --help 参数', '| --- | --- |', '---', '2020--2022', '目录.......12'];
  for (const line of clean) assert.deepEqual(flagged(line, 'ellipsis-dash', 'markdown'), [], line);
});

test('dunhao-before-deng: 、等 → 等, but 、等级 is a list item', () => {
  assert.deepEqual(flagged('苹果、香蕉、等水果，学习、讨论、等等。', 'dunhao-before-deng'), ['、等', '、等']);
  assert.equal(fixAll('苹果、香蕉、等水果，学习、讨论、等等。', ['dunhao-before-deng']), '苹果、香蕉等水果，学习、讨论等等。');
  assert.deepEqual(flagged('数量、等级、规模，质量、等同于', 'dunhao-before-deng'), []);
});

test('fullwidth-digits: ２０２４ → 2024', () => {
  assert.deepEqual(flagged('２０２４年完成１．５亿元，共3人', 'fullwidth-digits'), ['２０２４', '１．５']);
  assert.equal(fixAll('２０２４年完成１．５亿元', ['fullwidth-digits']), '2024年完成1.5亿元');
  assert.equal(lint('２０２４年', ['fullwidth-digits'])[0].severity, 'warning');
  assert.deepEqual(flagged('2024年完成1.5亿元', 'fullwidth-digits'), []);
});

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
