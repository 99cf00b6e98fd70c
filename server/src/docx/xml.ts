import type * as Saxes from 'saxes';
import { DocxError } from './errors';

/** An XML element as read from a part: qualified names as written (`w:p`), attributes and children in order. */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

/** Limits that keep a hostile part from exhausting memory or the stack. */
export const XML_LIMITS = { maxElements: 3_000_000, maxDepth: 256 };

/**
 * Parses a part into a tree with saxes (non-validating, streaming). A DOCTYPE is refused outright: Office
 * never writes one, and refusing it means no entity — internal or external — is ever expanded or resolved.
 */
export function parseXml(source: string, part: string): XmlElement {
  // Required on first use, not at start: scripts/build.mjs bundles it apart (a check of a text file never needs it).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { SaxesParser } = require('saxes') as typeof Saxes;
  const parser = new SaxesParser({ xmlns: false, position: false });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let elements = 0;
  let failure: string | undefined;
  parser.on('doctype', () => {
    failure = `${part} 含有 DTD（DOCTYPE），为安全起见拒绝读取`;
    throw new DocxError(failure);
  });
  parser.on('opentag', (tag) => {
    if (++elements > XML_LIMITS.maxElements) throw new DocxError(`${part} 的元素过多（超过 ${XML_LIMITS.maxElements}），拒绝读取`);
    if (stack.length >= XML_LIMITS.maxDepth) throw new DocxError(`${part} 的嵌套层数过深，拒绝读取`);
    const element: XmlElement = { name: tag.name, attrs: tag.attributes as Record<string, string>, children: [] };
    if (stack.length) stack[stack.length - 1].children.push(element);
    else root = element;
    stack.push(element);
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  const onText = (text: string) => {
    if (stack.length) stack[stack.length - 1].children.push(text);
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('error', (error) => {
    throw error;
  });
  try {
    parser.write(source).close();
  } catch (error) {
    if (error instanceof DocxError) throw error;
    throw new DocxError(`${part} 不是格式正确的 XML（${(error as Error).message.split('\n')[0]}）`);
  }
  if (failure) throw new DocxError(failure);
  if (!root) throw new DocxError(`${part} 是空的 XML`);
  return root;
}

export function child(element: XmlElement | undefined, name: string): XmlElement | undefined {
  if (!element) return undefined;
  for (const c of element.children) if (typeof c !== 'string' && c.name === name) return c;
  return undefined;
}

export function children(element: XmlElement | undefined, name: string): XmlElement[] {
  if (!element) return [];
  return element.children.filter((c): c is XmlElement => typeof c !== 'string' && c.name === name);
}

/** Follows a path of child names (`w:pPr`, `w:numPr`, `w:ilvl`). */
export function path(element: XmlElement | undefined, ...names: string[]): XmlElement | undefined {
  let current = element;
  for (const name of names) current = child(current, name);
  return current;
}

export function attr(element: XmlElement | undefined, name: string): string | undefined {
  return element?.attrs[name];
}

/** Word's on/off properties: `<w:b/>` is on, `<w:b w:val="0"/>` (or false/off) is off. */
export function isOn(element: XmlElement | undefined): boolean | undefined {
  if (!element) return undefined;
  const v = element.attrs['w:val'];
  return !(v === '0' || v === 'false' || v === 'off');
}

export function textOf(node: XmlNode): string {
  return typeof node === 'string' ? node : node.children.map(textOf).join('');
}

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (s: string) => escapeText(s).replace(/"/g, '&quot;');

/** Writes a tree back as a part (UTF-8, standalone declaration as Word writes it). */
export function serializeXml(root: XmlElement): string {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'];
  const write = (node: XmlNode) => {
    if (typeof node === 'string') {
      out.push(escapeText(node));
      return;
    }
    out.push('<', node.name);
    for (const [k, v] of Object.entries(node.attrs)) out.push(' ', k, '="', escapeAttr(v), '"');
    if (node.children.length === 0) {
      out.push('/>');
      return;
    }
    out.push('>');
    for (const c of node.children) write(c);
    out.push('</', node.name, '>');
  };
  write(root);
  return out.join('');
}

export function element(name: string, attrs: Record<string, string> = {}, ...kids: XmlNode[]): XmlElement {
  return { name, attrs, children: kids };
}
