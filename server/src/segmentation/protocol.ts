import type { LexiconData } from '../engine/lexicon';

/** Messages between the server and its segmentation worker thread. */
export type ToWorker = { type: 'cut'; id: number; texts: string[] };

export type FromWorker =
  | { type: 'ready'; milliseconds: number; engine: 'js' | 'native' | 'wasm'; notice?: string }
  | { type: 'failed'; error: string }
  /** The word lengths of each text (Segmenter.wordLengths); their buffers are transferred. */
  | { type: 'cut'; id: number; lengths: Uint32Array[] }
  /** The dictionary's word frequencies, built after 'ready' (its buffers are transferred). */
  | { type: 'lexicon'; data: LexiconData; milliseconds: number }
  | { type: 'lexicon-failed'; error: string };

export interface WorkerOptions {
  userWords: string[];
  /** The word frequencies already arrived from an earlier worker (a restart): do not build them again. */
  skipLexicon?: boolean;
}
