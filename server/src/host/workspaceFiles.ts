// The texts of a workspace's reports on disk, as evidence for the wrong-character rule (engine/evidence.ts):
// read by `gongwen check` (the files of one run) and by the Node server (a background scan of its folders).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_WORKSPACE_LIMITS, WorkspaceLimits, WorkspaceTexts } from '../engine/evidence';
import { isDocx, readDocxFile } from '../cli/docx';
import { readTextFile } from '../cli/files';

/** Reports whose text counts: plain text, Markdown, 公文 (.gw) and Word files. */
export const WORKSPACE_REPORT = /\.(txt|md|markdown|gw|docx)$/i;

/** The id of a file in WorkspaceTexts: its absolute path. */
export const workspaceId = (file: string) => path.resolve(file);

/**
 * The text of a report (a .docx: all its text parts), or undefined when it cannot be read or is larger than
 * `maxChars` could hold (evidence is optional: a file that cannot be read is simply none; its check says why).
 */
export function readWorkspaceText(file: string, maxChars: number): string | undefined {
  try {
    // UTF-8 Chinese takes three bytes a character; a .docx is compressed (its text is measured after reading).
    const size = fs.statSync(file).size;
    if (!isDocx(file) && size > maxChars * 4) return undefined;
    if (isDocx(file) && size > maxChars * 8) return undefined;
    const text = isDocx(file) ? readDocxFile(file).doc.parts.map((p) => p.text).join('\n') : readTextFile(file).text;
    return text.length <= maxChars ? text : undefined;
  } catch {
    return undefined;
  }
}

/** The files' texts as one workspace (the files of one `gongwen check` run), within the limits. */
export function workspaceTextsOf(files: readonly string[], limits: WorkspaceLimits = DEFAULT_WORKSPACE_LIMITS): WorkspaceTexts {
  const texts = new WorkspaceTexts(limits);
  for (const file of files) {
    if (texts.size >= limits.maxDocuments) break;
    const id = workspaceId(file);
    if (texts.has(id)) continue;
    const text = readWorkspaceText(file, limits.maxChars - texts.totalChars);
    if (text !== undefined) texts.set(id, text);
  }
  return texts;
}
