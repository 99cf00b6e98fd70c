import * as fs from 'node:fs';
import * as path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import type * as Iconv from 'iconv-lite';

/** A text file as read from disk, with what is needed to write it back the same way. */
export interface TextFile {
  path: string;
  text: string;
  encoding: 'utf8' | 'utf16le' | 'gb18030';
  bom: boolean;
}

const MAX_FILE_BYTES = 64 * 1024 * 1024;

/** The bytes of a file of at most `maxBytes`; a missing, unreadable or too large file is an Error in Chinese. */
export function readFileBytes(file: string, maxBytes: number): Buffer {
  try {
    const stat = fs.statSync(file);
    if (stat.isDirectory()) throw new Error(`${file} 是目录，不是文件`);
    if (stat.size > maxBytes) throw new Error(`${file} 超过 ${maxBytes / 1024 / 1024} MB，未检查`);
    return fs.readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new Error(`找不到文件 ${file}`);
    if (code === 'EACCES') throw new Error(`没有权限读取 ${file}`);
    throw error;
  }
}

/**
 * Reads UTF-8 (with or without BOM), UTF-16LE with BOM, or GB18030/GBK (what Chinese Windows tools save).
 * Bytes that are not valid in any of them are an error, so that `--fix` never writes back replacement
 * characters in place of the user's text.
 */
export function readTextFile(file: string): TextFile {
  const bytes = readFileBytes(file, MAX_FILE_BYTES);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { path: file, text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf16le', bom: true };
  }
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bom ? bytes.subarray(3) : bytes);
  } catch {
    const gb = bom ? undefined : decodeGb18030(bytes);
    if (gb === undefined) throw new Error(`${file} 既不是有效的 UTF-8 文本，也不是 GB18030/GBK 文本（请另存为 UTF-8 后再检查）`);
    return { path: file, text: gb, encoding: 'gb18030', bom: false };
  }
  return { path: file, text, encoding: 'utf8', bom };
}

/**
 * Decodes bytes that are not UTF-8 as GB18030 (a superset of GBK and GB2312), or gives undefined when
 * they do not look like a Chinese text in it: every byte must decode (no replacement character), encoding
 * the result again must give the same bytes (so `--fix` changes only what it fixes), no control characters
 * besides tab, line breaks and form feed, and most characters must be Han, CJK punctuation, full-width
 * forms, Latin-1 or ASCII — random binary data decodes to rare characters all over the planes.
 */
export function decodeGb18030(bytes: Uint8Array): string | undefined {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = iconv().decode(buffer, 'gb18030');
  if (text.includes('\ufffd')) return undefined;
  if (!iconv().encode(text, 'gb18030').equals(buffer)) return undefined;
  let common = 0;
  let total = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) return undefined;
    total++;
    if (c < 0x7f || (c >= 0xa0 && c <= 0xff) || (c >= 0x2000 && c <= 0x20cf) || (c >= 0x3000 && c <= 0x303f)) common++;
    else if ((c >= 0x3400 && c <= 0x9fff) || (c >= 0xff00 && c <= 0xffef) || (c >= 0x20000 && c <= 0x2ebef)) common++;
  }
  return total === 0 || common / total >= 0.9 ? text : undefined;
}

/** iconv-lite (GB 18030). */
function iconv(): typeof Iconv {
  // Required on first use, not at start: scripts/build.mjs bundles it apart (a check of a text file never needs it).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('iconv-lite') as typeof Iconv;
}

function encodeText(text: string, encoding: TextFile['encoding']): Buffer {
  if (encoding === 'gb18030') return iconv().encode(text, 'gb18030');
  return Buffer.from(text, encoding);
}

/**
 * Writes through a temporary file and a rename, so a crash never leaves a half-written report.
 * Keeps the encoding, the BOM and the file mode; refuses a read-only file.
 */
export async function writeTextFileAtomic(file: string, original: TextFile, text: string): Promise<void> {
  const stat = fs.statSync(file);
  // Check the mode bits rather than access(): as root, access() says yes even for a 0444 file.
  if ((stat.mode & 0o222) === 0) throw new Error(`${file} 是只读文件，未写入修改（去掉只读属性后再运行 --fix）`);
  try {
    fs.accessSync(path.dirname(path.resolve(file)), fs.constants.W_OK);
  } catch {
    throw new Error(`无法写入 ${file} 所在目录，未写入修改`);
  }
  const body = encodeText(text, original.encoding);
  const bom = original.bom ? (original.encoding === 'utf16le' ? Buffer.from([0xff, 0xfe]) : Buffer.from([0xef, 0xbb, 0xbf])) : Buffer.alloc(0);
  await writeFileAtomic(file, Buffer.concat([bom, body]), { mode: stat.mode & 0o7777 });
}
