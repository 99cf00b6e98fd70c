// The Node server's scan of its workspace folders for evidence of intent (engine/evidence.ts): the reports
// (.txt, .md, .gw, .docx) are read in the background, a file at a time, after the first diagnostics are out,
// and the open documents are linted again when the scan is done. Documents open in the editor count by their
// live text (Analysis sets it), so the scan leaves them alone.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isMostlyChinese } from '../analysis';
import type { WorkspaceTexts } from '../engine';
import { readWorkspaceText, WORKSPACE_REPORT, workspaceId } from '../host/workspaceFiles';

/** Folders not worth walking: tools' and version control's, and hidden ones. */
const SKIPPED_FOLDER = /^(?:\.|node_modules$|out$|dist$)/;

/** Directory entries looked at in all: a workspace folder may be a whole home directory. */
const MAX_ENTRIES = 20_000;

export interface WorkspaceScanLimits {
  maxFiles: number;
  maxChars: number;
}

export const SCAN_LIMITS: WorkspaceScanLimits = { maxFiles: 100, maxChars: 2_000_000 };

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export class WorkspaceEvidenceScan {
  /** The files the scan read (ids): a closed document among them is read from disk again. */
  private readonly scanned = new Set<string>();
  private running: Promise<number> | undefined;

  constructor(
    private readonly texts: WorkspaceTexts,
    /** Whether a document with this id is open (its live text is set by the Analysis). */
    private readonly isOpen: (id: string) => boolean,
    private readonly limits: WorkspaceScanLimits = SCAN_LIMITS,
  ) {}

  /** Reads the folders' reports (once; later calls get the same answer): how many were read. */
  scan(folders: readonly string[]): Promise<number> {
    this.running ??= this.run(folders);
    return this.running;
  }

  /** A document was closed: its text on disk is evidence again (if the scan had it). */
  restore(id: string): void {
    if (!this.scanned.has(id) || this.isOpen(id)) return;
    const text = readWorkspaceText(id, this.limits.maxChars - this.texts.totalChars);
    if (text !== undefined && isMostlyChinese(text)) this.texts.set(id, text);
  }

  private async run(folders: readonly string[]): Promise<number> {
    const files = await this.reports(folders);
    for (const file of files) {
      // One file per turn of the event loop: requests and diagnostics go first.
      await nextTurn();
      const id = workspaceId(file);
      if (this.isOpen(id) || this.texts.has(id)) continue;
      if (this.texts.totalChars >= this.limits.maxChars) break;
      const text = readWorkspaceText(file, this.limits.maxChars - this.texts.totalChars);
      if (text === undefined || !isMostlyChinese(text)) continue;
      if (this.texts.set(id, text)) this.scanned.add(id);
    }
    return this.scanned.size;
  }

  /** The reports under the folders (at most maxFiles), breadth first: a folder's own files before its subfolders'. */
  private async reports(folders: readonly string[]): Promise<string[]> {
    const found: string[] = [];
    const queue = [...folders];
    let entries = 0;
    while (queue.length > 0 && found.length < this.limits.maxFiles && entries < MAX_ENTRIES) {
      const folder = queue.shift()!;
      let listing: fs.Dirent[];
      try {
        listing = await fs.promises.readdir(folder, { withFileTypes: true });
      } catch {
        continue;
      }
      listing.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const entry of listing) {
        if (++entries > MAX_ENTRIES || found.length >= this.limits.maxFiles) break;
        const full = path.join(folder, entry.name);
        if (entry.isDirectory()) {
          if (!SKIPPED_FOLDER.test(entry.name)) queue.push(full);
        } else if (entry.isFile() && WORKSPACE_REPORT.test(entry.name)) found.push(full);
      }
    }
    return found;
  }
}
