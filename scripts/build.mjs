// Builds everything `npm install` / `npm test` need:
//  1. `tsc -b` type-checks client, server and tests and emits out/ (the tests run from there),
//     and writes the prebuilt dictionaries from nodejieba's;
//  2. esbuild bundles the shipped entry points into dist/ (nodejieba stays external: it is native).
import { execFileSync } from 'node:child_process';
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
await Promise.all([
  esbuild.build({ ...common, entryPoints: { server: 'server/src/server.ts' }, outdir: 'dist' }),
  esbuild.build({ ...common, entryPoints: { 'segmentation-worker': 'server/src/segmentation/worker.ts' }, outdir: 'dist' }),
  esbuild.build({ ...common, entryPoints: { cli: 'server/src/cli/main.ts' }, outdir: 'dist' }),
  esbuild.build({ ...common, entryPoints: { 'cli-worker': 'server/src/cli/checkWorker.ts' }, outdir: 'dist' }),
  esbuild.build({ ...common, entryPoints: { client: 'client/src/extension.ts' }, outdir: 'dist' }),
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
    esbuild.build({ ...browser, entryPoints: { 'browser-client': 'client/src/browserExtension.ts' }, outdir: 'dist', format: 'cjs', external: ['vscode'] }),
    esbuild.build({ ...browser, entryPoints: { 'browser-server': 'server/src/browser/server.ts' }, outdir: 'dist', format: 'iife', external: [] }),
  ];
}
