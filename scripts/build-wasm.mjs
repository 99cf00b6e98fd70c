// `npm run build:wasm`: compiles nodejieba's own C++ (cppjieba + limonp and lib/nodejieba.cpp with this
// project's patches) to WebAssembly with emscripten (Debian: `apt-get install emscripten`) and the emnapi
// Node-API runtime, into server/wasm/nodejieba.{js,wasm}. Both are committed: they are what the universal
// package and the browser ship (server/src/segmentation/wasmJieba.ts loads them).
//
//   node scripts/build-wasm.mjs [--out DIR] [--check]
//
// The shared node_modules/nodejieba is never changed: its sources are copied to a temporary directory,
// patches/nodejieba+3.5.8.patch is applied there when the copy lacks it (a clean install has it already:
// scripts/patch-nodejieba.mjs), then scripts/wasm/nodejieba-wasm.patch (the one WebAssembly-only line:
// cutLengths' array is written in wasm memory and copied out to JavaScript).
// emnapi's JavaScript library is written for emscripten ≥ 3.1.9; Debian bookworm has 3.1.6, so a copy of it
// is adapted (adaptLibrary; each change means the same on newer versions).
// `--check` builds into a temporary directory and exits 1 when the result differs from the committed files.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));

/** The markers of patches/nodejieba+3.5.8.patch in lib/nodejieba.cpp (as scripts/patch-nodejieba.mjs checks them). */
const PATCH_MARKERS = ['sharedDictionary', 'cutLengths', 'dictionaryPerProcess'];

/** Makes emnapi's library_napi.js (written for emscripten ≥ 3.1.9) readable by older emscripten too. */
export function adaptLibrary(source) {
  return (
    source
      // 'u8'/'u32' heap types are newer: the same loads as unsigned 'i8'/'i32' (stores are the same bits).
      .replace(/makeGetValue\(([^)]*?), 'u(8|32)'\)/g, (_, args, bits) => `makeGetValue(${args}, 'i${bits}', undefined, true)`)
      .replace(/makeSetValue\(([^)]*?), 'u(8|32)'\)/g, (_, args, bits) => `makeSetValue(${args}, 'i${bits}')`)
      // Without threads the heap is never shared: a plain subarray is what the newer macro gives.
      .replace(/\{\{\{ getUnsharedTextDecoderView\('HEAPU8', '(\w+)', '(\w+)'\) \}\}\}/g, 'HEAPU8.subarray($1, $2)')
      // Speed, not compatibility: emnapi tells a SharedArrayBuffer by catching the TypeError of a getter,
      // which for a plain ArrayBuffer (every cutLengths result) is a thrown exception per call — most of the
      // time a short line took. A plain ArrayBuffer or view of this realm is answered first (a view is never a SharedArrayBuffer).
      .replace('isSharedArrayBuffer: function (value) {\n', 'isSharedArrayBuffer: function (value) {\n        if (value instanceof ArrayBuffer || ArrayBuffer.isView(value))\n            return false;\n')
      // wasm32: pointers are i32.
      .replaceAll('POINTER_WASM_TYPE', "'i32'")
      // A plain string value is an alias to another symbol in older emscripten; '=value' is a value in all.
      .replace(/^( {4}\$[A-Za-z0-9_]+): "([^"=][^"]*)",$/gm, (line, key, value) => (key.includes('__') ? line : `${key}: "=${value}",`))
  );
}

function findEmxx() {
  const candidate = process.env.EMXX ?? 'em++';
  const probe = spawnSync(candidate, ['--version'], { encoding: 'utf8' });
  if (probe.status !== 0) throw new Error(`找不到 emscripten 的 em++（${candidate}）：请先安装 emscripten（Debian/Ubuntu：apt-get install emscripten），或用环境变量 EMXX 指定。`);
  return { emxx: candidate, version: probe.stdout.split('\n')[0] };
}

