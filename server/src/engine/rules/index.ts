import { enumerationPunctuation } from './enumerationPunctuation';
import { enumerationMixed, enumerationSequence } from './enumerationSequence';
import { headingEndPunctuation } from './headingEndPunctuation';
import { headingHierarchy } from './headingHierarchy';
import { headingMarker } from './headingMarker';
import { headingNumbering } from './headingNumbering';
import { Rule } from './rule';
import { placeholder } from './placeholder';
import { pairedMarks } from './pairedMarks';
import { straightQuotes } from './straightQuotes';
import { halfwidthPunctuation } from './halfwidthPunctuation';
import { repeatedPunctuation } from './repeatedPunctuation';
import { ellipsisDash } from './ellipsisDash';
import { dunhaoBeforeDeng } from './dunhaoBeforeDeng';
import { fullwidthDigits } from './fullwidthDigits';
import { twoDigitYear } from './twoDigitYear';
import { yearNumerals } from './yearNumerals';
import { approximation } from './approximation';
import { rangeUnit } from './rangeUnit';
import { digitNumeralMix } from './digitNumeralMix';
import { sentenceLength } from './sentenceLength';
import { repeatedWord } from './repeatedWord';
import { redundancy } from './redundancy';
import { overusedWord } from './overusedWord';
import { sectionCompleteness } from './sectionCompleteness';
import { misusedWord } from './misusedWord';
import { standardTerm } from './standardTerm';
import { CONTEXT_PAIR_RULES } from './contextPairs';
import { suspectChar } from './suspectChar';
import { formulationItems } from './formulationItems';
import { formulationName } from './formulationName';
import { outdatedFormulation } from './outdatedFormulation';
import { discouragedWord } from './discouragedWord';
import { idiom } from './idiom';
import { collocation } from './collocation';

/** Every built-in rule, in the order their findings are listed for one position. */
export const ALL_RULES: readonly Rule[] = [
  // Structure (section tree)
  headingMarker,
  headingEndPunctuation,
  headingNumbering,
  headingHierarchy,
  enumerationPunctuation,
  enumerationSequence,
  enumerationMixed,
  sectionCompleteness,
  // Text: placeholders, punctuation, numbers
  placeholder,
  pairedMarks,
  straightQuotes,
  halfwidthPunctuation,
  repeatedPunctuation,
  ellipsisDash,
  dunhaoBeforeDeng,
  fullwidthDigits,
  twoDigitYear,
  yearNumerals,
  approximation,
  rangeUnit,
  digitNumeralMix,
  // Style hints
  sentenceLength,
  repeatedWord,
  redundancy,
  overusedWord,
  // Words
  misusedWord,
  standardTerm,
  formulationItems,
  formulationName,
  outdatedFormulation,
  discouragedWord,
  idiom,
  collocation,
  // 截至／截止, 作出／做出 …: one rule per entry of server/data/context-pairs.json
  ...CONTEXT_PAIR_RULES,
  // Proofreading
  suspectChar,
];

export const RULE_IDS: ReadonlySet<string> = new Set(ALL_RULES.map((r) => r.id));

/** Rules whose findings the renumber command resolves. */
export const NUMBERING_RULES: ReadonlySet<string> = new Set([
  'heading-numbering',
  'enumeration-sequence',
  'enumeration-mixed',
]);
