/** The layout a 公文 must have: GB/T 9704-2012 by default, or a unit's own (`format` in .gongwenrc.json). */
export interface FontSpec {
  /** Fonts accepted for the role; the first is the one export writes. A name matches when it contains one of them. */
  fonts: string[];
  /** Size in points (2号 22, 3号 16, 4号 14). */
  size: number;
  bold?: boolean;
}

export type Role = 'title' | 'heading1' | 'heading2' | 'heading3' | 'heading4' | 'body';

export interface FormatProfile {
  name: string;
  page: { width: number; height: number };
  /** Margins in millimetres, and how far off they may be. */
  margins: { top: number; bottom: number; left: number; right: number };
  toleranceMm: number;
  /** Lines per page and characters per line of the document grid. */
  grid: { lines: number; chars: number };
  /** First-line indent of body paragraphs, in characters. */
  indentChars: number;
  fonts: Record<Role, FontSpec>;
  /** Latin font for digits and letters in the body. */
  latinFont: string;
  pageNumber: { size: number; fonts: string[] };
}

/** GB/T 9704-2012: A4; 版心 156 mm × 225 mm; 22 lines of 28 characters; 3号 仿宋 body, 2号 小标宋 title. */
export const GB_T_9704: FormatProfile = {
  name: 'GB/T 9704-2012',
  page: { width: 210, height: 297 },
  margins: { top: 37, bottom: 35, left: 28, right: 26 },
  toleranceMm: 1,
  grid: { lines: 22, chars: 28 },
  indentChars: 2,
  fonts: {
    title: { fonts: ['方正小标宋简体', '小标宋'], size: 22 },
    heading1: { fonts: ['黑体', 'SimHei'], size: 16 },
    heading2: { fonts: ['楷体_GB2312', '楷体', 'KaiTi'], size: 16 },
    heading3: { fonts: ['仿宋_GB2312', '仿宋', 'FangSong'], size: 16, bold: true },
    heading4: { fonts: ['仿宋_GB2312', '仿宋', 'FangSong'], size: 16 },
    body: { fonts: ['仿宋_GB2312', '仿宋', 'FangSong'], size: 16 },
  },
  latinFont: 'Times New Roman',
  pageNumber: { size: 14, fonts: ['宋体', 'SimSun'] },
};

/** Size names for messages: 22 pt is 二号. */
export function sizeName(points: number): string {
  const names: [number, string][] = [[42, '初号'], [36, '小初'], [26, '一号'], [24, '小一'], [22, '二号'], [18, '小二'], [16, '三号'], [15, '小三'], [14, '四号'], [12, '小四'], [10.5, '五号'], [9, '小五']];
  const hit = names.find(([p]) => Math.abs(p - points) < 0.01);
  return hit ? `${hit[1]}（${points} 磅）` : `${points} 磅`;
}

export const mmToTwips = (mm: number) => Math.round((mm / 25.4) * 1440);
export const twipsToMm = (twips: number) => (twips / 1440) * 25.4;

/** A unit's overrides, as written in .gongwenrc.json (`format`): any field, fonts by role. */
export interface ProfileOverrides {
  margins?: Partial<FormatProfile['margins']>;
  toleranceMm?: number;
  grid?: Partial<FormatProfile['grid']>;
  indentChars?: number;
  fonts?: Partial<Record<Role, Partial<FontSpec>>>;
  pageNumber?: Partial<FormatProfile['pageNumber']>;
}

export function applyOverrides(base: FormatProfile, o: ProfileOverrides | undefined, name = '本单位格式'): FormatProfile {
  if (!o) return base;
  const fonts = { ...base.fonts };
  for (const [role, spec] of Object.entries(o.fonts ?? {}) as [Role, Partial<FontSpec>][]) fonts[role] = { ...fonts[role], ...spec };
  return {
    ...base,
    name,
    margins: { ...base.margins, ...o.margins },
    toleranceMm: o.toleranceMm ?? base.toleranceMm,
    grid: { ...base.grid, ...o.grid },
    indentChars: o.indentChars ?? base.indentChars,
    fonts,
    pageNumber: { ...base.pageNumber, ...o.pageNumber },
  };
}

const ROLES: Role[] = ['title', 'heading1', 'heading2', 'heading3', 'heading4', 'body'];

/**
 * The profile for a configuration's `format` (a unit's own layout on top of GB/T 9704): numbers must be
 * positive, font lists non-empty lists of names; anything else is reported and left at the standard's value.
 */
export function profileFromConfig(raw: Readonly<Record<string, unknown>> | undefined): { profile: FormatProfile; problems: string[] } {
  if (!raw) return { profile: GB_T_9704, problems: [] };
  const problems: string[] = [];
  const num = (v: unknown, where: string) => {
    if (v === undefined) return undefined;
    if (typeof v === 'number' && Number.isFinite(v) && v > 0) return v;
    problems.push(`“format.${where}”应为正数，已忽略`);
    return undefined;
  };
  const obj = (v: unknown, where: string): Record<string, unknown> => {
    if (v === undefined) return {};
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) return v as Record<string, unknown>;
    problems.push(`“format.${where}”应为对象，已忽略`);
    return {};
  };
  const clean = <T extends object>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
  const margins = obj(raw.margins, 'margins');
  const grid = obj(raw.grid, 'grid');
  const fontsIn = obj(raw.fonts, 'fonts');
  const fonts: ProfileOverrides['fonts'] = {};
  for (const [role, value] of Object.entries(fontsIn)) {
    if (!ROLES.includes(role as Role)) {
      problems.push(`“format.fonts”中未知的类别“${role}”（可用：${ROLES.join('、')}），已忽略`);
      continue;
    }
    const spec = obj(value, `fonts.${role}`);
    const list = spec.fonts;
    const okList = Array.isArray(list) && list.length > 0 && list.every((f) => typeof f === 'string' && f);
    if (list !== undefined && !okList) problems.push(`“format.fonts.${role}.fonts”应为字体名称列表，已忽略`);
    fonts[role as Role] = clean({ fonts: okList ? (list as string[]) : undefined, size: num(spec.size, `fonts.${role}.size`), bold: typeof spec.bold === 'boolean' ? spec.bold : undefined });
  }
  const overrides: ProfileOverrides = {
    margins: clean({ top: num(margins.top, 'margins.top'), bottom: num(margins.bottom, 'margins.bottom'), left: num(margins.left, 'margins.left'), right: num(margins.right, 'margins.right') }),
    toleranceMm: num(raw.toleranceMm, 'toleranceMm'),
    grid: clean({ lines: num(grid.lines, 'grid.lines'), chars: num(grid.chars, 'grid.chars') }),
    indentChars: num(raw.indentChars, 'indentChars'),
    fonts,
  };
  const known = new Set(['margins', 'toleranceMm', 'grid', 'indentChars', 'fonts', 'name']);
  for (const key of Object.keys(raw)) if (!known.has(key)) problems.push(`未知的格式配置项“format.${key}”，已忽略`);
  const name = typeof raw.name === 'string' && raw.name ? raw.name : '本单位格式';
  return { profile: applyOverrides(GB_T_9704, overrides, name), problems };
}
