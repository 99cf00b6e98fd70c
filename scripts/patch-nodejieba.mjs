// `npm install` runs this after installing the dependencies ("postinstall"); it can also be run by hand:
//   node scripts/patch-nodejieba.mjs [--check]
//
// patches/nodejieba+3.5.8.patch changes three things in nodejieba 3.5.8:
//  - its load() builds a TextRank keyword extractor that loads the whole dictionary a second time
//    (~110 MB per loaded copy) although gongwen never extracts keywords: the extractor now shares the
//    segmenter's dictionary, and the binding exposes `sharedDictionary: true`;
//  - `cutLengths(text, hmm)`: cut()'s words as their lengths in UTF-16 code units (a Uint32Array), without
//    a JavaScript string per word — half the time segmentation took (docs/notes/perf.md);
//  - one dictionary per process: the worker threads that load the same files share it (`dictionaryPerProcess:
//    true`; `load(…, shared: false)` for a thread that inserts words).
// A binary with all three is "patched"; any other one is rebuilt.
//
//  1. patch-package applies patches/ to the sources in node_modules (idempotent).
//  2. nodejieba's own install step has already built (or downloaded) its binary from the unpatched
//     sources, so when the installed binary lacks one of the markers above it is rebuilt with node-gyp — in a
//     temporary copy of the sources. The new binary replaces the installed one only after it has loaded
//     the dictionaries and segmented a sentence in a separate process.
// Any failure leaves the working (unpatched) binary in place and says why: segmentation works as
// before, only with ~110 MB more memory and slower. This script never fails the install.
// `--check` only reports the state; it exits 1 when the installed binary is not the patched one.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));
const log = (s) => console.log(`gongwen：${s}`);
const warn = (s) =>
  console.warn(`gongwen：警告：${s}\n  分词仍可正常使用，只是每个加载分词词典的进程多占约 110 MB 内存，分词也慢一些。修复后可重新运行 node scripts/patch-nodejieba.mjs。`);

