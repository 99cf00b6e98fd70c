import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import * as iconv from 'iconv-lite';
import { decodeGb18030, readTextFile } from '../../server/src/cli/files';
import { tempDir } from '../helpers/tempDir';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const BIN = path.join(ROOT, 'bin', 'gongwen.js');
const run = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8' });

const REPORT = '关于2024年工作情况的报告\r\n\r\n一、主要工作\r\n（一）、强化理论武装\r\n截止11月底,完成排查2310台。\r\n';

test('GB18030: a GBK report is read, checked like its UTF-8 twin, and --fix writes GB18030 back', () => {
  const dir = tempDir('gongwen-enc-');
  const gbFile = path.join(dir, 'gbk.txt');
  const utfFile = path.join(dir, 'utf8.txt');
  fs.writeFileSync(gbFile, iconv.encode(REPORT, 'gbk'));
  fs.writeFileSync(utfFile, REPORT);
  assert.equal(readTextFile(gbFile).encoding, 'gb18030');
  assert.equal(readTextFile(gbFile).text, REPORT);
  const gb = JSON.parse(run(['check', '--format', 'json', gbFile]).stdout)[0].diagnostics;
  const utf = JSON.parse(run(['check', '--format', 'json', utfFile]).stdout)[0].diagnostics;
  assert.ok(gb.length > 0);
  assert.deepEqual(gb, utf);

  const r = run(['check', '--fix', gbFile]);
  assert.ok(r.status === 0 || r.status === 1, r.stderr);
  const bytes = fs.readFileSync(gbFile);
  assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes), 'written back as GB18030, not UTF-8');
  const fixed = iconv.decode(bytes, 'gb18030');
  assert.match(fixed, /^（一）强化理论武装\r$/m);
  assert.match(fixed, /2310台。/);
  assert.match(fixed, /\r\n/, 'line endings kept');
  assert.doesNotMatch(fixed, /,/);
});

test('GB18030: four-byte sequences (characters outside GBK) round-trip', () => {
  const text = '𠀀字与€符号，以及㐀的报告内容。\n';
  const bytes = iconv.encode(text, 'gb18030');
  assert.equal(decodeGb18030(bytes), text);
});

test('GB18030: binary data and mostly-rare decodings are not taken for a Chinese text', () => {
  assert.equal(decodeGb18030(Buffer.from([0x81, 0x30])), undefined, 'truncated sequence');
  assert.equal(decodeGb18030(Buffer.from([0xb9, 0xab, 0x00, 0x01])), undefined, 'control bytes');
  // Bytes that happen to decode, but to characters of the rare planes / private use: not a report.
  const rare = iconv.encode('\ue000\ue001\ue002\u0800\u0801\u0802', 'gb18030');
  assert.equal(decodeGb18030(rare), undefined);
  // A short Chinese text in GBK passes.
  assert.equal(decodeGb18030(iconv.encode('公文', 'gbk')), '公文');
});
