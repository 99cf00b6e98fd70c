import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { FORMAT_RULE_IDS, parseConfigText } from '../../server/src/engine';
import { checkFormat, FORMAT_RULES } from '../../server/src/docx/format';
import { GB_T_9704, profileFromConfig } from '../../server/src/docx/profile';
import { readDocx } from '../../server/src/docx/read';
import { buildDocx, p } from '../helpers/docx';
import { tempDir } from '../helpers/tempDir';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const BIN = path.join(ROOT, 'bin', 'gongwen.js');

const A4_SECT = (margins = 'w:top="2098" w:bottom="1984" w:left="1587" w:right="1474"', grid = '<w:docGrid w:type="linesAndChars" w:linePitch="579" w:charSpace="-842"/>') =>
  `<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar ${margins} w:header="851" w:footer="992"/>${grid}</w:sectPr>`;
const FOOTER = `<w:p><w:pPr><w:jc w:val="right"/></w:pPr><w:r><w:rPr><w:sz w:val="28"/></w:rPr><w:t xml:space="preserve">— </w:t></w:r><w:r><w:rPr><w:sz w:val="28"/></w:rPr><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:rPr><w:sz w:val="28"/></w:rPr><w:instrText>PAGE</w:instrText></w:r><w:r><w:rPr><w:sz w:val="28"/></w:rPr><w:fldChar w:fldCharType="end"/></w:r><w:r><w:rPr><w:sz w:val="28"/></w:rPr><w:t xml:space="preserve"> —</w:t></w:r></w:p>`;
// Body style through a theme font and a basedOn chain; headings by direct run fonts.
const STYLES = `<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:eastAsiaTheme="minorEastAsia"/><w:sz w:val="32"/></w:rPr></w:rPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:pPr><w:ind w:firstLineChars="200" w:firstLine="640"/><w:jc w:val="both"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="GwTitle"><w:name w:val="公文标题"/><w:basedOn w:val="Normal"/><w:pPr><w:ind w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="center"/></w:pPr><w:rPr><w:rFonts w:eastAsia="方正小标宋简体"/><w:sz w:val="44"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="GwDate"><w:name w:val="日期"/><w:basedOn w:val="Normal"/><w:pPr><w:jc w:val="right"/></w:pPr></w:style>`;
const THEME = (ea: string) => `<a:fontScheme name="x"><a:majorFont><a:latin typeface="Arial"/><a:ea typeface=""/></a:majorFont><a:minorFont><a:latin typeface="Times New Roman"/><a:ea typeface=""/><a:font script="Hans" typeface="${ea}"/></a:minorFont></a:fontScheme>`;
const r = (text: string, rPr = '') => `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}<w:t>${text}</w:t></w:r>`;
const para = (pPr: string, ...runs: string[]) => `<w:p><w:pPr>${pPr}</w:pPr>${runs.join('')}</w:p>`;

function goodBody(sect = A4_SECT()) {
  return (
    para('<w:pStyle w:val="GwTitle"/>', r('关于2024年工作情况的报告')) +
    p('') +
    para('', r('一、主要工作', '<w:rFonts w:eastAsia="黑体"/>')) +
    para('', r('（一）强化理论武装', '<w:rFonts w:eastAsia="楷体_GB2312"/>')) +
    para('', r('1.抓好学习', '<w:rFonts w:eastAsia="仿宋_GB2312"/><w:b/>')) +
    para('', r('全年组织集体学习12次，形成调研报告3篇。')) +
    para('', r('我局将继续抓好各项工作。')) +
    p('') +
    para('<w:pStyle w:val="GwDate"/>', r('××局')) +
    para('<w:pStyle w:val="GwDate"/>', r('2024年12月20日')) +
    sect
  );
}

const rules = (bytes: Uint8Array, profile = GB_T_9704) => checkFormat(readDocx(bytes), profile).map((f) => `${f.finding.rule}@${f.paragraph}`);

test('format: a document in the GB/T 9704 layout has no format findings (theme font and style chain resolved)', () => {
  assert.deepEqual(rules(buildDocx({ body: goodBody(), styles: STYLES, theme: THEME('仿宋_GB2312'), footer: FOOTER })), []);
});

