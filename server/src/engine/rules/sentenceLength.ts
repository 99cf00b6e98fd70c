import { countVisibleChars } from '../text';
import { LineFinding, LineRule } from './rule';

const DEFAULT_MAX = 150;

/** A sentence longer than `maxLength` characters (option; default 150) is hard to read aloud. */
export const sentenceLength: LineRule = {
  id: 'sentence-length',
  scope: 'line',
  description: '句子过长（默认超过 150 字）时提示拆分，可用 maxLength 选项调整',
  defaultSeverity: 'hint',
  // Edited reports run past 150 characters about once every 2,000 characters: an opinion, so opt-in.
  enabledByDefault: false,
  check({ text, options }) {
    const max = typeof options.maxLength === 'number' && options.maxLength > 0 ? options.maxLength : DEFAULT_MAX;
    const findings: LineFinding[] = [];
    let start = 0;
    for (let i = 0; i <= text.length; i++) {
      const c = text[i];
      if (i < text.length && c !== '。' && c !== '！' && c !== '？') continue;
      // The closing quote or bracket after the full stop belongs to the sentence.
      let end = i < text.length ? i + 1 : i;
      while (end < text.length && (text[end] === '”' || text[end] === '’' || text[end] === '）')) end++;
      const sentence = text.slice(start, end);
      const length = countVisibleChars(sentence);
      if (length > max) {
        let s = start;
        while (s < end && /[\s\u3000]/.test(text[s])) s++;
        findings.push({ start: s, end, message: `句子较长（${length} 字，超过 ${max} 字），可考虑拆分` });
      }
      if (i >= text.length) break;
      start = end;
      i = end - 1;
    }
    return findings;
  },
};
