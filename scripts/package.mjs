// `npm run package`: builds, then packs the VS Code extension into gongwen-<target>-<version>.vsix with vsce.
// What goes into the .vsix is decided by .vscodeignore (an allow-list). nodejieba is native, so this
// package is platform-specific: the target is this machine's (linux-x64 here); it carries the WebAssembly
// build too, as the fallback should the binary not load.
// `--universal` packs gongwen-<version>.vsix without native code, for every platform (win32, darwin,
// linux; x64 and ARM64): segmentation runs in nodejieba's WebAssembly build (server/wasm/), with the same
// dictionaries and the same findings.
// Afterwards the .vsix is opened and checked for the files the extension cannot run without.
//
//   node scripts/package.mjs [--universal] [--no-build] [--out FILE]
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { binaryState } from './patch-nodejieba.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** Files the extension needs at run time; packaging fails if one is missing from the .vsix. */
export const REQUIRED_ENTRIES = [
  'extension/package.json',
  'extension/LICENSE.txt', // vsce renames LICENSE
  'extension/dist/client.js',
  'extension/dist/server.js',
  'extension/dist/server-main.js',
  'extension/dist/segmentation-worker.js',
  'extension/dist/vendor-docx-export.js',
  'extension/dist/vendor-saxes.js',
  'extension/dist/vendor-iconv-lite.js',
  'extension/dist/vendor-emnapi-runtime.js',
  'extension/dist/browser-client.js',
  'extension/dist/browser-server.js',
  'extension/server/data/jieba/idf.utf8',
  'extension/server/data/jieba/stop_words.utf8',
  'extension/server/data/jieba/segmenter.bin',
  'extension/server/data/jieba/lexicon.bin',
  'extension/server/data/jieba/wrongchar.bin',
  'extension/server/data/char-shapes.json',
  'extension/server/data/char-pinyin.json',
  'extension/server/data/known-words.json',
  'extension/server/data/char-variants.json',
  'extension/server/data/lm.bin',
  'extension/node_modules/nodejieba/package.json',
  'extension/node_modules/nodejieba/index.js',
  'extension/node_modules/nodejieba/build/Release/nodejieba.node',
  'extension/server/wasm/nodejieba.js',
  'extension/server/wasm/nodejieba.wasm',
  'extension/node_modules/nodejieba/submodules/cppjieba/dict/jieba.dict.utf8',
  'extension/node_modules/nodejieba/submodules/cppjieba/dict/hmm_model.utf8',
  'extension/node_modules/nodejieba/submodules/cppjieba/dict/user.dict.utf8',
];

/** Files and folders the manifest points at (main, grammars, snippets, language configuration, schemas, l10n). */
export function manifestFiles(manifest) {
  const found = new Set();
  const add = (value) => {
    if (typeof value === 'string' && value.startsWith('./')) found.add(`extension/${path.posix.normalize(value.slice(2)).replace(/\/$/, '')}`);
  };
  add(manifest.main);
  add(manifest.l10n);
  (function walk(node) {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (['path', 'configuration', 'url', 'icon'].includes(key)) add(value);
        else walk(value);
      }
    }
  })(manifest.contributes);
  return [...found];
}

/** The vsce target of this machine, e.g. linux-x64 (the nodejieba binary is built for it). */
export function hostTarget() {
  const platform = { linux: 'linux', darwin: 'darwin', win32: 'win32' }[process.platform];
  const arch = { x64: 'x64', arm64: 'arm64', arm: 'armhf' }[process.arch];
  if (!platform || !arch) throw new Error(`不支持在 ${process.platform}-${process.arch} 上打包`);
  return `${platform}-${arch}`;
}

/** The native binary: in the platform package only. */
const NATIVE_BINARY = 'node_modules/nodejieba/build/Release/nodejieba.node';

/** The files a package must hold: the universal one has no native binary. */
export function requiredEntries({ universal = false } = {}) {
  return universal ? REQUIRED_ENTRIES.filter((name) => name !== `extension/${NATIVE_BINARY}`) : REQUIRED_ENTRIES;
}

export function defaultVsixPath({ universal = false } = {}) {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  return path.join(root, universal ? `${manifest.name}-${manifest.version}.vsix` : `${manifest.name}-${hostTarget()}-${manifest.version}.vsix`);
}

/** Reads the names and sizes in a zip's central directory (enough to check a .vsix; no dependency). */
export function listZip(file) {
  const buf = fs.readFileSync(file);
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65535); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error(`${file} 不是 zip 文件`);
  const count = buf.readUInt16LE(eocd + 10);
  let offset = buf.readUInt32LE(eocd + 16);
  const entries = [];
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(offset) !== 0x02014b50) throw new Error(`${file} 的中央目录损坏`);
    const method = buf.readUInt16LE(offset + 10);
    const compressedSize = buf.readUInt32LE(offset + 20);
    const size = buf.readUInt32LE(offset + 24);
    const nameLength = buf.readUInt16LE(offset + 28);
    const extraLength = buf.readUInt16LE(offset + 30);
    const commentLength = buf.readUInt16LE(offset + 32);
    const localOffset = buf.readUInt32LE(offset + 42);
    const name = buf.toString('utf8', offset + 46, offset + 46 + nameLength);
    entries.push({ name, size, compressedSize, method, localOffset });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Extracts a zip (stored or deflated entries) into `dir`. */
