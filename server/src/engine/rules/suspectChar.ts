import { againstFrame, inAlternation, inKnownWord, inOwnPhrases, nameFollows, OPENER_ANYWHERE, parallelSlots, placeNames, quotedRanges, suspectPositions } from '../wrongchar/filters';
import { wrongCharTables } from '../wrongchar/data';
import { tablesFor } from '../wrongchar/indexes';
import { PARAMS } from '../wrongchar/params';
import { pairsAt, type PairSuggestion, replacementsAt, type Suggestion } from '../wrongchar/search';
import { cachedCandidates } from '../wrongchar/candidates';
import { CONTEXT_PARAMS, contextFinding, contextMargin, contextPairMargin, type ContextSuggestion, contextSuggestions, STRONG_MARGIN } from '../lm/contextCheck';
import { LineFinding, LineRule } from './rule';

/**
 * Suspected wrong characters that no word list knows (机智 for 机制, 总休 for 总体): where the
 * segmentation leaves characters that do not form words, each character is replaced in turn by
 * characters that sound alike (same pinyin syllable) or look alike (generated glyph data), and the
 * window around it is scored with the dictionary's word frequencies (the best segmentation under a
 * unigram word model, as jieba itself uses). A replacement is reported only when it turns the window
 * into clearly better words, by a margin that pays for the edit. Precision first: parallel structures,
 * organisation names, words a modern dictionary knows and (through the linter) strings that recur are
 * left alone, and in a long document a moderate suspicion warns only if the document itself uses the
 * suggested word (docs/notes/wrongchar.md has the measurements). The parts are in ../wrongchar/ (tuning,
 * data tables, indexes, candidates, scoring, filters, candidate search); this file makes the findings.
 */

/**
 * Severity and the document-level evidence it needs. A change to any character (not one that sounds
 * or looks alike) is weaker evidence by construction: in a long document it always needs the
 * suggested word to be used elsewhere.
 */
function severityFor(gain: number, word: string, weak: boolean, otherwise: Quietly): Pick<LineFinding, 'severity' | 'corroboration'> {
  if (gain >= PARAMS.warningThreshold && !weak) return { severity: 'warning' };
  // Uncorroborated in a long document: nothing by default, a hint in the aggressive mode (see Quietly).
  if (gain >= PARAMS.corroboratedThreshold) return { severity: 'warning', corroboration: { word, otherwise, times: PARAMS.corroboratingUses } };
  return { severity: 'information' };
}

const NOTHING_QUOTED = new Uint8Array(0);

/**
 * What an uncorroborated guess in a long document becomes: nothing by default (on published reports they
 * were all names and coinages — 减污 → 奸污 — and a hint no one reads is noise), a hint with the rule option
 * `"mode": "aggressive"` (the setting gongwen.wrongChar.mode).
 */
type Quietly = 'off' | 'hint';

export function quietlyFor(options: Readonly<Record<string, unknown>> | undefined): Quietly {
  return options?.mode === 'aggressive' ? 'hint' : 'off';
}

// The findings are made outside the check's loops: a closure there (the fixes' `map`) would make the
// loops allocate a context object for every token.

/** The finding for the character at `i`, with its replacements (best first). */
function replacementFinding(text: string, i: number, suggestions: Suggestion[], otherwise: Quietly): LineFinding & { gain: number; kind?: string } {
  const best = suggestions[0];
  const list = suggestions.slice(0, PARAMS.suggestions);
  return {
    start: i,
    end: i + 1,
    gain: best.gain,
    kind: best.kind,
    ...severityFor(best.gain, best.word, best.kind === 'any', otherwise),
    // The original characters of the suspected word: if they recur in the document, they are a
    // name or a coinage, not a typo (the linter drops the finding then).
    key: text.slice(best.wordStart, best.wordStart + best.word.length),
    message: `疑似错别字：“${text[i]}”可能应为“${best.char}”（${best.word}）${list.length > 1 ? `，也可能是${list.slice(1).map((s) => `“${s.char}”`).join('、')}` : ''}`,
    fixes: list.map((s) => ({ title: `改为“${s.char}”（${s.word}）`, edits: [{ start: i, end: i + 1, newText: s.char }], safe: false })),
  };
}

