import { EnumerationItem, findEnumerationItems } from './enumerations';
import { HeadingInfo, parseHeading } from './headings';
import { countVisibleChars, isBlank } from './text';

/** Everything the structure needs to know about one line; depends only on the line's text. */
export interface LineInfo {
  blank: boolean;
  heading?: HeadingInfo;
  items: EnumerationItem[];
  visibleChars: number;
  /** 特此报告。 / 以上报告，请予评议。 … */
  closingFormula: boolean;
  /** 2024年12月20日 / 二〇二四年十二月二十日 on a line of its own. */
  dateLine: boolean;
  /** The line has a paired mark (quotes, brackets): paired-marks reads only these lines. */
  pairedMarks: boolean;
}

const PAIRED_MARKS = /[“”‘’《》〈〉（）【】〔〕［］()]/;

const CLOSING_FORMULA =
  /^(特此报告|特此汇报|特此说明|以上报告|以上汇报|以上是|以上材料|请予评议|请同志们批评指正|恳请.{0,12}批评指正|妥否，?请|特此通知|特此函复)/;
const DATE_LINE = /^(\d{4}|[〇○零一二三四五六七八九]{4})年(\d{1,2}|[一二三四五六七八九十]{1,3})月((\d{1,2}|[一二三四五六七八九十]{1,3})日)?$/;

export function analyzeLine(line: string, markdown: boolean): LineInfo {
  if (isBlank(line)) return { blank: true, heading: undefined, items: [], visibleChars: 0, closingFormula: false, dateLine: false, pairedMarks: false };
  const heading = parseHeading(line, markdown);
  const items = findEnumerationItems(line, heading ? heading.titleStart : 0);
  // trim() removes U+3000 too (a /\u3000+$/ replace would be quadratic on a long run of them).
  const trimmed = line.trim();
  return {
    blank: false,
    heading,
    items,
    visibleChars: countVisibleChars(line),
    closingFormula: !heading && trimmed.length <= 40 && CLOSING_FORMULA.test(trimmed),
    dateLine: DATE_LINE.test(trimmed),
    pairedMarks: PAIRED_MARKS.test(line),
  };
}
