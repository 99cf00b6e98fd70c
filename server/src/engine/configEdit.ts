import { applyEdits, FormattingOptions, modify, parse as parseJsonc } from 'jsonc-parser';

/** A change the "ignore / disable" quick fixes make to .gongwenrc.json. */
export type ConfigChange =
  | { kind: 'ignoreWord'; word: string }
  | { kind: 'disableRule'; rule: string }
  | { kind: 'disableFileRule'; file: string; rule: string }
  | { kind: 'disableLineRule'; file: string; rule: string; line: string };

function formatting(text: string): FormattingOptions {
  const indent = /\n([ \t]+)"/.exec(text)?.[1] ?? '  ';
  return { insertSpaces: !indent.startsWith('\t'), tabSize: indent.startsWith('\t') ? 1 : indent.length, eol: text.includes('\r\n') ? '\r\n' : '\n' };
}

/**
 * Applies a change to the text of a configuration file (JSON with comments), keeping the user's
 * comments and layout: only the touched value is rewritten. Returns the text unchanged when the change
 * is already there. An empty or missing file starts as {}.
 */
export function applyConfigChange(original: string, change: ConfigChange): string {
  const bom = original.startsWith('\uFEFF') ? '\uFEFF' : '';
  let text = original.slice(bom.length);
  if (!text.trim()) text = '{\n}\n';
  const raw = (parseJsonc(text, [], { allowTrailingComma: true }) ?? {}) as Record<string, any>;
  const options = { formattingOptions: formatting(text) };
  const append = (path: (string | number)[], current: unknown, value: unknown): string => {
    if (Array.isArray(current)) return applyEdits(text, modify(text, [...path, current.length], value, { ...options, isArrayInsertion: true }));
    return applyEdits(text, modify(text, path, [value], options));
  };
  switch (change.kind) {
    case 'ignoreWord': {
      const words = raw.ignoreWords;
      if (Array.isArray(words) && words.includes(change.word)) return original;
      text = append(['ignoreWords'], words, change.word);
      break;
    }
    case 'disableRule':
      if (raw.rules?.[change.rule] === 'off') return original;
      text = applyEdits(text, modify(text, ['rules', change.rule], 'off', options));
      break;
    case 'disableFileRule': {
      const current = raw.files?.[change.file]?.disable;
      if (Array.isArray(current) && current.includes(change.rule)) return original;
      text = append(['files', change.file, 'disable'], current, change.rule);
      break;
    }
    case 'disableLineRule': {
      const current = raw.files?.[change.file]?.disableLines;
      const entry = { rule: change.rule, line: change.line.trim() };
      if (Array.isArray(current) && current.some((d) => d && d.rule === entry.rule && d.line === entry.line)) return original;
      text = append(['files', change.file, 'disableLines'], current, entry);
      break;
    }
  }
  return bom + text;
}
