// node:fs in the web extension's server bundle (scripts/build.mjs substitutes it): a web worker has no file
// system. Every path "does not exist", so the shared code takes its no-file branches (no .gongwenrc.json
// above a document, nothing to read); a read or write fails with a Chinese message instead of crashing.
const MESSAGE = '网页版无法访问本地文件';

function unavailable(): never {
  throw Object.assign(new Error(MESSAGE), { code: 'ENOENT' });
}

export const constants = { F_OK: 0, R_OK: 4, W_OK: 2, X_OK: 1 };
export const existsSync = (): boolean => false;
export const statSync = unavailable;
export const accessSync = unavailable;
export const readFileSync = unavailable;
export const readdirSync = unavailable;
export const writeFileSync = unavailable;
export const openSync = unavailable;
export const fstatSync = unavailable;
export const readSync = unavailable;
export const closeSync = unavailable;
export const promises = { readFile: () => Promise.reject(Object.assign(new Error(MESSAGE), { code: 'ENOENT' })) };
export default { constants, existsSync, statSync, accessSync, readFileSync, readdirSync, writeFileSync, openSync, fstatSync, readSync, closeSync, promises };
