import { TextDocument } from 'vscode-languageserver-textdocument';
import { Analysis } from '../analysis';
import { computeStats, DocumentStats, Segmenter } from '../engine';

export const STATISTICS_REQUEST = 'gongwen/statistics';

export interface StatisticsParams {
  uri: string;
}

export interface StatisticsResult extends DocumentStats {
  version: number;
  /** True while segmentation has not yet produced every word count; ask again shortly. */
  pending: boolean;
}

export function statistics(document: TextDocument, analysis: Analysis, segmenter: Segmenter | undefined): StatisticsResult | null {
  const result = analysis.analyze(document);
  if (!result) return null;
  const stats = computeStats(result.document, segmenter);
  return { ...stats, version: document.version, pending: segmenter !== undefined && stats.words === null };
}
