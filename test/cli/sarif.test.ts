import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { tempDir } from '../helpers/tempDir';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const BIN = path.join(ROOT, 'bin', 'gongwen.js');
const SCHEMA = path.join(ROOT, 'test', 'schemas', 'sarif-2.1.0-rtm.5.json');

function run(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A plain boolean check (not a type guard: the tests read the log afterwards). */
function validator(): { (data: unknown): boolean; errors?: unknown } {
  // The official schema is draft-04. Its only keyword whose meaning Ajv 8 does not take is the schema's
  // `id` (draft-06 renamed it `$id`), so that one is renamed here; the file itself stays as published.
  const { id, $schema: _draft04, ...schema } = JSON.parse(fs.readFileSync(SCHEMA, 'utf8'));
  // Its pattern for a language tag is written for non-Unicode regular expressions, hence unicodeRegExp: false.
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile({ $id: id, ...schema });
}

// An astral character (𠮷, two UTF-16 units) before the findings: columns count code units.
const REPORT = ['关于𠮷𠮷公司××项目的报告', '', '一、总体情况', '今年以来,我们取得了进展。', '（二）、主要做法', ''].join('\n');

test('check --format sarif: valid SARIF 2.1.0 with rules, levels, UTF-16 regions, relative URIs and safe fixes', () => {
  const dir = tempDir('gongwen-sarif-');
  fs.mkdirSync(path.join(dir, '报告 2026'));
  const file = path.join('报告 2026', '工作报告.txt');
  fs.writeFileSync(path.join(dir, file), REPORT);
  const sarif = run(['check', '--format', 'sarif', file], dir);
  assert.equal(sarif.code, 1, sarif.stderr); // the exit code does not depend on the format
  const log: any = JSON.parse(sarif.stdout);
  const validate = validator();
  assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));

  assert.equal(log.version, '2.1.0');
  const [runLog] = log.runs;
  assert.equal(runLog.columnKind, 'utf16CodeUnits');
  assert.deepEqual(runLog.invocations, [{ executionSuccessful: true }]);
  assert.equal(runLog.originalUriBaseIds.SRCROOT.uri, pathToFileURL(fs.realpathSync(dir) + path.sep).href);
  const driver = runLog.tool.driver;
  assert.equal(driver.name, 'gongwen');
  const marker = driver.rules.find((r: any) => r.id === 'heading-marker');
  assert.match(marker.shortDescription.text, /标题序号/);
  assert.match(marker.fullDescription.text, /默认级别：错误/);
  assert.match(marker.help.text, /gongwen-disable-next-line heading-marker/);
  assert.deepEqual(marker.defaultConfiguration, { level: 'error' });
  const offByDefault = driver.rules.find((r: any) => r.id === 'sentence-length');
  assert.equal(offByDefault.defaultConfiguration.enabled, false);

  // Every result matches the JSON output's finding: same rule and message, 1-based region of the same range.
  const json = JSON.parse(run(['check', '--format', 'json', file], dir).stdout)[0].diagnostics;
  assert.equal(runLog.results.length, json.length);
  assert.ok(json.length >= 3);
  const levels: Record<string, string> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };
  runLog.results.forEach((result: any, i: number) => {
    const d = json[i];
    assert.equal(result.ruleId, d.rule);
    assert.equal(driver.rules[result.ruleIndex].id, d.rule);
    assert.equal(result.level, levels[d.severity]);
    assert.equal(result.message.text, d.message);
    const { artifactLocation, region } = result.locations[0].physicalLocation;
    assert.deepEqual(artifactLocation, { uri: '%E6%8A%A5%E5%91%8A%202026/%E5%B7%A5%E4%BD%9C%E6%8A%A5%E5%91%8A.txt', uriBaseId: 'SRCROOT' });
    assert.deepEqual(region, {
      startLine: d.range.start.line + 1,
      startColumn: d.range.start.character + 1,
      endLine: d.range.end.line + 1,
      endColumn: d.range.end.character + 1,
    });
  });
  const placeholder = runLog.results.find((r: any) => r.ruleId === 'placeholder');
  assert.deepEqual(placeholder.locations[0].physicalLocation.region, { startLine: 1, startColumn: 9, endLine: 1, endColumn: 11 });

  // The safe fix of the comma, as `--fix` would apply it.
  const comma = runLog.results.find((r: any) => r.ruleId === 'halfwidth-punctuation');
  assert.deepEqual(comma.fixes[0].artifactChanges[0].replacements, [
    { deletedRegion: { startLine: 4, startColumn: 5, endLine: 4, endColumn: 6 }, insertedContent: { text: '，' } },
  ]);
  assert.ok(!runLog.results.some((r: any) => r.fixes && r.ruleId === 'placeholder'), 'a placeholder has no safe fix');
});

test('check --format sarif: a file outside the working directory gets an absolute file: URI; an unreadable one marks the run failed', () => {
  const dir = tempDir('gongwen-sarif-');
  const file = path.join(dir, 'a.txt');
  fs.writeFileSync(file, '今年以来,我们取得了进展。\n');
  const cwd = tempDir('gongwen-sarif-cwd-');
  const r = run(['check', '--format', 'sarif', file, path.join(dir, 'missing.txt')], cwd);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /找不到文件/);
  const log: any = JSON.parse(r.stdout);
  assert.ok(validator()(log));
  assert.deepEqual(log.runs[0].invocations, [{ executionSuccessful: false }]);
  assert.deepEqual(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation, { uri: pathToFileURL(file).href });
});

test('usage lists the sarif format', () => {
  const r = run(['--help'], ROOT);
  assert.match(r.stdout, /--format pretty\|json\|sarif/);
  const bad = run(['check', '--format', 'xml', 'x.txt'], ROOT);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--format 只能是 pretty、json、sarif/);
});
