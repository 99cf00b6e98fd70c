import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { DEFAULT_SETTINGS, effectiveConfig, rulesWithWrongCharMode } from '../../server/src/settings';

test('gongwen.wrongChar.mode "aggressive" becomes an option of suspect-char, keeping its severity', () => {
  assert.deepEqual(rulesWithWrongCharMode({ ...DEFAULT_SETTINGS }), {});
  assert.deepEqual(rulesWithWrongCharMode({ ...DEFAULT_SETTINGS, wrongChar: { mode: 'aggressive' } }), { 'suspect-char': { mode: 'aggressive' } });
  assert.deepEqual(rulesWithWrongCharMode({ ...DEFAULT_SETTINGS, rules: { 'suspect-char': 'information' }, wrongChar: { mode: 'aggressive' } }), {
    'suspect-char': { severity: 'information', mode: 'aggressive' },
  });
  assert.deepEqual(rulesWithWrongCharMode({ ...DEFAULT_SETTINGS, rules: { 'suspect-char': 'off' }, wrongChar: { mode: 'aggressive' } }), { 'suspect-char': 'off' });
  assert.deepEqual(rulesWithWrongCharMode({ ...DEFAULT_SETTINGS, wrongChar: { mode: 'default' } }), {});
  const { config, problems } = effectiveConfig(undefined, { ...DEFAULT_SETTINGS, wrongChar: { mode: 'aggressive' } }, true);
  assert.deepEqual(problems, []);
  assert.deepEqual(config.rules['suspect-char'], { mode: 'aggressive' });
});
