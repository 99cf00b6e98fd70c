/**
 * What the client and the language server agree on beyond LSP itself: the names of the custom request
 * and of the server-side commands, and the shape of the statistics answer. The client imports this file
 * (types and string constants only), so keep it free of runtime imports.
 */
import type { DocumentStats } from './engine/stats';

/** Request: statistics of an open document. Params: StatisticsParams; result: StatisticsResult | null. */
export const STATISTICS_REQUEST = 'gongwen/statistics';

export interface StatisticsParams {
  uri: string;
}

export interface StatisticsResult extends DocumentStats {
  version: number;
  /** True while segmentation has not yet produced every word count; ask again shortly. */
  pending: boolean;
}

/** workspace/executeCommand: renumber every heading and enumeration of the document. Arguments: [uri]. */
export const RENUMBER_COMMAND = 'gongwen.server.renumber';

/** workspace/executeCommand: apply a configuration change to .gongwenrc.json. Arguments: [uri, change]. */
export const UPDATE_CONFIG_COMMAND = 'gongwen.server.updateConfig';

/** The text of a .docx for its read-only 公文 view (params: { uri }; answer: { text } or { error }). */
export const DOCX_TEXT_REQUEST = 'gongwen/docxText';
/** Export a report to .docx (arguments: report URI, output URI); the answer is { ok, message }. */
export const EXPORT_DOCX_COMMAND = 'gongwen.server.exportDocx';
/** Write the findings into a copy of a .docx (arguments: .docx URI, output URI, fix); answer { ok, message }. */
export const ANNOTATE_DOCX_COMMAND = 'gongwen.server.annotateDocx';
/** The scheme of the read-only 公文 view of a .docx: gongwen-docx:/path/to/report.docx. */
export const DOCX_VIEW_SCHEME = 'gongwen-docx';
