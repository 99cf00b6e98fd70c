import { attr, child, children, path, XmlElement } from './xml';

/** One level of an abstract numbering definition (w:abstractNum/w:lvl). */
interface Level {
  start: number;
  format: string;
  text: string;
  /** Legal numbering (w:isLgl): every level shown as decimal. */
  legal: boolean;
}

interface NumberingInstance {
  abstractId: string;
  startOverrides: Map<number, number>;
}

const DIGITS = '〇一二三四五六七八九';

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五 (counting style, as Word's chineseCounting). */
export function chineseCounting(n: number): string {
  if (n <= 0) return String(n);
  if (n >= 10000) return String(n);
  const units = ['', '十', '百', '千'];
  const digits = String(n).split('').map(Number);
  let out = '';
  let zero = false;
  digits.forEach((d, i) => {
    const unit = units[digits.length - 1 - i];
    if (d === 0) {
      zero = out.length > 0;
      return;
    }
    if (zero) out += '零';
    zero = false;
    out += DIGITS[d] + unit;
  });
  return out.startsWith('一十') ? out.slice(1) : out;
}

function letters(n: number, upper: boolean): string {
  const base = String.fromCharCode(((n - 1) % 26) + 97).repeat(Math.floor((n - 1) / 26) + 1);
  return upper ? base.toUpperCase() : base;
}

function roman(n: number): string {
  const table: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [v, s] of table) while (n >= v) (out += s), (n -= v);
  return out;
}

/** A number in one of Word's w:numFmt formats (the ones Chinese documents use, and the common Western ones). */
export function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
      return chineseCounting(n);
    case 'ideographDigital':
    case 'taiwaneseDigital':
    case 'chineseLegalSimplified':
      return String(n).split('').map((d) => DIGITS[Number(d)]).join('');
    case 'ideographTraditional':
      return '甲乙丙丁戊己庚辛壬癸'[n - 1] ?? String(n);
    case 'ideographZodiac':
      return '子丑寅卯辰巳午未申酉戌亥'[n - 1] ?? String(n);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    case 'upperLetter':
      return letters(n, true);
    case 'lowerLetter':
      return letters(n, false);
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'none':
      return '';
    default:
      return String(n);
  }
}

/**
 * Word's automatic numbering (numbering.xml): renders the number of each numbered paragraph as Word shows
 * it ("一、", "（一）", "1."), so that heading numbers typed by Word are checked like typed ones. Counters
 * belong to the abstract definition (lists that share one continue each other); a w:num with a
 * startOverride restarts it where it is first used; a level restarts when a higher level advances.
 */
export class Numbering {
  private abstracts = new Map<string, Map<number, Level>>();
  private instances = new Map<string, NumberingInstance>();
  private counters = new Map<string, number[]>();
  private started = new Set<string>();

  constructor(root: XmlElement | undefined) {
    for (const a of children(root, 'w:abstractNum')) {
      const levels = new Map<number, Level>();
      for (const l of children(a, 'w:lvl')) {
        levels.set(Number(attr(l, 'w:ilvl') ?? 0), {
          start: Number(attr(child(l, 'w:start'), 'w:val') ?? 1),
          format: attr(child(l, 'w:numFmt'), 'w:val') ?? 'decimal',
          text: attr(child(l, 'w:lvlText'), 'w:val') ?? '',
          legal: child(l, 'w:isLgl') !== undefined,
        });
      }
      this.abstracts.set(attr(a, 'w:abstractNumId') ?? '', levels);
    }
    for (const n of children(root, 'w:num')) {
      const startOverrides = new Map<number, number>();
      for (const o of children(n, 'w:lvlOverride')) {
        const start = attr(child(o, 'w:startOverride'), 'w:val');
        if (start !== undefined) startOverrides.set(Number(attr(o, 'w:ilvl') ?? 0), Number(start));
      }
      this.instances.set(attr(n, 'w:numId') ?? '', { abstractId: attr(child(n, 'w:abstractNumId'), 'w:val') ?? '', startOverrides });
    }
  }

  /** The rendered label of the next paragraph with this numId and level, or '' (numId 0 switches numbering off). */
  next(numId: string, ilvl: number): string {
    const instance = this.instances.get(numId);
    if (!instance || numId === '0') return '';
    const levels = this.abstracts.get(instance.abstractId);
    const level = levels?.get(ilvl);
    if (!levels || !level) return '';
    let counters = this.counters.get(instance.abstractId);
    if (!counters) this.counters.set(instance.abstractId, (counters = []));
    if (!this.started.has(numId)) {
      this.started.add(numId);
      for (const [l, start] of instance.startOverrides) counters[l] = start - 1;
    }
    counters[ilvl] = (counters[ilvl] ?? (levels.get(ilvl)?.start ?? 1) - 1) + 1;
    for (let l = ilvl + 1; l < 9; l++) counters[l] = undefined as unknown as number;
    if (level.format === 'bullet') return level.text;
    return level.text.replace(/%([1-9])/g, (_, d: string) => {
      const l = Number(d) - 1;
      const value = counters![l] ?? levels.get(l)?.start ?? 1;
      const format = level.legal && l !== ilvl ? 'decimal' : (levels.get(l)?.format ?? 'decimal');
      return formatNumber(value, format);
    });
  }
}

/** The w:numPr of a paragraph's own properties, if any. */
export function numPrOf(pPr: XmlElement | undefined): { numId: string; ilvl: number } | undefined {
  const numPr = path(pPr, 'w:numPr');
  if (!numPr) return undefined;
  const numId = attr(child(numPr, 'w:numId'), 'w:val');
  const ilvl = Number(attr(child(numPr, 'w:ilvl'), 'w:val') ?? 0);
  return numId === undefined ? undefined : { numId, ilvl };
}