test('format: margins, page size, grid, fonts, indent, page number and date placement are reported', () => {
  const sect = `<w:sectPr><w:pgSz w:w="12240" w:h="15840"/><w:pgMar w:top="1440" w:bottom="1440" w:left="1800" w:right="1800"/></w:sectPr>`;
  const styles = STYLES.replace('<w:ind w:firstLineChars="200" w:firstLine="640"/>', '').replace('<w:pPr><w:jc w:val="right"/></w:pPr>', '');
  const footer = FOOTER.replace(/<w:sz w:val="28"\/>/g, '<w:sz w:val="21"/>').replace('— ', '').replace(' —', '');
  const found = rules(buildDocx({ body: goodBody(sect), styles, theme: THEME('宋体'), footer }));
  assert.deepEqual(found.sort(), [
    'format-body-font@6',
    'format-indent@3',
    'format-line-grid@0',
    'format-margins@0',
    'format-page-number@1',
    'format-page-size@0',
    'format-signature-date@10',
    'format-signature-date@9',
  ]);
  const doc = readDocx(buildDocx({ body: goodBody(sect), styles, theme: THEME('宋体'), footer }));
  const messages = checkFormat(doc).map((f) => f.finding.message);
  assert.ok(messages.includes('正文应为三号仿宋_GB2312，此处字体为宋体（共 2 段，此为第一段）'), messages.join('\n'));
  assert.ok(messages.some((m) => /页边距应为上 37 mm.*此文档上 25\.4 mm、下 25\.4 mm、左 31\.8 mm、右 31\.8 mm/.test(m)));
  assert.ok(messages.some((m) => /页码两侧应加一字线.*字号应为四号/.test(m)));
});

test('format: a heading in the wrong font and a non-bold level-3 heading', () => {
  const body = goodBody()
    .replace('<w:rFonts w:eastAsia="黑体"/>', '<w:rFonts w:eastAsia="宋体"/>')
    .replace('<w:rFonts w:eastAsia="仿宋_GB2312"/><w:b/>', '<w:rFonts w:eastAsia="仿宋_GB2312"/><w:b w:val="0"/>');
  const doc = readDocx(buildDocx({ body, styles: STYLES, theme: THEME('仿宋_GB2312'), footer: FOOTER }));
  assert.deepEqual(checkFormat(doc).map((f) => `${f.paragraph} ${f.finding.message}`), ['3 一级标题应为三号黑体，此处字体为宋体', '5 三级标题应为三号仿宋_GB2312加粗，此处未加粗']);
});

test('format: a unit profile from .gongwenrc.json (margins, body font) changes what is expected', () => {
  const { profile, problems } = profileFromConfig({ name: '某单位', margins: { top: 25.4, bottom: 25.4, left: 31.8, right: 31.8 }, fonts: { body: { fonts: ['宋体'] } }, grid: { lines: -1 }, colour: 1 });
  assert.deepEqual(problems, ['“format.grid.lines”应为正数，已忽略', '未知的格式配置项“format.colour”，已忽略']);
  assert.equal(profile.margins.top, 25.4);
  assert.equal(profile.grid.lines, 22);
  const sect = A4_SECT('w:top="1440" w:bottom="1440" w:left="1800" w:right="1800"', '<w:docGrid w:type="lines" w:linePitch="627"/>');
  const found = rules(buildDocx({ body: goodBody(sect), styles: STYLES, theme: THEME('宋体'), footer: FOOTER }), profile);
  assert.ok(!found.some((f) => f.startsWith('format-margins') || f.startsWith('format-body-font')), found.join());
  assert.ok(found.includes('format-line-grid@0'));
});

test('format: rule ids known to the config parser; CLI reports format findings, honours "off", reads `format`', () => {
  assert.deepEqual(FORMAT_RULES.map((r) => r.id).sort(), [...FORMAT_RULE_IDS].sort());
  assert.deepEqual(parseConfigText('{"rules": {"format-margins": "off"}, "format": {"margins": {"top": 30}}}', new Set()).problems, []);
  const dir = tempDir('gongwen-format-');
  const file = path.join(dir, 'report.docx');
  const sect = A4_SECT('w:top="1440" w:bottom="1984" w:left="1587" w:right="1474"');
  fs.writeFileSync(file, buildDocx({ body: goodBody(sect), styles: STYLES, theme: THEME('仿宋_GB2312'), footer: FOOTER }));
  const run = () => spawnSync(process.execPath, [BIN, 'check', file], { cwd: dir, encoding: 'utf8' });
  let out = run();
  assert.match(out.stdout, /report\.docx:页面设置 warning 页边距应为上 37 mm.*\[format-margins\]/);
  fs.writeFileSync(path.join(dir, '.gongwenrc.json'), '{"format": {"margins": {"top": 25.4}}}');
  out = run();
  assert.doesNotMatch(out.stdout, /format-margins/);
  assert.equal(out.stderr, '');
  fs.writeFileSync(path.join(dir, '.gongwenrc.json'), '{"rules": {"format-margins": "off"}, "format": {"indentChars": "two"}}');
  out = run();
  assert.doesNotMatch(out.stdout, /format-margins/);
  assert.match(out.stderr, /“format\.indentChars”应为正数/);
});
