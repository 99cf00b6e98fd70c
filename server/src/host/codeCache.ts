// Runs a CommonJS bundle from a V8 code cache saved by an earlier start (the same bundle, V8 and flags).
// Why: of the language server's ~180 ms from start to the first diagnostics, ~40 ms went to compiling its
// bundle and the functions of the first lint (docs/notes/perf.md, "Cold start, fourth round"). The cache only saves time:
// no folder, an unwritable one, a damaged or foreign file, V8 refusing it — the bundle is then compiled as
// without a cache and nothing is reported (unless GONGWEN_CODE_CACHE=log asks for it on stderr).
import * as fs from 'node:fs';
import Module from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vm from 'node:vm';

/** What happened to the cache at this start. */
export type CodeCacheState = 'used' | 'rejected' | 'absent' | 'off';

/** The global a bundle calls (through `codeCacheReady`) once the code worth caching has run. */
const READY = Symbol.for('gongwen.codeCacheReady');

/**
 * The folder for gongwen's caches: GONGWEN_CACHE_DIR if set (VS Code's client gives the extension's global
 * storage), else the platform's per-user cache folder; undefined when GONGWEN_CODE_CACHE=off.
 */
export function codeCacheDirectory(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home: string = os.homedir()): string | undefined {
  if (env.GONGWEN_CODE_CACHE === 'off') return undefined;
  if (env.GONGWEN_CACHE_DIR) return env.GONGWEN_CACHE_DIR;
  if (platform === 'win32') return path.join(env.LOCALAPPDATA || path.join(home, 'AppData', 'Local'), 'gongwen', 'Cache');
  if (platform === 'darwin') return path.join(home, 'Library', 'Caches', 'gongwen');
  return path.join(env.XDG_CACHE_HOME || path.join(home, '.cache'), 'gongwen');
}

/**
 * The cache file's name: the bundle's name and build hash, V8's version, the architecture and the V8 flags
 * given on the command line (V8 refuses a cache made under other flags; each set of flags keeps its own).
 */
export function codeCacheFileName(bundle: string, bundleHash: string, execArgv: readonly string[] = process.execArgv): string {
  const flags = fnv1a(execArgv.join('\u0000')).toString(36);
  return `${path.basename(bundle, '.js')}-${bundleHash}-v8-${process.versions.v8}-${process.arch}-${flags}.cache`;
}

/**
 * Runs `bundle` as a CommonJS module of its own (its own `require`, `__dirname`, `module`), compiled from the
 * cache in `directory` when it is there and V8 takes it. When no cache was used, one is written as soon as the bundle calls `codeCacheReady()` —
 * once the code of the first request has run, so that its functions are in the cache too.
 */
export function requireWithCodeCache(bundle: string, bundleHash: string | undefined, directory: string | undefined, log: (message: string) => void = () => {}): CodeCacheState {
  const source = fs.readFileSync(bundle, 'utf8');
  const file = directory && bundleHash ? path.join(directory, codeCacheFileName(bundle, bundleHash)) : undefined;
  let cachedData: Buffer | undefined;
  if (file) {
    try {
      cachedData = fs.readFileSync(file);
    } catch {
      // No cache yet.
    }
  }
  const script = new vm.Script(Module.wrap(source), { filename: bundle, cachedData });
  const state: CodeCacheState = !file ? 'off' : !cachedData ? 'absent' : script.cachedDataRejected ? 'rejected' : 'used';
  log(`code cache ${state}${file ? `: ${file}` : ''}`);
  if (file && state !== 'used') {
    (globalThis as Record<symbol, unknown>)[READY] = () => {
      delete (globalThis as Record<symbol, unknown>)[READY];
      writeCache(script, file, log);
    };
  }
  const loaded = new Module(bundle);
  loaded.filename = bundle;
  loaded.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(path.dirname(bundle));
  const run = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: Module, filename: string, dirname: string) => void;
  run(loaded.exports, Module.createRequire(bundle), loaded, bundle, path.dirname(bundle));
  loaded.loaded = true;
  return state;
}

/** Called by a bundle run through requireWithCodeCache once its start-up code has run; otherwise does nothing. */
export function codeCacheReady(): void {
  const ready = (globalThis as Record<symbol, unknown>)[READY];
  if (typeof ready === 'function') setImmediate(ready as () => void);
}

function writeCache(script: vm.Script, file: string, log: (message: string) => void): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    const data = script.createCachedData();
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(temporary, data);
    fs.renameSync(temporary, file);
    log(`code cache written: ${file} (${data.length} bytes)`);
    removeOtherBuilds(file, log);
  } catch (error) {
    log(`code cache not written: ${(error as Error).message}`);
    try {
      fs.rmSync(temporary, { force: true });
    } catch {
      // The folder could not be made: there is no temporary file.
    }
  }
}

/**
 * Removes the caches of other builds of the same bundle (an update leaves them behind); the same build's
 * caches for another V8 (Node's and VS Code's Electron) or other flags are kept.
 */
function removeOtherBuilds(file: string, log: (message: string) => void): void {
  const directory = path.dirname(file);
  const [, bundleName, hash] = /^(.*)-([^-]+)-v8-/.exec(path.basename(file)) ?? [];
  if (!bundleName) return;
  try {
    for (const other of fs.readdirSync(directory)) {
      const match = /^(.*)-([^-]+)-v8-.*\.cache$/.exec(other);
      if (match && match[1] === bundleName && match[2] !== hash) fs.rmSync(path.join(directory, other), { force: true });
    }
  } catch (error) {
    log(`older code caches not removed: ${(error as Error).message}`);
  }
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash;
}
