import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { strToU8, zipSync } from 'fflate';
import { Linter } from '../../server/src/engine';
import { checkDocx } from '../../server/src/docx/check';
import { DocxError } from '../../server/src/docx/errors';
import { chineseCounting } from '../../server/src/docx/numbering';
import { readDocx } from '../../server/src/docx/read';
import { buildDocx, GONGWEN_NUMBERING, numbered, p } from '../helpers/docx';

const linter = new Linter({});

test('docx read: body paragraphs one per line, tables and header/footer kept apart, deletions and field codes left out', () => {
  const body =
    p('关于2024年工作情况的报告') +
    p('') +
    p(['一、', '主要', '工作']) +
    `<w:tbl><w:tr><w:tc>${p('表格中的文字')}</w:tc><w:tc>${p('第二格')}</w:tc></w:tr></w:tbl>` +
    `<w:p><w:r><w:t>保留</w:t></w:r><w:del w:id="1" w:author="a"><w:r><w:delText>删掉</w:delText></w:r></w:del><w:ins w:id="2" w:author="a"><w:r><w:t>插入</w:t></w:r></w:ins>` +
    `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>`;
  const doc = readDocx(buildDocx({ body, footer: p('— 1 —'), header: p('内部资料') }));
  const kinds = doc.parts.map((x) => x.kind);
  assert.deepEqual(kinds, ['body', 'table', 'header', 'footer']);
  assert.equal(doc.parts[0].text, '关于2024年工作情况的报告\n\n一、主要工作\n保留插入3');
  assert.equal(doc.parts[1].text, '表格中的文字\n第二格');
  assert.deepEqual(doc.parts[1].paragraphs.map((x) => x.number), [4, 5], 'table paragraphs count in document order');
  assert.equal(doc.parts[0].paragraphs[3].number, 6);
  assert.equal(doc.parts[3].text, '— 1 —');
});

test('docx read: automatic numbering rendered into the text (chineseCounting, levels restart, lvlText)', () => {
  const body =
    p('一级甲', numbered(1, 0)) +
    p('二级甲', numbered(1, 1)) +
    p('二级乙', numbered(1, 1)) +
    p('三级甲', numbered(1, 2)) +
    p('一级乙', numbered(1, 0)) +
    p('二级重新开始', numbered(1, 1));
  const doc = readDocx(buildDocx({ body, numbering: GONGWEN_NUMBERING }));
  assert.equal(doc.parts[0].text, '一、一级甲\n（一）二级甲\n（二）二级乙\n1、三级甲\n二、一级乙\n（一）二级重新开始');
  assert.deepEqual([1, 10, 11, 20, 21, 100, 105, 110].map(chineseCounting), ['一', '十', '十一', '二十', '二十一', '一百', '一百零五', '一百一十']);
});

test('docx check: a wrong automatic heading number is found and located by paragraph and offset', () => {
  const body = p('关于2024年工作情况的报告') + p('') + p('主要工作', numbered(1, 0)) + p('工作', numbered(1, 1)) + p('强化质量基础支撑。', numbered(1, 2)) + p(['截止11月底,完成', '排查。']);
  const doc = readDocx(buildDocx({ body, numbering: GONGWEN_NUMBERING }));
  const [body0] = checkDocx(doc, linter);
  const marker = body0.located.find((f) => f.finding.rule === 'heading-marker');
  assert.ok(marker, JSON.stringify(body0.located.map((f) => f.finding.rule)));
  assert.equal(marker.paragraph, 5);
  assert.equal(marker.offset, 0);
  assert.equal(marker.text, '1、');
  const comma = body0.located.find((f) => f.finding.rule === 'halfwidth-punctuation');
  assert.ok(comma);
  assert.equal(comma.paragraph, 6);
  assert.equal(comma.offset, 6);
  assert.equal(comma.text, ',');
  assert.match(comma.context, /11月底,完成/);
});

function rejects(bytes: Uint8Array, pattern: RegExp) {
  assert.throws(() => readDocx(bytes, 'x.docx'), (e: unknown) => e instanceof DocxError && pattern.test((e as Error).message));
}

test('docx read: bad input is refused with a clear Chinese error', () => {
  const ole = new Uint8Array(1024);
  ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  rejects(ole, /旧版二进制格式（\.doc 或 WPS 的 \.wps）/);
  const encrypted = new Uint8Array(2048);
  encrypted.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  encrypted.set(Buffer.from('EncryptedPackage', 'utf16le'), 900);
  rejects(encrypted, /已加密/);
  rejects(strToU8('一段纯文本'), /不是 \.docx 文件/);
  rejects(strToU8('PK\x03\x04broken'), /压缩包损坏/);
  rejects(buildDocx({ body: p('') + p('  ') }), /没有文字/);
  rejects(buildDocx({ body: '', documentXml: '<w:document xmlns:w="x"><w:body><w:p></w:body></w:document>' }), /不是格式正确的 XML/);
  const xxe = `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><w:document xmlns:w="x"><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>`;
  rejects(buildDocx({ body: '', documentXml: xxe }), /DTD/);
  const bomb = `<!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><w:document xmlns:w="x"><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>`;
  rejects(buildDocx({ body: '', documentXml: bomb }), /DTD/);
});

test('docx read: a zip bomb (an entry declaring a huge size) is refused before inflating', () => {
  const zip = zipSync({ 'word/document.xml': new Uint8Array(1000), '_rels/.rels': strToU8('<x/>') });
  // Rewrite the uncompressed size of the central directory entry for word/document.xml to 3 GB.
  const view = Buffer.from(zip);
  let at = view.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
  while (at >= 0) {
    const nameLength = view.readUInt16LE(at + 28);
    if (view.toString('utf8', at + 46, at + 46 + nameLength) === 'word/document.xml') view.writeUInt32LE(3_000_000_000, at + 24);
    at = view.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), at + 4);
  }
  rejects(view, /压缩炸弹/);
});

test('docx read: a part whose real content exceeds its declared size is cut at the declared size, never grown', () => {
  const big = strToU8(`<w:document xmlns:w="x"><w:body>${p('内容'.repeat(50000))}</w:body></w:document>`);
  const zip = Buffer.from(zipSync({ 'word/document.xml': big }));
  let at = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
  zip.writeUInt32LE(100, at + 24);
  rejects(zip, /不是格式正确的 XML|不是 UTF-8 编码|压缩包损坏/);
});
