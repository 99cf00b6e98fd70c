import { unzipSync, zipSync, Zippable } from 'fflate';
import { DocxError } from './errors';
import { attr, children, parseXml, XmlElement } from './xml';

/** Size limits: a 40-page report's document.xml is ~1–3 MB; these leave room and stop zip bombs. */
export const PACKAGE_LIMITS = {
  maxFileBytes: 100 * 1024 * 1024,
  maxPartBytes: 64 * 1024 * 1024,
  maxTotalBytes: 256 * 1024 * 1024,
  maxEntries: 10_000,
};

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** The parts of a .docx, unzipped, with the main document's relationships resolved. */
export interface DocxPackage {
  parts: Map<string, Uint8Array>;
  /** Path of the main document part (word/document.xml as a rule). */
  main: string;
  /** Relationship id → target part path, for the main document. */
  relationships: Map<string, { type: string; target: string }>;
}

function isOle(bytes: Uint8Array): boolean {
  return OLE_MAGIC.every((b, i) => bytes[i] === b);
}

/** An OLE compound file holding "EncryptedPackage" is an encrypted OOXML file (Office's password protection). */
function isEncrypted(bytes: Uint8Array): boolean {
  const needle = Buffer.from('EncryptedPackage', 'utf16le');
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(needle);
}

/**
 * Opens a .docx: refuses legacy binary files (.doc, .wps: OLE compound files), encrypted files and zip
 * archives whose declared sizes pass the limits (fflate inflates each entry into a buffer of its declared
 * size and never beyond, so a lying header cannot make it allocate more).
 */
export function openPackage(bytes: Uint8Array, name = '文件'): DocxPackage {
  if (bytes.length > PACKAGE_LIMITS.maxFileBytes) throw new DocxError(`${name} 超过 100 MB，未读取`);
  if (isOle(bytes)) {
    if (isEncrypted(bytes)) throw new DocxError(`${name} 已加密（设置了打开密码），无法读取；请在 Word 中取消密码后另存为 .docx`);
    throw new DocxError(`${name} 是旧版二进制格式（.doc 或 WPS 的 .wps），不是 .docx；请在 Word 或 WPS 中另存为 .docx 后再检查`);
  }
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new DocxError(`${name} 不是 .docx 文件（不是 zip 压缩包）`);
  let total = 0;
  let entries = 0;
  let parts: Record<string, Uint8Array>;
  try {
    parts = unzipSync(bytes, {
      filter(file) {
        if (++entries > PACKAGE_LIMITS.maxEntries) throw new DocxError(`${name} 包含的条目过多，拒绝读取`);
        if (file.name.endsWith('/')) return false;
        // Only XML parts and relationships are read; media (images, fonts) are skipped unread.
        if (!/\.(xml|rels)$/i.test(file.name)) return false;
        if (file.originalSize > PACKAGE_LIMITS.maxPartBytes) throw new DocxError(`${name} 中的 ${file.name} 解压后过大（${Math.round(file.originalSize / 1048576)} MB），可能是压缩炸弹，拒绝读取`);
        total += file.originalSize;
        if (total > PACKAGE_LIMITS.maxTotalBytes) throw new DocxError(`${name} 解压后总量过大，可能是压缩炸弹，拒绝读取`);
        return true;
      },
    });
  } catch (error) {
    if (error instanceof DocxError) throw error;
    throw new DocxError(`${name} 不是有效的 .docx 文件（压缩包损坏：${(error as Error).message}）`);
  }
  const map = new Map(Object.entries(parts));
  const main = mainDocumentPath(map, name);
  return { parts: map, main, relationships: relationshipsOf(map, main) };
}

export function partXml(pkg: DocxPackage, part: string): XmlElement | undefined {
  const bytes = pkg.parts.get(part);
  if (!bytes) return undefined;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new DocxError(`${part} 不是 UTF-8 编码的 XML`);
  }
  return parseXml(text, part);
}

function mainDocumentPath(parts: Map<string, Uint8Array>, name: string): string {
  const rels = parts.get('_rels/.rels');
  if (rels) {
    const root = parseXml(new TextDecoder().decode(rels), '_rels/.rels');
    for (const r of children(root, 'Relationship')) {
      if (attr(r, 'Type')?.endsWith('/officeDocument')) {
        const target = (attr(r, 'Target') ?? '').replace(/^\//, '');
        if (parts.has(target)) return target;
      }
    }
  }
  if (parts.has('word/document.xml')) return 'word/document.xml';
  throw new DocxError(`${name} 中没有 Word 文档正文（word/document.xml），不是 Word 文档`);
}

/** Resolves a relationship target relative to the part that owns it. */
export function resolveTarget(fromPart: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const segments = fromPart.split('/').slice(0, -1);
  for (const s of target.split('/')) {
    if (s === '..') segments.pop();
    else if (s !== '.') segments.push(s);
  }
  return segments.join('/');
}

export function relsPathOf(part: string): string {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

function relationshipsOf(parts: Map<string, Uint8Array>, main: string) {
  const result = new Map<string, { type: string; target: string }>();
  const bytes = parts.get(relsPathOf(main));
  if (!bytes) return result;
  const root = parseXml(new TextDecoder().decode(bytes), relsPathOf(main));
  for (const r of children(root, 'Relationship')) {
    if (attr(r, 'TargetMode') === 'External') continue;
    const type = (attr(r, 'Type') ?? '').split('/').pop() ?? '';
    result.set(attr(r, 'Id') ?? '', { type, target: resolveTarget(main, attr(r, 'Target') ?? '') });
  }
  return result;
}

/** The first part related to the main document with this relationship type (`styles`, `numbering`, `theme` …). */
export function relatedPart(pkg: DocxPackage, type: string): string | undefined {
  for (const r of pkg.relationships.values()) if (r.type === type && pkg.parts.has(r.target)) return r.target;
  return undefined;
}

/** Re-zips the original archive with some parts replaced or added (every original entry is kept, media included). */
export function repackage(original: Uint8Array, replaced: Map<string, Uint8Array>): Uint8Array {
  const all = unzipSync(original, {
    filter: (f) => {
      if (f.originalSize > PACKAGE_LIMITS.maxTotalBytes) throw new DocxError(`${f.name} 解压后过大，未写出副本`);
      return true;
    },
  });
  const files: Zippable = {};
  for (const [k, v] of Object.entries(all)) files[k] = v;
  for (const [k, v] of replaced) files[k] = v;
  return zipSync(files, { level: 6 });
}
