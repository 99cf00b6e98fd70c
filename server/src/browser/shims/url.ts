// node:url in the web extension's server bundle: the two helpers the shared code uses, for file: URLs.
export function fileURLToPath(url: string | URL): string {
  const parsed = typeof url === 'string' ? new URL(url) : url;
  if (parsed.protocol !== 'file:') throw new TypeError('The URL must be of scheme file');
  return decodeURIComponent(parsed.pathname);
}

export function pathToFileURL(file: string): URL {
  return new URL(`file://${file.split('/').map(encodeURIComponent).join('/')}`);
}

export default { fileURLToPath, pathToFileURL };
