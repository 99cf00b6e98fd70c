import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE_NAME, ConfigResult, MAX_CONFIG_BYTES, normalizeFileKey, parseConfigFile, unusableConfigFile } from '../engine';

/** The nearest .gongwenrc.json in `dir` or above it (`paths`, `exists`: another platform's, for tests). */
export function findConfig(dir: string, paths: path.PlatformPath = path, exists: (file: string) => boolean = fs.existsSync): string | undefined {
  let current = paths.resolve(dir);
  for (;;) {
    const candidate = paths.join(current, CONFIG_FILE_NAME);
    if (exists(candidate)) return candidate;
    const parent = paths.dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

/** Reads and validates a configuration file. Never throws: problems come back in Chinese. */
export function loadConfigFile(file: string): ConfigResult {
  let text: string;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) return unusableConfigFile('不是文件，已使用默认配置');
    if (stat.size > MAX_CONFIG_BYTES) return unusableConfigFile('文件过大（超过 20 MB），已使用默认配置');
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    return unusableConfigFile(`无法读取（${(error as NodeJS.ErrnoException).code ?? (error as Error).message}），已使用默认配置`);
  }
  return parseConfigFile(text);
}

/** The key under which a configuration file's `files` map holds `file` (undefined when it lies outside the config's folder). */
export function fileKeyFor(configFile: string, file: string, paths: path.PlatformPath = path): string | undefined {
  const relative = paths.relative(paths.dirname(paths.resolve(configFile)), paths.resolve(file));
  if (!relative || relative.startsWith('..') || paths.isAbsolute(relative)) return undefined;
  return normalizeFileKey(relative.split(paths.sep).join('/'));
}
