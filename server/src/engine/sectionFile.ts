// The binary format of the prebuilt tables (segmentation/prebuilt.ts: the dictionaries; wrongchar/prebuilt.ts:
// the wrong-character tables): a header — magic, version, a fingerprint of the sources, the section count,
// then each section's length in elements — and 8-byte-aligned typed-array sections. Reading is one read into
// an ArrayBuffer (or a SharedArrayBuffer shared by threads) and views on it, with no parsing.

export type Section = Int32Array | Float64Array | Uint32Array | Uint16Array;
export type SectionKind = 'i32' | 'f64' | 'u32' | 'u16';
/** The sections of a file, by name and kind, in their order. */
export type SectionLayout = readonly (readonly [string, SectionKind])[];

/** One kind of file: what identifies it, and what its messages call it. */
export interface SectionFileKind {
  magic: number;
  /** Bumped whenever the layout or the way a table is built changes: an older file is then refused. */
  version: number;
  /** The file, in Chinese, for "不是 gongwen 的…". */
  name: string;
  /** Why a file made from other sources is refused, in Chinese. */
  stale: string;
}

const VIEWS = { i32: Int32Array, f64: Float64Array, u32: Uint32Array, u16: Uint16Array };

export function align(bytes: number): number {
  return Math.ceil(bytes / 8) * 8;
}

/** The file's bytes. */
export function encodeSections(kind: SectionFileKind, fingerprint: number, sections: readonly Section[]): Uint8Array {
  const headerBytes = align(4 * (4 + sections.length));
  let size = headerBytes;
  for (const s of sections) size += align(s.byteLength);
  const out = new Uint8Array(size);
  const header = new Uint32Array(out.buffer, 0, headerBytes / 4);
  header.set([kind.magic, kind.version, fingerprint >>> 0, sections.length]);
  sections.forEach((s, i) => (header[4 + i] = s.length));
  let at = headerBytes;
  for (const s of sections) {
    out.set(new Uint8Array(s.buffer, s.byteOffset, s.byteLength), at);
    at += align(s.byteLength);
  }
  return out;
}

/**
 * Views on the sections of `buffer` (8-byte aligned), by name, or a Chinese description of what is wrong with
 * it. `fingerprint` undefined: any sources are accepted.
 */
export function decodeSections(buffer: ArrayBufferLike, kind: SectionFileKind, layout: SectionLayout, fingerprint: number | undefined): Record<string, Section> | string {
  if (buffer.byteLength < 16) return '文件不完整';
  const head = new Uint32Array(buffer, 0, 4);
  if (head[0] !== kind.magic) return `不是 gongwen 的${kind.name}`;
  if (head[1] !== kind.version) return `版本 ${head[1]} 与程序（${kind.version}）不符`;
  if (fingerprint !== undefined && head[2] !== fingerprint >>> 0) return kind.stale;
  if (head[3] !== layout.length || buffer.byteLength < align(4 * (4 + layout.length))) return '文件结构不对';
  const lengths = new Uint32Array(buffer, 16, layout.length);
  let at = align(4 * (4 + layout.length));
  const sections: Record<string, Section> = {};
  for (let i = 0; i < layout.length; i++) {
    const [name, sectionKind] = layout[i];
    const View = VIEWS[sectionKind];
    const bytes = lengths[i] * View.BYTES_PER_ELEMENT;
    if (at + bytes > buffer.byteLength) return '文件不完整';
    sections[name] = new (View as unknown as new (b: ArrayBufferLike, o: number, l: number) => Section)(buffer, at, lengths[i]);
    at += align(bytes);
  }
  if (at !== buffer.byteLength) return '文件长度不对';
  return sections;
}
