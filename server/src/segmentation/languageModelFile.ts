import * as fs from 'node:fs';
import * as path from 'node:path';
import { provideLanguageModel } from '../engine/lm/registry';

/**
 * The word trigram model (server/data/lm.bin, from scripts/build-lm.mjs; CC BY-SA 3.0), found beside the
 * bundles (dist/ → server/data/, also in the .vsix) or the compiled sources (out/server/src/segmentation/).
 * Read when a rule first asks for it.
 */
export function readLanguageModelFile(): Uint8Array | undefined {
  for (const file of [path.join(__dirname, '..', 'server', 'data', 'lm.bin'), path.join(__dirname, '..', '..', '..', '..', 'server', 'data', 'lm.bin')]) {
    if (fs.existsSync(file)) return fs.readFileSync(file);
  }
  return undefined;
}

provideLanguageModel(readLanguageModelFile);
