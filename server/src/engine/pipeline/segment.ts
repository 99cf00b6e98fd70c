import type { ReportDocument } from '../document';
import type { Lexicon } from '../lexicon';
import type { Segmenter } from '../segmentation';
import { HAS_FINDINGS, LinePass, LineResult, NO_LEXICON, NOT_SEGMENTED, VISIT } from './lineCache';
import type { RuleSet } from './rules';

/** Lines longer than this are not segmented (a real paragraph is far shorter). */
export const MAX_SEGMENTED_LINE = 20_000;

/** A line the line rules are to run on in this pass, with the result they will fill in. */
export interface LineCheck {
  line: string;
  info: ReportDocument['lineInfos'][number];
  lengths: ArrayLike<number> | undefined;
  lexicon: Lexicon | undefined;
  result: LineResult;
}

/**
 * The segment stage: goes over the lines that need a look (by their flags) and settles what each holds in
 * this pass: its carried result, an identical line's, or a new one to check, segmented now. Every line is
 * segmented before any rule runs (jieba's dictionary and the rules' tables do not evict each other from the
 * processor's caches).
 */
export function linesToCheck(pass: LinePass, rules: RuleSet, segmenter: Segmenter | undefined, lexicon: Lexicon | undefined): LineCheck[] {
  const { lines, lineInfos, ignoredLines } = pass.document;
  const { flags } = pass;
  const { needsSegmentation } = rules;
  const wanted = VISIT | HAS_FINDINGS | (needsSegmentation ? NOT_SEGMENTED : 0) | (lexicon ? NO_LEXICON : 0);
  const toCheck: LineCheck[] = [];
  for (let i = 0; i < lines.length; i++) {
    if ((flags[i] & wanted) === 0) continue;
    const info = lineInfos[i];
    if (info.blank || ignoredLines.has(i)) {
      pass.drop(i);
      continue;
    }
    // A line checked earlier in this pass was checked with everything there is.
    const twin = pass.checkedTwin(i);
    if (twin) {
      pass.keep(i, twin, false);
      continue;
    }
    const line = lines[i];
    const old = pass.previousResult(i);
    const stale = old && ((!old.segmented && needsSegmentation && segmenter) || (!old.withLexicon && lexicon));
    if (!old || stale) {
      // A "paragraph" of tens of thousands of characters is pasted data, not prose: not segmented.
      const segmentable = line.length <= MAX_SEGMENTED_LINE;
      const lengths = needsSegmentation && segmentable ? segmenter?.wordLengths(line) : undefined;
      if (!old || lengths || lexicon || !segmentable) {
        const checkLengths = lengths ?? old?.lengths;
        const result: LineResult = {
          findings: [],
          uniqueKeys: undefined,
          segmented: checkLengths !== undefined || !needsSegmentation || !segmentable,
          lengths: checkLengths,
          tokens: undefined,
          // Lexicon rules that also need segmentation have not run without words.
          withLexicon: lexicon !== undefined && (checkLengths !== undefined || !needsSegmentation),
        };
        toCheck.push({ line, info, lengths: checkLengths, lexicon, result });
        pass.keep(i, result, true);
        continue;
      }
    }
    pass.keep(i, old!, false);
  }
  return toCheck;
}
