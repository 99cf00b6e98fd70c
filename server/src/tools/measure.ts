import { Finding, LintEnvironment, Linter, Severity } from '../engine';
import { diskEngineData } from '../host/data';
import { SyncSegmenter } from '../segmentation/syncSegmenter';

/** Diagnostics that count as alarms in the measurements. */
export const COUNTED: ReadonlySet<Severity> = new Set<Severity>(['error', 'warning']);

export function counted(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => COUNTED.has(f.severity));
}

/**
 * The checker as the CLI runs it: every default rule, real nodejieba segmentation and its word
 * frequencies and data tables. Throws when segmentation or a data table cannot load (a measurement without it would mislead).
 */
export function productLinter(workspace?: LintEnvironment['workspace']): Linter {
  const segmenter = new SyncSegmenter();
  segmenter.cut('测试');
  const lexicon = segmenter.lexicon;
  if (segmenter.error || !lexicon) throw new Error(`分词不可用：${segmenter.error ?? '未知原因'}`);
  const problems: string[] = [];
  const data = diskEngineData({ onError: (message) => problems.push(message) });
  if (!data.pinyin() || !data.shapes() || !data.knownWords() || !data.snippets()) throw new Error(problems.join('；'));
  return new Linter({ segmenter, lexicon, data, workspace });
}

/** Characters that count for "per 10,000 characters": everything but whitespace, by code point. */
export function countChars(text: string): number {
  let n = 0;
  for (const c of text) if (!/\s/.test(c)) n++;
  return n;
}

export function per10k(count: number, chars: number): number {
  return chars === 0 ? 0 : (count * 10000) / chars;
}
