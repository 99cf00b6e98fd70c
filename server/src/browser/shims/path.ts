// node:path in the web extension's server bundle: POSIX paths, the functions the shared code calls (it only
// ever sees paths of file: URIs there, and the file-system shim has no files).
export const sep = '/';
export const delimiter = ':';

export function normalize(p: string): string {
  const absolute = p.startsWith('/');
  const parts: string[] = [];
  for (const part of p.split('/')) {
    if (!part || part === '.') continue;
    if (part === '..') {
      if (parts.length && parts[parts.length - 1] !== '..') parts.pop();
      else if (!absolute) parts.push('..');
    } else parts.push(part);
  }
  const joined = parts.join('/');
  return absolute ? `/${joined}` : joined || '.';
}

export const isAbsolute = (p: string): boolean => p.startsWith('/');
export const join = (...parts: string[]): string => normalize(parts.filter(Boolean).join('/'));

export function resolve(...parts: string[]): string {
  let result = '';
  for (const part of parts) result = isAbsolute(part) ? part : `${result}/${part}`;
  return normalize(isAbsolute(result) ? result : `/${result}`);
}

export function dirname(p: string): string {
  const n = normalize(p);
  const at = n.lastIndexOf('/');
  return at < 0 ? '.' : at === 0 ? '/' : n.slice(0, at);
}

export function basename(p: string, ext?: string): string {
  const base = normalize(p).split('/').pop() ?? '';
  return ext && base.endsWith(ext) ? base.slice(0, -ext.length) : base;
}

export function extname(p: string): string {
  const base = basename(p);
  const at = base.lastIndexOf('.');
  return at > 0 ? base.slice(at) : '';
}

export function relative(from: string, to: string): string {
  const a = resolve(from).split('/').filter(Boolean);
  const b = resolve(to).split('/').filter(Boolean);
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) common++;
  return [...a.slice(common).map(() => '..'), ...b.slice(common)].join('/');
}

const posix = { sep, delimiter, normalize, isAbsolute, join, resolve, dirname, basename, extname, relative };
export default { ...posix, posix };
