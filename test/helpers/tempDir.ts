import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const created: string[] = [];
// Removed when the test file's process ends, whatever the outcome (a failing test keeps nothing behind).
process.on('exit', () => {
  for (const dir of created) {
    try {
      fs.rmSync(dir, { recursive: true, force: true });
    } catch {
      // Best effort: a folder another process still holds is left to the OS.
    }
  }
});

/** A fresh folder under the OS temp dir, deleted when the test process exits. */
export function tempDir(prefix: string): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
  created.push(dir);
  return dir;
}
