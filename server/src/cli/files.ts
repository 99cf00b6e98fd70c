import * as fs from 'node:fs';
import * as path from 'node:path';
import writeFileAtomic from 'write-file-atomic';

/** A text file as read from disk, with what is needed to write it back the same way. */
export interface TextFile {
  path: string;
  text: string;
  encoding: 'utf8' | 'utf16le';
  bom: boolean;
}

const MAX_FILE_BYTES = 64 * 1024 * 1024;

/**
 * Reads UTF-8 (with or without BOM) or UTF-16LE with BOM. Bytes that are not valid in the encoding are
 * an error, so that `--fix` never writes back replacement characters in place of the user's text.
 */
export function readTextFile(file: string): TextFile {
  let bytes: Buffer;
  try {
    const stat = fs.statSync(file);
    if (stat.isDirectory()) throw new Error(`${file} 是目录，不是文件`);
    if (stat.size > MAX_FILE_BYTES) throw new Error(`${file} 超过 64 MB，未检查`);
    bytes = fs.readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new Error(`找不到文件 ${file}`);
    if (code === 'EACCES') throw new Error(`没有权限读取 ${file}`);
    throw error;
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { path: file, text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf16le', bom: true };
  }
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bom ? bytes.subarray(3) : bytes);
  } catch {
    throw new Error(`${file} 不是有效的 UTF-8 文本（请另存为 UTF-8 后再检查）`);
  }
  return { path: file, text, encoding: 'utf8', bom };
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
  const body = original.encoding === 'utf16le' ? Buffer.from(text, 'utf16le') : Buffer.from(text, 'utf8');
  const bom = original.bom ? (original.encoding === 'utf16le' ? Buffer.from([0xff, 0xfe]) : Buffer.from([0xef, 0xbb, 0xbf])) : Buffer.alloc(0);
  await writeFileAtomic(file, Buffer.concat([bom, body]), { mode: stat.mode & 0o7777 });
}
