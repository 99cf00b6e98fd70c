import { TextDocument } from 'vscode-languageserver-textdocument';
import { Analysis } from '../analysis';
import { computeStats, Segmenter } from '../engine';
import { StatisticsResult } from '../protocol';

export function statistics(document: TextDocument, analysis: Analysis, segmenter: Segmenter | undefined): StatisticsResult | null {
  const result = analysis.analyze(document);
  if (!result) return null;
  const stats = computeStats(result.document, segmenter);
  return { ...stats, version: document.version, pending: segmenter !== undefined && stats.words === null };
}