/** Whether a nodejieba binary loads, and whether it is the patched one. Runs in a child process. */
export function binaryState(file) {
  if (!fs.existsSync(file)) return 'missing';
  const code =
    'const b = require(process.argv[1]); process.stdout.write(String(b.sharedDictionary === true && typeof b.cutLengths === "function" && b.dictionaryPerProcess === true))';
  const probe = spawnSync(process.execPath, ['-e', code, file], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (probe.status !== 0) return 'broken';
  return probe.stdout === 'true' ? 'patched' : 'unpatched';
}

/** Loads the dictionaries with a binary in a child process and segments a sentence. Returns an error or undefined. */
function trySegmenting(binary, nodejiebaDir) {
  const dict = path.join(nodejiebaDir, 'submodules', 'cppjieba', 'dict');
  const data = path.join(root, 'server', 'data', 'jieba');
  const code = `
    const [binary, dict, data] = process.argv.slice(1);
    const j = require(binary);
    j.load(dict + '/jieba.dict.utf8', dict + '/hmm_model.utf8', dict + '/user.dict.utf8', data + '/idf.utf8', data + '/stop_words.utf8');
    const text = '我们要做好公文写作，😀 abc';
    process.stdout.write(JSON.stringify({ cut: j.cut(text, true), lengths: Array.from(j.cutLengths(text, true)), keywords: j.textRankExtract('公文写作要准确规范，公文写作要简明', 2).length }));`;
  const run = spawnSync(process.execPath, ['-e', code, binary, dict, data], { encoding: 'utf8', timeout: 120_000 });
  if (run.status !== 0) return `新编译的 nodejieba 无法运行：${(run.stderr || run.error?.message || '').trim().slice(-500)}`;
  try {
    const { cut, lengths, keywords } = JSON.parse(run.stdout);
    const lengthsAgree = lengths.length === cut.length && cut.every((word, i) => word.length === lengths[i]);
    if (cut.join('') !== '我们要做好公文写作，😀 abc' || cut.length < 3 || !lengthsAgree || keywords < 1) return `新编译的 nodejieba 分词结果异常：${run.stdout}`;
  } catch {
    return `新编译的 nodejieba 输出异常：${run.stdout.slice(0, 200)}`;
  }
  return undefined;
}

/** node-gyp as npm ships it (npm sets npm_config_node_gyp for install scripts). */
function findNodeGyp() {
  const candidates = [
    process.env.npm_config_node_gyp,
    path.join(path.dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    path.join(path.dirname(process.execPath), 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
  ];
  for (const candidate of candidates) if (candidate && fs.existsSync(candidate)) return candidate;
  try {
    return require.resolve('node-gyp/bin/node-gyp.js');
  } catch {
    return undefined;
  }
}

function applyPatches() {
  let bin;
  try {
    const manifest = require('patch-package/package.json');
    bin = path.join(path.dirname(require.resolve('patch-package/package.json')), typeof manifest.bin === 'string' ? manifest.bin : manifest.bin['patch-package']);
  } catch {
    return '找不到 patch-package（开发依赖未安装？）';
  }
  const run = spawnSync(process.execPath, [bin], { cwd: root, encoding: 'utf8', timeout: 300_000 });
  process.stdout.write(run.stdout ?? '');
  if (run.status !== 0) return `patch-package 未能应用 patches/ 中的补丁：${(run.stderr || run.error?.message || '').trim().slice(-800)}`;
  return undefined;
}

/** Builds the patched sources in a temporary directory and returns the path of the new binary, or an error. */
function build(nodejiebaDir, tmp) {
  const nodeGyp = findNodeGyp();
  if (!nodeGyp) return { error: '找不到 node-gyp（随 npm 提供），无法重新编译 nodejieba' };
  fs.copyFileSync(path.join(nodejiebaDir, 'binding.gyp'), path.join(tmp, 'binding.gyp'));
  for (const dir of ['lib', 'submodules/cppjieba/include', 'submodules/cppjieba/deps/limonp/include']) {
    fs.cpSync(path.join(nodejiebaDir, dir), path.join(tmp, dir), { recursive: true });
  }
  // binding.gyp finds node-addon-api with require() from the build directory.
  const nodePath = [path.join(nodejiebaDir, 'node_modules'), path.join(root, 'node_modules'), process.env.NODE_PATH].filter(Boolean).join(path.delimiter);
  const args = nodeGyp.endsWith('.js') ? [nodeGyp, 'rebuild'] : ['rebuild'];
  // Outside npm (run by hand) npm's nodedir setting is not in the environment: use this Node's own
  // headers when it has them, so node-gyp need not download them.
  const prefix = path.resolve(path.dirname(process.execPath), '..');
  if (!process.env.npm_config_nodedir && fs.existsSync(path.join(prefix, 'include', 'node', 'common.gypi'))) args.push(`--nodedir=${prefix}`);
  const run = spawnSync(nodeGyp.endsWith('.js') ? process.execPath : nodeGyp, args, {
    cwd: tmp,
    env: { ...process.env, NODE_PATH: nodePath },
    encoding: 'utf8',
    timeout: 15 * 60_000,
    maxBuffer: 64 << 20,
  });
  const binary = path.join(tmp, 'build', 'Release', 'nodejieba.node');
  if (run.status !== 0 || !fs.existsSync(binary)) {
    const output = `${run.stdout ?? ''}\n${run.stderr ?? ''}`.trim().split('\n').slice(-15).join('\n  ');
    return { error: `重新编译 nodejieba 失败（需要 C++ 编译器与 make）：${run.error?.message ?? ''}\n  ${output}` };
  }
  return { binary };
}

export function main(argv = process.argv.slice(2)) {
  let nodejiebaDir;
  try {
    nodejiebaDir = path.dirname(require.resolve('nodejieba/package.json'));
  } catch {
    log('未安装 nodejieba，跳过补丁。');
    return argv.includes('--check') ? 1 : 0;
  }
  const installed = path.join(nodejiebaDir, 'build', 'Release', 'nodejieba.node');
  if (argv.includes('--check')) {
    const state = binaryState(installed);
    log(`nodejieba 二进制：${{ patched: '已打补丁（共用词典，按长度返回分词，各线程共用词典）', unpatched: '未打补丁（词典加载两份，分词较慢）', missing: '缺失', broken: '无法加载' }[state]}`);
    return state === 'patched' ? 0 : 1;
  }
  const patchError = applyPatches();
  const source = fs.readFileSync(path.join(nodejiebaDir, 'lib', 'nodejieba.cpp'), 'utf8');
  if (!['sharedDictionary', 'cutLengths', 'dictionaryPerProcess'].every((marker) => source.includes(marker))) {
    warn(patchError ?? 'nodejieba 源码未打上补丁（版本与 patches/ 不符？）');
    return 0;
  }
  const state = binaryState(installed);
  if (state === 'patched') return 0;
  log(`nodejieba 的二进制${state === 'missing' ? '缺失' : state === 'broken' ? '无法加载' : '是未打补丁的版本'}，正在用打过补丁的源码重新编译（约需 1 分钟）…`);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-nodejieba-'));
  try {
    const built = build(nodejiebaDir, tmp);
    if (built.error) {
      warn(built.error);
      return 0;
    }
    if (binaryState(built.binary) !== 'patched') {
      warn('新编译的 nodejieba 不是打过补丁的版本');
      return 0;
    }
    const problem = trySegmenting(built.binary, nodejiebaDir);
    if (problem) {
      warn(problem);
      return 0;
    }
    // Swap in atomically: the working binary is never missing, even if this process is interrupted.
    fs.mkdirSync(path.dirname(installed), { recursive: true });
    const staging = `${installed}.gongwen-new`;
    fs.copyFileSync(built.binary, staging);
    fs.renameSync(staging, installed);
    log('已重新编译 nodejieba：分词与关键词提取共用一份词典，同一进程的各线程也共用（每份省约 110 MB 内存），分词结果按词长返回（更快）。');
    return 0;
  } catch (error) {
    warn(`重新编译 nodejieba 时出错：${error.message}`);
    return 0;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main();
}
