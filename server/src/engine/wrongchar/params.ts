/** Tuning of the wrong-character rule, measured on development data (see docs/notes/wrongchar.md). */
export const PARAMS = {
  /** Characters before and after the suspect one that the scoring window may include. */
  context: 3,
  /** Longest dictionary word considered (the lexicon holds words of up to four characters). */
  maxWord: 4,
  /** A replacement character must be at least this frequent as a single-character dictionary entry. */
  minCandidateChar: 100,
  /** The new word that covers the replaced character must be at least this frequent. */
  minNewWord: 20,
  /** A dictionary word the suspect character sits in is left alone at or above this frequency. */
  trustedWord: 30,
  /** Cost (natural log) of assuming a typo: same syllable, look-alike (look-alike lists are noisier). */
  soundCost: 0,
  shapeCost: 1,
  /**
   * Costs of the kinds from server/data/char-variants.json: another reading of a polyphone; a character
   * that contains the other or shares its component (海/每, 捡/险). Near syllables (zh/z, -ing/-in) are left
   * to the context model (contextCheck.ts): by word frequencies alone they match too many coinages.
   */
  polyCost: 1,
  componentCost: 1.5,
  /** A candidate from another reading or a near syllable must be at least this frequent (they are many). */
  minAlikeChar: 1000,
  /** Gain in log-probability (minus the cost) the best replacement needs over the original window. */
  threshold: 6,
  /**
   * Gain from which a finding is a warning whatever the document. Real reports are full of names and
   * new coinages (提质, 聚势) that look like typos to an old dictionary: below this, see below.
   */
  warningThreshold: 10.5,
  /**
   * Gain from which a finding is a warning when the document gives no evidence either way (a short
   * text) or uses the suggested word `corroboratingUses` times; in a long document that does not, a
   * finding below `warningThreshold` is a hint (LineFinding.corroboration).
   */
  corroboratedThreshold: 6,
  /** How often the long document must use the suggested word for a moderate finding to warn. */
  corroboratingUses: 3,
  /**
   * In a long document, a guess from word frequencies is shown only if the word trigram model (when loaded)
   * also prefers the change in context by this margin (ln): names and coinages of published reports form
   * no word but read well in context (医联体, 智汇, 津融).
   */
  longDocumentContextMargin: 10,
  /**
   * Places at which two members of a repeated frame around a delimiter may differ and still be a frame
   * (一严到底、一贯到底: one; three-character members: always one). See filters.ts, parallelSlots.
   */
  frameSlots: 1,
  /**
   * A single-character word the writer may have confused with another (的/地/得, 在/再): its written string is
   * one character, which recurs in any text, so no repetition test applies; in a long document the model's
   * margin must reach this (else the finding is `otherwise` there).
   */
  confusableLongDocumentMargin: 9,
  /** Suggestions listed. */
  suggestions: 3,
  /**
   * Two neighbouring characters both typed wrong (淡味 for 单位, 墙画 for 强化): a two-character word
   * with the same syllables and at least this frequency is a candidate, scored like a single change.
   */
  minPairWord: 500,
  pairCost: 3,
  /**
   * Any character (not only one that sounds or looks alike) may complete a three- or four-character
   * word at least this frequent (委贝会 → 委员会): the longer word is the evidence; the cost is high.
   * Only at an inner position of the word: an open first or last character matches too many coinages
   * (示范型 → 示范区).
   */
  minWildWord: 1000,
  wildCost: 3,
};
