/** Messages between the server and its segmentation worker thread. */
export type ToWorker = { type: 'cut'; id: number; texts: string[] };

export type FromWorker =
  | { type: 'ready'; milliseconds: number }
  | { type: 'failed'; error: string }
  | { type: 'cut'; id: number; words: string[][] };

export interface WorkerOptions {
  userWords: string[];
}
