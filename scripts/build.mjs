// Builds everything `npm install` / `npm test` need:
//  1. `tsc -b` type-checks client, server and tests and emits out/ (the tests run from there),
//     and writes the prebuilt dictionaries from nodejieba's;
//  2. esbuild bundles the shipped entry points into dist/ (nodejieba stays external: it is native).
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const esbuild = require('esbuild');

execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-b'], { cwd: root, stdio: 'inherit' });
// The prebuilt dictionaries (server/data/jieba/*.bin): segmentation and word frequencies without parsing at start.
execFileSync(process.execPath, [path.join(root, 'out', 'server', 'src', 'segmentation', 'buildPrebuilt.js')], { cwd: root, stdio: 'inherit' });
// The wrong-character tables (server/data/jieba/wrongchar.bin), made from the files above and the JSON data.
execFileSync(process.execPath, [path.join(root, 'out', 'server', 'src', 'host', 'buildWrongChar.js')], { cwd: root, stdio: 'inherit' });

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  absWorkingDir: root,
  external: ['nodejieba', 'vscode'],
  // jsonc-parser's UMD build hides its requires from bundlers; its ESM build bundles cleanly.
  mainFields: ['module', 'main'],
};

/**
 * Code a start-up never runs, bundled apart into dist/vendor-*.js and required where it is first used (the
 * sources require it inside the function that needs it): a start compiles every byte of its bundle, and these
 * were 1.1 MB of the CLI's 2 MB (docs/notes/perf.md, "Cold start, second round").
 */
const LAZY = [
  { name: 'vendor-iconv-lite', filter: /^iconv-lite$/, entry: { contents: "module.exports = require('iconv-lite');", resolveDir: root } },
  { name: 'vendor-saxes', filter: /^saxes$/, entry: { contents: "module.exports = require('saxes');", resolveDir: root } },
  { name: 'vendor-emnapi-runtime', filter: /^@emnapi\/runtime$/, entry: { contents: "module.exports = require('@emnapi/runtime');", resolveDir: root } },
  { name: 'vendor-docx-export', filter: /\/docx\/export$/, entry: { contents: "module.exports = require('./server/src/docx/export.ts');", resolveDir: root } },
];
const lazy = {
  name: 'gongwen-lazy-modules',
  setup(build) {
    for (const { name, filter } of LAZY) build.onResolve({ filter }, () => ({ path: `./${name}.js`, external: true }));
  },
};
const node = { ...common, plugins: [lazy] };

/**
 * esbuild escapes non-ASCII characters in strings but leaves them in regular expressions and comments, and one
 * such character makes V8 hold the whole bundle's source as two-byte text: 1.8 MB instead of 0.9 for the CLI,
 * 2.8 instead of 1.4 for the server. Every UTF-16 unit above 0x7F is written as \uXXXX instead, which means the
 * same in a string, a regular expression (with or without the u flag) and a comment; an identity escape
 * (`\。` in a regular expression) loses its backslash. (No tagged template in the bundles has such a character.)
 */
function asciiOnly(file) {
  const text = fs.readFileSync(file, 'utf8');
  const escaped = text.replace(/(\\*)([^\x00-\x7f])/g, (_, slashes, c) => `${slashes.length % 2 ? slashes.slice(1) : slashes}\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (escaped !== text) fs.writeFileSync(file, escaped);
}

/** esbuild.build, then its JavaScript outputs made ASCII-only (see asciiOnly). */
async function build(options) {
  const result = await esbuild.build({ ...options, metafile: true });
  for (const output of Object.keys(result.metafile.outputs)) if (output.endsWith('.js')) asciiOnly(path.join(root, output));
  return result;
}
const contentHash = (file) => crypto.createHash('sha256').update(fs.readFileSync(path.join(root, file))).digest('hex').slice(0, 16);
await Promise.all([
  // dist/server.js is a small loader that runs dist/server-main.js from V8's code cache (host/codeCache.ts);
  // the cache is keyed by the main bundle's content hash, written into the loader.
  build({ ...node, entryPoints: { 'server-main': 'server/src/server.ts' }, outdir: 'dist' }).then(() =>
    build({ ...node, entryPoints: { server: 'server/src/serverBoot.ts' }, outdir: 'dist', define: { GONGWEN_SERVER_MAIN_HASH: JSON.stringify(contentHash('dist/server-main.js')) } }),
  ),
  build({ ...node, entryPoints: { 'segmentation-worker': 'server/src/segmentation/worker.ts' }, outdir: 'dist' }),
  build({ ...node, entryPoints: { cli: 'server/src/cli/main.ts' }, outdir: 'dist' }),
  build({ ...node, entryPoints: { 'cli-worker': 'server/src/cli/checkWorker.ts' }, outdir: 'dist' }),
  ...LAZY.map(({ name, entry }) => build({ ...common, stdin: { ...entry, loader: 'js' }, outfile: `dist/${name}.js` })),
  build({ ...common, entryPoints: { client: 'client/src/extension.ts' }, outdir: 'dist' }),
  ...browserBuilds(),
]);

/**
 * The web extension (package.json "browser"): its client for VS Code's web worker extension host (CommonJS,
 * `vscode` external) and its server, a classic web worker script. The server reuses the Node server's
 * feature files; the modules that need Node are swapped for their web versions (server/src/browser/).
 */
function browserBuilds() {
  const browserDir = path.join(root, 'server', 'src', 'browser');
  const substitutes = {
    [path.join(root, 'server', 'src', 'host', 'data')]: path.join(browserDir, 'data.ts'),
    [path.join(root, 'server', 'src', 'transport')]: path.join(browserDir, 'transport.ts'),
  };
  const shims = { fs: 'fs.ts', path: 'path.ts', url: 'url.ts', 'write-file-atomic': 'writeFileAtomic.ts', crypto: 'empty.ts', util: 'empty.ts', worker_threads: 'empty.ts' };
  const swap = {
    name: 'gongwen-browser-substitutes',
    setup(build) {
      build.onResolve({ filter: /^(node:)?(fs|path|url|crypto|util|worker_threads|write-file-atomic)$/ }, (args) => ({ path: path.join(browserDir, 'shims', shims[args.path.replace(/^node:/, '')]) }));
      build.onResolve({ filter: /\/(host\/data|transport)$/ }, (args) => {
        const target = substitutes[path.resolve(args.resolveDir, args.path)];
        return target ? { path: target } : undefined;
      });
    },
  };
  const browser = { ...common, platform: 'browser', target: 'es2022', mainFields: ['browser', 'module', 'main'], plugins: [swap] };
  return [
    build({ ...browser, entryPoints: { 'browser-client': 'client/src/browserExtension.ts' }, outdir: 'dist', format: 'cjs', external: ['vscode'] }),
    build({ ...browser, entryPoints: { 'browser-server': 'server/src/browser/server.ts' }, outdir: 'dist', format: 'iife', external: [] }),
  ];
}
