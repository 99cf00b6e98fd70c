// dist/server.js: starts the language server (dist/server-main.js) from V8's code cache when one was saved
// (host/codeCache.ts says why and where). Run with `node dist/server.js --stdio`.
import * as path from 'node:path';
import { codeCacheDirectory, requireWithCodeCache } from './host/codeCache';

/** The server bundle's content hash, written in by scripts/build.mjs (undefined when run from out/ by tsc's output). */
declare const GONGWEN_SERVER_MAIN_HASH: string | undefined;

const bundle = path.join(__dirname, 'server-main.js');
const hash = typeof GONGWEN_SERVER_MAIN_HASH === 'string' ? GONGWEN_SERVER_MAIN_HASH : undefined;
const log = process.env.GONGWEN_CODE_CACHE === 'log' ? (message: string) => process.stderr.write(`gongwen: ${message}\n`) : undefined;
let directory: string | undefined;
try {
  directory = hash ? codeCacheDirectory() : undefined;
} catch {
  // No home folder to find a cache folder in: start without a cache.
}
requireWithCodeCache(bundle, hash, directory, log);
