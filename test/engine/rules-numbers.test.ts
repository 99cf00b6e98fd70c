import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { applyFirstFixes, fixAll, flagged, lint } from './ruleHelpers';

const NUMBERS = ['two-digit-year', 'year-numerals', 'approximation', 'range-unit', 'digit-numeral-mix'];

test('two-digit-year: 22年3月 and 2020—22年 are flagged; durations are not', () => {
  assert.deepEqual(flagged('22年3月召开会议，2020—22年连续三年，2019年至21年。', 'two-digit-year'), ['22年', '22', '21']);
  assert.equal(fixAll('2020—22年连续三年，1998～02年', ['two-digit-year']), '2020—2022年连续三年，1998～2002年');
  // The short date has a suggestion only (which century is a guess).
  assert.equal(fixAll('22年3月', ['two-digit-year']), '22年3月');
  assert.equal(applyFirstFixes('22年3月', ['two-digit-year']), '2022年3月');
  const clean = ['工作20年，用了3个月。', '2022年3月', '20年3个月', '近10年来', '2020—2022年', '第22年'];
  for (const line of clean) assert.deepEqual(flagged(line, 'two-digit-year'), [], line);
});

test('year-numerals: 2O19年, 二零二四年, 二○二四年 and mixed date forms', () => {
  assert.deepEqual(flagged('2O19年和2o2O年', 'year-numerals'), ['2O19', '2o2O']);
  assert.equal(fixAll('2O19年，二零二四年，二○二四年', ['year-numerals']), '2019年，二〇二四年，二〇二四年');
  assert.deepEqual(flagged('2024年十二月，二〇二四年12月', 'year-numerals'), ['2024年十二月', '二〇二四年12月']);
  const clean = ['2019年', '二〇二四年十二月', '一千零五十年', 'COVID-2019年', '三千零五十二人'];
  for (const line of clean) assert.deepEqual(flagged(line, 'year-numerals'), [], line);
});

test('approximation: 约…左右, 超过…以上, 将近…余 keep one word', () => {
  assert.deepEqual(flagged('约10万人左右，超过3年以上，将近400余人，大约一个多小时，至少5次以上。', 'approximation'), [
    '约10万人左右',
    '超过3年以上',
    '将近400余',
    '大约一个多',
    '至少5次以上',
  ]);
  // Only 约…左右 is fixed automatically (dropping 左右 keeps the meaning exactly).
  assert.equal(fixAll('约10万人左右，超过3年以上', ['approximation']), '约10万人，超过3年以上');
  assert.equal(applyFirstFixes('超过3年以上', ['approximation']), '超过3年');
  assert.equal(lint('约10万人左右', ['approximation'])[0].severity, 'warning');
  const clean = ['制约10项左右', '最近3年以上', '近3年多次开展', '近十多年来', '约10万人，左右为难', '超过3年，以上措施', '约束100人', '10万人左右'];
  for (const line of clean) assert.deepEqual(flagged(line, 'approximation'), [], line);
});

test('range-unit: 9～16亿 → 9亿～16亿, 15～30% → 15%～30%', () => {
  assert.deepEqual(flagged('投资9～16亿元，增长15～30%，13-17万元。', 'range-unit'), ['9～16亿', '15～30%', '13-17万']);
  assert.equal(fixAll('投资9～16亿元，增长15～30%，1.5至2.5万', ['range-unit']), '投资9亿～16亿元，增长15%～30%，1.5万至2.5万');
  const clean = ['9亿～16亿元', '15%～30%', '2024-05-06', '3～5人', '2020—2022年', 'A1-2%'];
  for (const line of clean) assert.deepEqual(flagged(line, 'range-unit'), [], line);
});

test('digit-numeral-mix: 4千 and 3百人, but not 5千米 or 3万', () => {
  assert.deepEqual(flagged('4千人，3百余家，1.5千吨', 'digit-numeral-mix'), ['4千', '3百', '1.5千']);
  assert.equal(applyFirstFixes('4千人，3千万元', ['digit-numeral-mix']), '4000人，3000万元');
  assert.equal(fixAll('4千人', ['digit-numeral-mix']), '4千人');
  const clean = ['5千米，3千克，10千瓦，3万人，5.3亿元', '四千人', '提高2个百分点'];
  for (const line of clean) assert.deepEqual(flagged(line, 'digit-numeral-mix'), [], line);
});

test('numbers: applying all safe fixes twice changes nothing the second time', () => {
  const text = '2020—22年，2O19年，二零二四年，约10万人左右，投资9～16亿元，4千人。';
  const once = fixAll(text, NUMBERS);
  assert.equal(once, '2020—2022年，2019年，二〇二四年，约10万人，投资9亿～16亿元，4千人。');
  assert.equal(fixAll(once, NUMBERS), once);
});
