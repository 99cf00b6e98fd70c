// Installs (once, cached in .cache/code-server), starts and stops code-server for the end-to-end tests.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { ROOT, run, waitFor } from './util.mjs';

export const CODE_SERVER_VERSION = '4.100.3';
export const CACHE = path.join(ROOT, '.cache');
const PREFIX = path.join(CACHE, 'code-server');
const BIN = path.join(PREFIX, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
// @vscode/ripgrep's postinstall downloads rg from GitHub unless it finds the tarball in its cache
// folder ($TMPDIR/vscode-ripgrep-cache-<version>/); we put Debian's rg there, packed the way it expects.
const RIPGREP_PACKAGE_VERSION = '1.15.11';
const RIPGREP_ASSET = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';

function installedVersion() {
  try {
    return JSON.parse(fs.readFileSync(path.join(PREFIX, 'node_modules', 'code-server', 'package.json'), 'utf8')).version;
  } catch {
    return undefined;
  }
}

/** Makes sure code-server CODE_SERVER_VERSION is installed in .cache/code-server; returns its entry point. */
export function ensureCodeServer(log = console.log) {
  if (installedVersion() === CODE_SERVER_VERSION && fs.existsSync(BIN)) return BIN;
  for (const tool of ['rg', 'make', 'g++']) {
    try {
      execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' });
    } catch {
      throw new Error(`installing code-server needs \`${tool}\` (apt-get install -y ripgrep libkrb5-dev build-essential)`);
    }
  }
  log(`installing code-server ${CODE_SERVER_VERSION} into ${path.relative(ROOT, PREFIX)} (once; cached afterwards)…`);
  const tmp = path.join(CACHE, 'tmp');
  const ripgrepCache = path.join(tmp, `vscode-ripgrep-cache-${RIPGREP_PACKAGE_VERSION}`);
  fs.mkdirSync(ripgrepCache, { recursive: true });
  const staging = fs.mkdtempSync(path.join(tmp, 'rg-'));
  const rg = execFileSync('sh', ['-c', 'command -v rg'], { encoding: 'utf8' }).trim();
  fs.copyFileSync(rg, path.join(staging, 'rg'));
  fs.chmodSync(path.join(staging, 'rg'), 0o755);
  execFileSync('tar', ['czf', path.join(ripgrepCache, RIPGREP_ASSET), '-C', staging, 'rg']);
  fs.rmSync(staging, { recursive: true, force: true });

  fs.rmSync(PREFIX, { recursive: true, force: true });
  fs.mkdirSync(PREFIX, { recursive: true });
  // A package.json of its own, so that npm never looks at (or touches) the project's node_modules.
  fs.writeFileSync(path.join(PREFIX, 'package.json'), JSON.stringify({ name: 'gongwen-e2e-code-server', private: true }, null, 2));
  execFileSync('npm', ['install', '--prefix', PREFIX, '--no-audit', '--no-fund', '--no-save', `code-server@${CODE_SERVER_VERSION}`], {
    cwd: PREFIX,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, TMPDIR: tmp, npm_config_unsafe_perm: 'true', npm_config_yes: 'true' },
  });
  if (installedVersion() !== CODE_SERVER_VERSION || !fs.existsSync(BIN)) throw new Error('code-server did not install');
  return BIN;
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Installs a .vsix into an extensions dir with code-server's own CLI. */
export async function installExtension(bin, vsix, dirs) {
  const result = await run(process.execPath, [bin, '--extensions-dir', dirs.extensions, '--user-data-dir', dirs.userData, '--install-extension', vsix], { env: dirs.env, timeoutMs: 120_000 });
  if (result.code !== 0) throw new Error(`code-server --install-extension failed (${result.code}):\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

/**
 * Starts code-server on 127.0.0.1 with everything (user data, extensions, XDG folders) under `base`.
 * Resolves once it answers HTTP; returns { url, process, log() }.
 */
export async function startCodeServer(bin, dirs, workspace) {
  const port = await freePort();
  const args = [
    bin,
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--user-data-dir', dirs.userData,
    '--extensions-dir', dirs.extensions,
    workspace,
  ];
  let output = '';
  const child = spawn(process.execPath, args, { env: dirs.env, stdio: ['ignore', 'pipe', 'pipe'], detached: false });
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}/`;
  await waitFor(async () => {
    if (child.exitCode !== null) throw Object.assign(new Error(`code-server exited (${child.exitCode}):\n${output}`), { fatal: true });
    try {
      const response = await fetch(`${url}healthz`);
      return response.ok;
    } catch {
      return false;
    }
  }, { timeoutMs: 60_000, what: 'code-server to answer' });
  return { url, port, process: child, log: () => output };
}

/** Folders for one run: user data, extensions, XDG dirs, HOME; and the environment that points there. */
export function isolatedDirs(base) {
  const dirs = {
    base,
    userData: path.join(base, 'user-data'),
    extensions: path.join(base, 'extensions'),
    home: path.join(base, 'home'),
  };
  for (const dir of Object.values(dirs)) fs.mkdirSync(dir, { recursive: true });
  const xdg = {};
  for (const name of ['CONFIG', 'DATA', 'CACHE', 'STATE', 'RUNTIME']) {
    const dir = path.join(base, 'xdg', name.toLowerCase());
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    xdg[`XDG_${name}_HOME`] = dir;
  }
  xdg.XDG_RUNTIME_DIR = xdg.XDG_RUNTIME_HOME;
  delete xdg.XDG_RUNTIME_HOME;
  const env = { ...process.env, ...xdg, HOME: dirs.home, TMPDIR: path.join(base, 'tmp') };
  fs.mkdirSync(env.TMPDIR, { recursive: true });
  // Never hand the editor (or the language server it starts) settings meant for the test runner.
  for (const key of Object.keys(env)) if (key.startsWith('NODE_') || key.startsWith('npm_')) delete env[key];
  return { ...dirs, env };
}