/** The finding for the two characters at `i` and `i + 1`, with the words they may stand for (best first). */
function pairFinding(text: string, i: number, suggestions: PairSuggestion[], otherwise: Quietly, margin?: number): LineFinding & { gain: number } {
  const best = suggestions[0];
  const shown = suggestions.slice(0, PARAMS.suggestions);
  const original = text.slice(i, i + 2);
  // Two changed characters are weak evidence under a word-frequency model: never a warning; in a long
  // document that does not use the suggested word, nothing (医养 → 一样, 引育 → 银鱼). A warning if the word
  // trigram model prefers the change in context by its margin (`margin`, after the cost), like its own findings.
  const judged =
    margin === undefined
      ? { severity: 'information' as const, corroboration: { word: best.word, otherwise, times: PARAMS.corroboratingUses } }
      : { severity: 'warning' as const, ...(margin >= STRONG_MARGIN ? {} : { corroboration: { word: best.word, otherwise, times: Number.MAX_SAFE_INTEGER } }) };
  return {
    start: i,
    end: i + 2,
    gain: margin ?? best.gain,
    ...judged,
    key: original,
    message: `疑似错别字：“${original}”可能应为“${best.word}”${shown.length > 1 ? `，也可能是${shown.slice(1).map((s) => `“${s.word}”`).join('、')}` : ''}`,
    fixes: shown.map((s) => ({ title: `改为“${s.word}”`, edits: [{ start: i, end: i + 2, newText: s.word }], safe: false })),
  };
}

/**
 * A finding of the context check. A confused single-character word (的 for 地) has a one-character written
 * string, which recurs in any text: it gets no repetition key, and in a long document it needs a margin of
 * `confusableLongDocumentMargin` instead of contextFinding's strong margin.
 */
function contextRuleFinding(text: string, s: ContextSuggestion, otherwise: Quietly): LineFinding & { gain: number } {
  const finding: LineFinding & { gain: number } = contextFinding(text, s, otherwise);
  if (s.kind !== 'confusable') return finding;
  delete finding.key;
  if (s.margin >= PARAMS.confusableLongDocumentMargin) delete finding.corroboration;
  else finding.corroboration = { word: s.word, otherwise, times: Number.MAX_SAFE_INTEGER };
  return finding;
}

/** Tuning of the rule's own steps (the searches have theirs in PARAMS and CONTEXT_PARAMS). */
export const SUSPECT_PARAMS = {
  /** Rounds of judging again with the findings' corrections made (0: none). */
  rescoreRounds: 3,
  /**
   * The context model's margin that suffices in a line that holds a warning already, at a character that
   * is a token of its own (forms no word with its neighbours).
   */
  clusterMargin: 2.5,
};

/** The positions whose context window (±CONTEXT_PARAMS.context) holds one of `at`. */
function around(at: readonly number[], length: number): Uint8Array {
  const marks = new Uint8Array(length);
  for (const k of at) marks.fill(1, Math.max(0, k - CONTEXT_PARAMS.context), Math.min(length, k + CONTEXT_PARAMS.context + 1));
  return marks;
}

/** Whether the line holds a warning. */
function holdsWarning(found: readonly LineFinding[]): boolean {
  return found.some((f) => f.severity === 'warning');
}

/**
 * `scored` with the first correction of each warning made that it does not hold yet (the larger gain first
 * where findings overlap), and the positions changed.
 */
function corrected(scored: string, found: readonly (LineFinding & { gain: number })[]): { text: string; at: number[] } {
  const at: number[] = [];
  const chars = scored.split('');
  const taken = new Uint8Array(scored.length);
  for (const f of [...found].sort((x, y) => y.gain - x.gain)) {
    const edit = f.fixes?.[0]?.edits[0];
    if (f.severity !== 'warning' || !edit || edit.end - edit.start !== edit.newText.length || taken.subarray(edit.start, edit.end).some((x) => x)) continue;
    taken.fill(1, edit.start, edit.end);
    for (let k = edit.start; k < edit.end; k++) {
      const c = edit.newText[k - edit.start];
      if (chars[k] !== c) {
        chars[k] = c;
        at.push(k);
      }
    }
  }
  return { text: at.length ? chars.join('') : scored, at };
}

