// fast-check generators for random and adversarial report text.
import fc from 'fast-check';
import { dataWords } from './invariants';

const CN_NUMBERS = ['一', '二', '三', '四', '九', '十', '十一', '二十', '九十九', '一百', '零', '〇', '两', '十十', '一二三'];
const DIGITS = ['0', '1', '2', '9', '10', '99', '100', '123', '１', '２', '01'];
const OPEN = ['（', '(', '【', '〔', ''];
const CLOSE = ['）', ')', '】', '〕', ''];
const SEPARATORS = ['、', '.', '．', '，', ',', '。', ':', '：', ';', ' ', '\u3000', '', '、、', '..'];
const LEADING = ['', ' ', '  ', '\u3000\u3000', '\t', '\uFEFF', '# ', '## ', '###### ', '**', '#', '> ', '- '];

/** Every heading marker in right and wrong forms: 一、 一. （一） (一)、 1、 1． （1）. … */
export const headingMarker: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom(...LEADING),
    fc.constantFrom(...OPEN),
    fc.oneof(fc.constantFrom(...CN_NUMBERS), fc.constantFrom(...DIGITS)),
    fc.constantFrom(...CLOSE),
    fc.constantFrom(...SEPARATORS),
  )
  .map(([lead, open, n, close, sep]) => lead + open + n + close + sep);

const ENUMERATION = ['一是', '二是', '三是', '五是', '十是', '第一', '第二', '第三', '其一', '其二', '首先', '其次', '再次', '最后', '然后'];
const PUNCTUATION = [...'。，、；：？！“”‘’（）《》〈〉【】〔〕—…·,.;:?!"\'()[]<>{}'];
const SPECIAL = [
  '\u0000', '\uFEFF', '\u200B', '\u200D', '\u202E', '\u00A0', '\u2003', '\u2028', '\u2029', '\u0085', '\v', '\f', '\t',
  '\uD800', '\uDBFF', '\uDC00', '\uDFFF', '𠮷', '😀', '👨‍👩‍👧', 'é', 'e\u0301', '\uFFFD', '\uFFFF', '<!--', '-->', '```', '~~~', '---',
];
const PHRASES = [
  '特此报告。', '特此汇报。', '以上报告，请予评议。', '2024年12月20日', '二〇二四年十二月二十日', '××区市场监督管理局', '——××党委',
  '各位领导、同志们：', '现将有关情况报告如下：', '<!-- gongwen-disable-next-line -->', '<!-- gongwen-disable heading-marker -->',
  '# gongwen-disable-line', '// gongwen-disable-next-line heading-numbering enumeration-sequence', '一是一，二是二', '唯一是',
  '坚持以人民为中心', '认真贯彻落实', '进一步加强', '取得了明显成效', '存在的问题和不足', 'XX', '**', '*篇', '2024年', '12次', '8.6%', '100%',
];
const HAN = fc.integer({ min: 0x4e00, max: 0x9fff }).map((c) => String.fromCharCode(c));

let words: string[] | undefined;

/** One token of a line. */
export function token(): fc.Arbitrary<string> {
  words ??= dataWords();
  const pool = words.length ? words : ['的'];
  return fc.oneof(
    { weight: 6, arbitrary: fc.string({ unit: HAN, minLength: 1, maxLength: 8 }) },
    { weight: 3, arbitrary: fc.constantFrom(...PUNCTUATION) },
    { weight: 3, arbitrary: fc.constantFrom(...ENUMERATION) },
    { weight: 2, arbitrary: headingMarker },
    { weight: 2, arbitrary: fc.constantFrom(...PHRASES) },
    { weight: 3, arbitrary: fc.constantFrom(...pool) },
    { weight: 1, arbitrary: fc.constantFrom(...SPECIAL) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary-ascii', maxLength: 6 }) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) },
  );
}

/** A line: a heading marker or not, then tokens. */
export const line: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(headingMarker, fc.array(token(), { maxLength: 8 })).map(([m, t]) => m + t.join('')) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom('一、', '（一）', '1.', '（1）', '二、', '（二）', '2.', '（2）', '三、', '（三）', '3.', '（3）'), fc.string({ unit: HAN, minLength: 1, maxLength: 10 }), fc.constantFrom('', '。', '：', '；')).map(([m, t, e]) => m + t + e) },
  { weight: 5, arbitrary: fc.array(token(), { maxLength: 20 }).map((t) => t.join('')) },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', '\u3000', '```', '---', '~~~~') },
);

const EOL = fc.constantFrom('\n', '\r\n', '\r', '\n', '\n\n');

/** A document: lines joined by any mix of CR, LF and CRLF, maybe with a BOM. */
export const documentText: fc.Arbitrary<string> = fc
  .tuple(fc.boolean(), fc.array(fc.tuple(line, EOL), { maxLength: 60 }), fc.boolean())
  .map(([bom, lines, trailing]) => {
    const text = lines.map(([l, e]) => l + e).join('');
    return (bom ? '\uFEFF' : '') + (trailing ? text : text.replace(/(\r\n|\r|\n)$/, ''));
  });

/** A random edit of a document, as an LSP content change, kept inside the text. */
export function randomChange(text: string, rnd: () => number, insertions: readonly string[]): { start: number; end: number; text: string } {
  const pos = Math.floor(rnd() * (text.length + 1));
  const kind = rnd();
  if (kind < 0.55) return { start: pos, end: pos, text: insertions[Math.floor(rnd() * insertions.length)] };
  if (kind < 0.85) return { start: pos, end: Math.min(text.length, pos + 1 + Math.floor(rnd() * 6)), text: '' };
  return { start: pos, end: Math.min(text.length, pos + Math.floor(rnd() * 4)), text: insertions[Math.floor(rnd() * insertions.length)] };
}
