import { CompactLexicon, Lexicon } from '../engine/lexicon';
import { Segmenter } from '../engine/segmentation';
import { Jieba, loadJieba } from './jieba';
import { loadLexiconData } from './lexicon';
import type { PrebuiltBuffers } from './prebuilt';

/**
 * Segmentation in the calling thread, loaded on first use (from the prebuilt tables when they are there;
 * otherwise nodejieba parses its dictionary). When no segmenter can load, `cut` returns undefined and
 * `error` says why; `notices` say why the prebuilt tables were not used.
 */
export class SyncSegmenter implements Segmenter {
  private jieba?: Jieba | null;
  private loadedLexicon?: Lexicon | null;
  error?: string;
  /** Why the prebuilt tables were not used (segmentation works, only slower to start). */
  readonly notices: string[] = [];

  /** `prebuilt`: the prebuilt files' bytes, already read (shared between threads). */
  constructor(
    private readonly userWords: readonly string[] = [],
    private readonly prebuilt?: PrebuiltBuffers,
  ) {}

  wordLengths(text: string): Uint32Array | undefined {
    return this.load()?.wordLengths(text);
  }

  /** The words of `text` (for tests and tools), or undefined when nodejieba cannot load. */
  cut(text: string): string[] | undefined {
    return this.load()?.cut(text);
  }

  private load(): Jieba | undefined {
    if (this.jieba === undefined) {
      const loaded = loadJieba(this.userWords, this.prebuilt);
      if (loaded.ok) {
        this.jieba = loaded.jieba;
        if (loaded.notice) this.notices.push(loaded.notice);
      } else {
        this.jieba = null;
        this.error = loaded.error;
      }
    }
    return this.jieba ?? undefined;
  }

  /** The word frequencies of the segmentation dictionary, loaded on first use (prebuilt: no parsing). */
  get lexicon(): Lexicon | undefined {
    if (this.loadedLexicon === undefined) {
      const loaded = loadLexiconData(undefined, this.prebuilt?.lexicon);
      if (loaded.ok) {
        this.loadedLexicon = new CompactLexicon(loaded.data);
        if (loaded.notice) this.notices.push(loaded.notice);
      } else {
        this.loadedLexicon = null;
        this.error ??= loaded.error;
      }
    }
    return this.loadedLexicon ?? undefined;
  }
}