export const suspectChar: LineRule = {
  id: 'suspect-char',
  description: '疑似错别字：按分词与词频找出连不成词的字，提示读音或字形相近、能组成常用词的字',
  defaultSeverity: 'warning',
  scope: 'line',
  needsSegmentation: true,
  needsLexicon: true,
  recurringKeysAllowed: false,
  yieldsToOtherRules: true,
  prepare(data) {
    if (data && wrongCharTables(data)) data.languageModel?.();
  },
  check({ text, tokens, lexicon, data, options }) {
    // Without its data tables (the host has said why) the rule finds nothing.
    const wrongChar = data && tokens && lexicon ? wrongCharTables(data) : undefined;
    if (!tokens || !lexicon || !wrongChar) return [];
    const otherwise = quietlyFor(options);
    // Most lines quote nothing: an empty array then answers undefined (not quoted) everywhere.
    const quoted = text.search(OPENER_ANYWHERE) >= 0 ? quotedRanges(text) : NOTHING_QUOTED;
    // The varying slots of repeated frames (一严到底、一贯到底) are meant, unless the suggestion is the other member's character.
    const slots = parallelSlots(text);
    // Names of villages and towns in an address (麻田镇包村): no dictionary knows them.
    const places = placeNames(text);
    const positions = suspectPositions(text, tokens, lexicon);
    const tables = tablesFor(lexicon, wrongChar);
    // `kind`: of the best replacement (frequency findings); not part of the finding.
    const found: (LineFinding & { gain: number; kind?: string })[] = [];
    for (const token of tokens) {
      // One finding per token at most: the position whose best replacement gains most (贯切 → 贯彻).
      let bestAt = -1;
      let bestList: Suggestion[] | undefined;
      // The name test depends on the token only: done once per token.
      let named: boolean | undefined;
      for (let i = token.start; i < token.end; i++) {
        if (!positions[i] || quoted[i] || places[i] || inAlternation(text, i) || (named ??= nameFollows(text, token.end)) || inKnownWord(text, i, wrongChar)) continue;
        const list = replacementsAt(text, i, lexicon, token, tables);
        if (list && (bestAt < 0 || list[0].gain > bestList![0].gain)) {
          bestAt = i;
          bestList = list;
        }
      }
      // Searched only for a token about to be flagged: the phrase book is a long string.
      if (bestAt < 0 || !bestList || againstFrame(slots, bestAt, bestList[0].char) || inOwnPhrases(text, token, wrongChar)) continue;
      found.push(replacementFinding(text, bestAt, bestList, otherwise));
    }
    // Two neighbouring characters that are both suspect and together sound like a frequent word.
    const pairGuesses: { i: number; list: PairSuggestion[] }[] = [];
    for (let t = 0; t < tokens.length; t++) {
      const token = tokens[t];
      // The pair must consist of whole tokens: one two-character token or two single-character ones.
      let i = -1;
      if (token.end - token.start === 2) i = token.start;
      else if (token.end - token.start === 1 && tokens[t + 1]?.start === token.end && tokens[t + 1].end === token.end + 1) i = token.start;
      if (i < 0 || !positions[i] || !positions[i + 1] || quoted[i] || quoted[i + 1] || places[i] || places[i + 1]) continue;
      // The signs of intent at i and at i + 1 (the name test is the same for both).
      if (inAlternation(text, i) || inAlternation(text, i + 1) || nameFollows(text, i + 2) || inKnownWord(text, i, wrongChar) || inKnownWord(text, i + 1, wrongChar)) continue;
      const list = pairsAt(text, i, lexicon, tables);
      if (!list || againstFrame(slots, i, list[0].word[0]) || againstFrame(slots, i + 1, list[0].word[1]) || inOwnPhrases(text, { start: i, end: i + 2 }, wrongChar)) continue;
      pairGuesses.push({ i, list });
    }
    // The word trigram model (when loaded).
    const model = data?.languageModel?.();
    const bigrams = tables.bigrams;
    const pairs = bigrams ? (x: number, y: number) => bigrams.has(x, y) : undefined;
    for (const { i, list } of pairGuesses) {
      // The model judges the words that sound like the two characters: the best of them by its margin.
      let margin: number | undefined;
      if (model) {
        const shown = list.slice(0, PARAMS.suggestions);
        const margins = shown.map((s) => contextPairMargin(text, i, s.word, lexicon, model, pairs) - CONTEXT_PARAMS.pairCost);
        const best = margins.indexOf(Math.max(...margins));
        if (margins[best] >= CONTEXT_PARAMS.threshold) {
          margin = margins[best];
          if (best > 0) list.unshift(...list.splice(best, 1));
        }
      }
      found.push(pairFinding(text, i, list, otherwise, margin));
    }
    if (model) {
      // In a long document a frequency guess needs the model's support too (else it is `otherwise` there):
      // names and coinages of published reports form no word but read well in context (医联体, 悦览, 数居).
      for (const f of found) {
        if (f.end - f.start !== 1 || !f.fixes?.[0]) continue;
        // The margin pays for the kind of typo assumed, as in the model's own check.
        const margin = contextMargin(text, f.start, f.fixes[0].edits[0].newText, lexicon, model, pairs) - (CONTEXT_PARAMS.costs[f.kind ?? ''] ?? 0);
        if (margin < PARAMS.longDocumentContextMargin) f.corroboration = { word: f.fixes[0].edits[0].newText, otherwise, times: Number.MAX_SAFE_INTEGER };
      }
      // Every character, inside frequent words too, judged by the model's margin.
      const covered = new Uint8Array(text.length);
      for (const f of found) covered.fill(1, f.start, f.end);
      const tokenAt = new Int32Array(text.length).fill(-1);
      tokens.forEach((t, k) => tokenAt.fill(k, t.start, t.end));
      // The name test depends on the token only: once per token (0 not yet asked, 1 no, 2 yes).
      const named = new Uint8Array(tokens.length);
      const nameAfter = (t: number) => (named[t] ||= nameFollows(text, tokens[t].end) ? 2 : 1) === 2;
      const skip = (i: number) =>
        covered[i] === 1 || quoted[i] === 1 || places[i] === 1 || inAlternation(text, i) || (tokenAt[i] >= 0 && nameAfter(tokenAt[i])) || inKnownWord(text, i, wrongChar);
      const candidatesOf = (char: string) => cachedCandidates(char.charCodeAt(0), lexicon, tables).inContext;
      /** Adds the finding of a suggestion that survives the rule's own tests. */
      const accept = (s: ContextSuggestion): void => {
        // The token, or the written word the change would replace (纠治 in 纠治四风 → 救治), is in the phrase book.
        if (againstFrame(slots, s.at, s.char)) return;
        const written = { start: s.wordStart, end: s.wordStart + s.word.length };
        // Below the threshold (let in by the dictionary's agreement or a line with errors), the change must
        // not break a frequent written word that the new word leaves in part (改为 in 应改为 → 应该).
        const token = tokenAt[s.at] >= 0 ? tokens[tokenAt[s.at]] : undefined;
        if (s.margin < CONTEXT_PARAMS.threshold && token && (token.start < written.start || token.end > written.end) && lexicon.frequency(token.text) >= CONTEXT_PARAMS.agreedKeepsWord) return;
        // Let in by the lower margin of a line with errors only, the written character must form no word at
        // all (a token of its own: 恨 in 我恨高兴): not 印 of 印发 beside 国务完办公厅, and in official text,
        // which has few clustered errors, two-character tokens gave mostly false alarms.
        if (s.weak && (!token || token.end - token.start > 1)) return;
        if (inOwnPhrases(text, token ?? { start: s.at, end: s.at + 1 }, wrongChar) || inOwnPhrases(text, written, wrongChar)) return;
        found.push(contextRuleFinding(text, s, otherwise));
      };
      const { clusterMargin, rescoreRounds } = SUSPECT_PARAMS;
      const weak: ContextSuggestion[] = [];
      for (const s of contextSuggestions(text, lexicon, model, candidatesOf, skip, undefined, pairs, clusterMargin)) {
        if (s.weak) weak.push(s);
        else accept(s);
      }
      // Errors come in clusters: a line with one clear wrong character was written with less care (or by a
      // learner) and more likely holds others, whose windows may hold the first one and score worse for it. In
      // a line with a warning, a lower margin suffices; the warnings' first corrections are made and the
      // characters whose window holds one are judged again in the corrected text, then those near each new
      // correction, until nothing new is found. Elsewhere in the line the first margins stand. (In a long
      // document findings below STRONG_MARGIN need support the document does not give: these stay quiet there.)
      if (holdsWarning(found)) {
        let scored = text;
        let changed = corrected(scored, found);
        let near = around(changed.at, text.length);
        for (const s of weak) if (near[s.at] === 0) accept(s);
        for (let round = 0; round < rescoreRounds && changed.at.length > 0; round++) {
          scored = changed.text;
          for (const f of found) covered.fill(1, f.start, f.end);
          const judged = near;
          for (const s of contextSuggestions(scored, lexicon, model, candidatesOf, (i) => judged[i] === 0 || skip(i), undefined, pairs, clusterMargin)) accept(s);
          changed = corrected(scored, found);
          near = around(changed.at, text.length);
        }
      }
    }
    // Overlapping findings: the one with the larger gain wins.
    if (found.length === 0) return [];
    found.sort((x, y) => y.gain - x.gain);
    const taken = new Uint8Array(text.length);
    const findings: LineFinding[] = [];
    for (const { gain: _gain, kind: _kind, ...f } of found) {
      if (taken.subarray(f.start, f.end).some((x) => x)) continue;
      taken.fill(1, f.start, f.end);
      findings.push(f);
    }
    return findings.sort((x, y) => x.start - y.start);
  },
};
