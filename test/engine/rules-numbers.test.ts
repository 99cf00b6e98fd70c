import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { fixAll } from './ruleHelpers';

// The cases of each number rule are files: test/fixtures/rules/{two-digit-year,year-numerals,approximation,range-unit,digit-numeral-mix}.txt.
const NUMBERS = ['two-digit-year', 'year-numerals', 'approximation', 'range-unit', 'digit-numeral-mix'];

test('numbers: applying all safe fixes twice changes nothing the second time', () => {
  const text = '2020—22年，2O19年，二零二四年，约10万人左右，投资9～16亿元，4千人。';
  const once = fixAll(text, NUMBERS);
  assert.equal(once, '2020—2022年，2019年，二〇二四年，约10万人，投资9亿～16亿元，4千人。');
  assert.equal(fixAll(once, NUMBERS), once);
});
