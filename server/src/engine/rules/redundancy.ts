import data from '../../../data/style.json';
import { Severity } from '../types';
import { LineFinding, LineRule } from './rule';

interface Redundancy {
  wrong: string;
  right: string;
  alt?: string;
  severity?: string;
}

const ENTRIES: Redundancy[] = data.redundancies;

/** 目的是为了, 凯旋归来, 亲眼目睹: wordy forms with a shorter equivalent (suggested, never automatic). */
export const redundancy: LineRule = {
  id: 'redundancy',
  scope: 'line',
  description: '语义重复的赘余表达（目的是为了、亲眼目睹、涉及到等）',
  defaultSeverity: 'information',
  needsSegmentation: true,
  check({ text, tokens }) {
    const findings: LineFinding[] = [];
    if (!tokens) return findings;
    let starts: Set<number> | undefined;
    let ends: Set<number> | undefined;
    for (const entry of ENTRIES) {
      for (let at = text.indexOf(entry.wrong); at >= 0; at = text.indexOf(entry.wrong, at + entry.wrong.length)) {
        const end = at + entry.wrong.length;
        starts ??= new Set(tokens.map((t) => t.start));
        ends ??= new Set(tokens.map((t) => t.end));
        if (!starts.has(at) || !ends.has(end)) continue;
        const choices = [entry.right, entry.alt].filter((c): c is string => !!c);
        findings.push({
          start: at,
          end,
          severity: entry.severity as Severity | undefined,
          message: `语义重复：“${entry.wrong}”可简化为${choices.map((c) => `“${c}”`).join('或')}`,
          fixes: choices.map((c) => ({ title: `改为“${c}”`, edits: [{ start: at, end, newText: c }], safe: false })),
        });
      }
    }
    return findings.sort((a, b) => a.start - b.start);
  },
};
