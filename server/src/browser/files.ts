// How the web extension's server reads the files it ships (the character tables, the snippets, the
// dictionaries and the WebAssembly segmenter): over fetch from the extension's location, which the client
// passes at initialization. Where that location is not one a worker can fetch (an extension installed on
// a remote host is a vscode-remote: URI), the client reads the file for it (vscode.workspace.fs).
export type ReadFile = (relativePath: string) => Promise<Uint8Array>;

/** The request the client answers with a file of the extension (params: { path }, result: its bytes). */
export const READ_EXTENSION_FILE_REQUEST = 'gongwen/readExtensionFile';

export interface FileReader {
  read: ReadFile;
  /** How the files arrived so far ('fetch', 'client'): the log line and the tests say which. */
  readonly via: Set<string>;
}

function asBytes(value: unknown): Uint8Array {
  if (value instanceof Uint8Array) return value;
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  if (Array.isArray(value)) return Uint8Array.from(value as number[]);
  // JSON-encoded typed arrays arrive as { "0": …, "1": … }.
  if (value && typeof value === 'object') return Uint8Array.from(Object.values(value as Record<string, number>));
  throw new Error('返回的内容不是字节');
}

/** Fetches below `base` (a URL ending in /), and asks `fromClient` when fetch cannot get the file. */
export function fileReader(base: string | undefined, fromClient: (relativePath: string) => Promise<unknown>): FileReader {
  const via = new Set<string>();
  const fetchable = base !== undefined && /^(https?|blob|data):/i.test(base);
  return {
    via,
    read: async (relativePath) => {
      let fetchProblem = '';
      if (fetchable) {
        try {
          const response = await fetch(new URL(relativePath, base));
          if (response.ok) {
            via.add('fetch');
            return new Uint8Array(await response.arrayBuffer());
          }
          fetchProblem = `HTTP ${response.status}`;
        } catch (error) {
          fetchProblem = (error as Error).message;
        }
      }
      try {
        const bytes = asBytes(await fromClient(relativePath));
        via.add('client');
        return bytes;
      } catch (error) {
        throw new Error(`无法读取扩展文件 ${relativePath}（${[fetchProblem, (error as Error).message].filter(Boolean).join('；')}）`);
      }
    },
  };
}
