/** Chinese numerals as used in heading and enumeration markers (一 … 九十九, 一百). */
const DIGITS: Record<string, number> = {
  〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/** Parses 一…九十九 and 一百…; returns undefined for anything else. */
export function parseChineseNumber(text: string): number | undefined {
  if (!text) return undefined;
  if (text === '一百') return 100;
  const ten = text.indexOf('十');
  if (ten < 0) {
    return text.length === 1 && DIGITS[text] !== undefined && DIGITS[text] > 0 ? DIGITS[text] : undefined;
  }
  if (text.indexOf('十', ten + 1) >= 0) return undefined;
  const tensPart = text.slice(0, ten);
  const onesPart = text.slice(ten + 1);
  const tens = tensPart === '' ? 1 : tensPart.length === 1 ? DIGITS[tensPart] : undefined;
  const ones = onesPart === '' ? 0 : onesPart.length === 1 ? DIGITS[onesPart] : undefined;
  if (tens === undefined || ones === undefined || tens === 0) return undefined;
  return tens * 10 + ones;
}

const CHINESE_DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

export function toChineseNumber(n: number): string {
  if (n <= 0 || n > 100 || !Number.isInteger(n)) return String(n);
  if (n === 100) return '一百';
  if (n < 10) return CHINESE_DIGITS[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return (tens === 1 ? '' : CHINESE_DIGITS[tens]) + '十' + CHINESE_DIGITS[ones];
}