export function extractZip(file, dir) {
  const buf = fs.readFileSync(file);
  for (const entry of listZip(file)) {
    if (entry.name.endsWith('/')) continue;
    const target = path.resolve(dir, entry.name);
    if (!target.startsWith(path.resolve(dir) + path.sep)) throw new Error(`zip 条目越界：${entry.name}`);
    const header = entry.localOffset;
    const dataStart = header + 30 + buf.readUInt16LE(header + 26) + buf.readUInt16LE(header + 28);
    const data = buf.subarray(dataStart, dataStart + entry.compressedSize);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, entry.method === 8 ? zlib.inflateRawSync(data) : data);
  }
}

export function packageExtension({ build = true, universal = false, out = defaultVsixPath({ universal }), quiet = false } = {}) {
  const log = quiet ? () => {} : (line) => console.log(line);
  if (build) execFileSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
  for (const name of ['nodejieba.js', 'nodejieba.wasm']) {
    if (!fs.existsSync(path.join(root, 'server', 'wasm', name))) throw new Error(`缺少 server/wasm/${name}：请先运行 npm run build:wasm（需要 emscripten）。`);
  }
  // The .vsix carries node_modules/nodejieba's binary: it must be the patched build, which loads the
  // dictionary once (scripts/patch-nodejieba.mjs; an unpatched one costs ~110 MB more per process).
  const binary = path.join(path.dirname(require.resolve('nodejieba/package.json')), 'build', 'Release', 'nodejieba.node');
  const state = universal ? 'patched' : binaryState(binary);
  if (state !== 'patched') {
    throw new Error(`nodejieba 的二进制${state === 'unpatched' ? '未打补丁（词典会加载两份，分词较慢）' : state === 'missing' ? '缺失' : '无法加载'}：请先运行 node scripts/patch-nodejieba.mjs（npm install 会自动运行），再打包。`);
  }
  // …and its index.js must pass the native word lengths on (patches/: wrapWithDictLoad("cutLengths")).
  if (!fs.readFileSync(path.join(path.dirname(binary), '..', '..', 'index.js'), 'utf8').includes('"cutLengths"')) {
    throw new Error('nodejieba 的 index.js 未打补丁（缺少 cutLengths）：请先运行 node scripts/patch-nodejieba.mjs（npm install 会自动运行），再打包。');
  }
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const args = [require.resolve('@vscode/vsce/vsce'), 'package', '--out', out];
  let ignoreDir;
  if (universal) {
    // The same allow-list without the native binary.
    ignoreDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-package-'));
    const ignoreFile = path.join(ignoreDir, 'universal.vscodeignore');
    const lines = fs.readFileSync(path.join(root, '.vscodeignore'), 'utf8').split('\n');
    if (!lines.includes(`!${NATIVE_BINARY}`)) throw new Error(`.vscodeignore 中没有 !${NATIVE_BINARY}`);
    fs.writeFileSync(ignoreFile, lines.filter((line) => line !== `!${NATIVE_BINARY}`).join('\n'));
    args.push('--ignoreFile', ignoreFile);
  } else args.push('--target', hostTarget());
  // Without a repository URL vsce cannot turn README links into absolute ones; keep them relative.
  if (!manifest.repository) args.push('--allow-missing-repository', '--no-rewrite-relative-links');
  fs.rmSync(out, { force: true });
  try {
    execFileSync(process.execPath, args, { cwd: root, stdio: quiet ? ['ignore', 'ignore', 'inherit'] : ['ignore', 'inherit', 'inherit'] });
  } finally {
    if (ignoreDir) fs.rmSync(ignoreDir, { recursive: true, force: true });
  }

  const entries = listZip(out);
  const names = new Set(entries.map((e) => e.name));
  const missing = [...requiredEntries({ universal }), ...manifestFiles(manifest)].filter((name) => !names.has(name) && ![...names].some((n) => n.startsWith(`${name}/`)));
  if (missing.length > 0) throw new Error(`${path.basename(out)} 缺少运行所需的文件：\n  ${missing.join('\n  ')}`);
  const unexpected = entries.filter((e) => /\.(ts|map)$/.test(e.name) || /^extension\/(out|test)\//.test(e.name) || (universal && /\.(node|so|dll|dylib)$/.test(e.name)));
  if (unexpected.length > 0) throw new Error(`${path.basename(out)} 含有不应打包的文件：\n  ${unexpected.map((e) => e.name).join('\n  ')}`);
  const kib = (fs.statSync(out).size / 1024).toFixed(0);
  log(`${path.relative(process.cwd(), out) || out}: ${entries.length} files, ${kib} KiB`);
  return out;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const argv = process.argv.slice(2);
  const outIndex = argv.indexOf('--out');
  try {
    packageExtension({ build: !argv.includes('--no-build'), universal: argv.includes('--universal'), out: outIndex >= 0 ? path.resolve(argv[outIndex + 1]) : undefined });
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