/** Copies nodejieba's sources into `dir` and applies the patches there. Returns the source directory. */
function prepareSources(dir) {
  const nodejiebaDir = path.dirname(require.resolve('nodejieba/package.json'));
  const tree = path.join(dir, 'node_modules', 'nodejieba');
  for (const sub of ['index.js', 'lib', 'submodules/cppjieba/include', 'submodules/cppjieba/deps/limonp/include']) {
    fs.cpSync(path.join(nodejiebaDir, sub), path.join(tree, sub), { recursive: true });
  }
  const apply = (patch, cwd, strip) => {
    const run = spawnSync('patch', [`-p${strip}`, '--forward', '--batch', '-i', patch], { cwd, encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`无法应用补丁 ${path.relative(root, patch)}：${(run.stdout + run.stderr).trim().slice(-600)}`);
  };
  const source = () => fs.readFileSync(path.join(tree, 'lib', 'nodejieba.cpp'), 'utf8');
  if (!PATCH_MARKERS.every((marker) => source().includes(marker))) apply(path.join(root, 'patches', 'nodejieba+3.5.8.patch'), dir, 1);
  if (!PATCH_MARKERS.every((marker) => source().includes(marker))) throw new Error('nodejieba 源码打补丁后仍缺少标记（版本与 patches/ 不符？）');
  apply(path.join(root, 'scripts', 'wasm', 'nodejieba-wasm.patch'), tree, 1);
  return tree;
}

export function buildWasm(outDir = path.join(root, 'server', 'wasm'), { quiet = false } = {}) {
  const log = quiet ? () => {} : (line) => console.log(line);
  const { emxx, version } = findEmxx();
  log(`gongwen：用 ${version} 编译 nodejieba 为 WebAssembly…`);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-wasm-'));
  try {
    const tree = prepareSources(tmp);
    const emnapi = path.dirname(require.resolve('emnapi/package.json'));
    const addonApi = path.dirname(require.resolve('node-addon-api/package.json', { paths: [path.dirname(require.resolve('nodejieba/package.json'))] }));
    const library = path.join(tmp, 'library_napi.js');
    fs.writeFileSync(library, adaptLibrary(fs.readFileSync(path.join(emnapi, 'dist', 'library_napi.js'), 'utf8')));
    const compile = [
      '-O3',
      '-std=c++14',
      '-DLOGGING_LEVEL=LL_WARNING',
      '-DBUILDING_NODE_EXTENSION',
      '-DNAPI_EXTERN=__attribute__((__import_module__("env")))',
      '-DNAPI_DISABLE_CPP_EXCEPTIONS',
      `-I${path.join(emnapi, 'include', 'node')}`,
      `-I${addonApi}`,
      `-I${path.join(tree, 'submodules', 'cppjieba', 'include')}`,
      `-I${path.join(tree, 'submodules', 'cppjieba', 'deps', 'limonp', 'include')}`,
      // limonp's log lines carry __FILE__: without the build's own paths the output is the same in any clone.
      `-fmacro-prefix-map=${tree}=nodejieba`,
      `-fmacro-prefix-map=${emnapi}=emnapi`,
      `-fmacro-prefix-map=${addonApi}=node-addon-api`,
    ];
    const link = [
      '-O3',
      `-L${path.join(emnapi, 'lib', 'wasm32-emscripten')}`,
      `--js-library=${library}`,
      "-sEXPORTED_FUNCTIONS=['_malloc','_free','_napi_register_wasm_v1','_node_api_module_get_api_version_v1']",
      "-sEXPORTED_RUNTIME_METHODS=['emnapiInit','FS']",
      '-sMODULARIZE=1',
      '-sEXPORT_NAME=createNodejieba',
      // The dictionary takes ~80 MB of wasm memory: start big enough for it, grow if user words need more.
      '-sINITIAL_MEMORY=134217728',
      '-sALLOW_MEMORY_GROWTH=1',
      // The dictionaries are written into the module's in-memory file system by the host (wasmJieba.ts).
      '-sFORCE_FILESYSTEM=1',
      '-sENVIRONMENT=node,web,worker',
      // A library must not take over the process's uncaught-exception and exit handling.
      '-sNODEJS_CATCH_EXIT=0',
      '-sNODEJS_CATCH_REJECTION=0',
      // The host passes the .wasm bytes: compiling synchronously lets the CLI load it without a promise
      // (allowed in Node.js and in web workers).
      '-sWASM_ASYNC_COMPILATION=0',
      '-sINCOMING_MODULE_JS_API=[wasmBinary,print,printErr,onAbort]',
      '-sTEXTDECODER=2',
    ];
    // Deterministic paths in the output: everything relative to the temporary directory.
    const env = { ...process.env, NODE_PATH: [process.env.NODE_PATH, '/usr/share/nodejs'].filter(Boolean).join(path.delimiter) };
    const objects = ['index', 'nodejieba'].map((name) => {
      const object = path.join(tmp, `${name}.o`);
      execFileSync(emxx, [...compile, '-c', path.join(tree, 'lib', `${name}.cpp`), '-o', object], { cwd: tmp, env, stdio: quiet ? 'pipe' : 'inherit' });
      return object;
    });
    execFileSync(emxx, [...link, '-o', path.join(tmp, 'nodejieba.js'), ...objects, '-lemnapi'], { cwd: tmp, env, stdio: quiet ? 'pipe' : 'inherit' });
    fs.mkdirSync(outDir, { recursive: true });
    const header = `// Built by scripts/build-wasm.mjs (${version}; emnapi ${require('emnapi/package.json').version}) from nodejieba ${require('nodejieba/package.json').version} with patches/. Do not edit.\n`;
    fs.writeFileSync(path.join(outDir, 'nodejieba.js'), header + fs.readFileSync(path.join(tmp, 'nodejieba.js'), 'utf8'));
    fs.copyFileSync(path.join(tmp, 'nodejieba.wasm'), path.join(outDir, 'nodejieba.wasm'));
    for (const name of ['nodejieba.js', 'nodejieba.wasm']) log(`  ${path.relative(root, path.join(outDir, name))}: ${(fs.statSync(path.join(outDir, name)).size / 1024).toFixed(0)} KiB`);
    return outDir;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const argv = process.argv.slice(2);
  try {
    if (argv.includes('--check')) {
      const out = buildWasm(fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-wasm-check-')), { quiet: true });
      const same = ['nodejieba.js', 'nodejieba.wasm'].every((name) => fs.readFileSync(path.join(out, name)).equals(fs.readFileSync(path.join(root, 'server', 'wasm', name))));
      fs.rmSync(out, { recursive: true, force: true });
      console.log(same ? 'gongwen：server/wasm/ 与源码一致。' : 'gongwen：server/wasm/ 与重新编译的结果不同：请运行 npm run build:wasm 并提交。');
      process.exitCode = same ? 0 : 1;
    } else {
      const outIndex = argv.indexOf('--out');
      buildWasm(outIndex >= 0 ? path.resolve(argv[outIndex + 1]) : undefined);
    }
  } catch (error) {
    console.error(error.message);
    process.exitCode = 1;
  }
}
