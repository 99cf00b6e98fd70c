import * as fs from 'node:fs';
import { LexiconData, parseFrequencyList } from '../engine/lexicon';
import { checkDictionary } from './jieba';

/** Words longer than this are left out of the lexicon: the rules look at short windows only. */
export const MAX_LEXICON_WORD = 4;
const HAN_WORD = new RegExp(`^[\\u3400-\\u4dbf\\u4e00-\\u9fff]{1,${MAX_LEXICON_WORD}}$`);

export type LexiconLoad = { ok: true; data: LexiconData; milliseconds: number } | { ok: false; error: string };

/** The path of nodejieba's main dictionary (`word freq tag` lines), or an error. Never throws. */
export function jiebaDictionaryPath(): { path: string } | { error: string } {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const file = (require('nodejieba') as { DEFAULT_DICT?: unknown }).DEFAULT_DICT;
    if (typeof file !== 'string') return { error: '分词组件未提供词典路径' };
    return { path: file };
  } catch (error) {
    return { error: `无法加载分词组件 nodejieba：${(error as Error).message}` };
  }
}

/**
 * Reads a frequency dictionary into compact lexicon data: Chinese words of up to four characters
 * (~300k words, ~8 MB). The path is checked first. Never throws.
 */
export function loadLexiconData(file?: string): LexiconLoad {
  const started = Date.now();
  if (file === undefined) {
    const found = jiebaDictionaryPath();
    if ('error' in found) return { ok: false, error: found.error };
    file = found.path;
  }
  const problem = checkDictionary(file);
  if (problem) return { ok: false, error: `词频词典不可用：${problem}` };
  try {
    const data = parseFrequencyList(fs.readFileSync(file, 'utf8'), (word) => HAN_WORD.test(word));
    if (data.frequencies.length === 0) return { ok: false, error: `词频词典 ${file} 中没有可用的词` };
    return { ok: true, data, milliseconds: Date.now() - started };
  } catch (error) {
    return { ok: false, error: `无法读取词频词典 ${file}：${(error as Error).message}` };
  }
}
