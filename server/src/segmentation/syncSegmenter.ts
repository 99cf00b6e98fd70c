import { Segmenter } from '../engine/segmentation';
import { Jieba, loadJieba } from './jieba';

/**
 * Segmentation in the calling thread, loaded on first use. For the CLI and tests, where waiting
 * ~1.5 s once for the dictionary is fine. When nodejieba cannot load, `cut` returns undefined and
 * `error` says why.
 */
export class SyncSegmenter implements Segmenter {
  private jieba?: Jieba | null;
  error?: string;

  constructor(private readonly userWords: readonly string[] = []) {}

  cut(text: string): readonly string[] | undefined {
    if (this.jieba === undefined) {
      const loaded = loadJieba(this.userWords);
      if (loaded.ok) this.jieba = loaded.jieba;
      else {
        this.jieba = null;
        this.error = loaded.error;
      }
    }
    return this.jieba ? this.jieba.cut(text, true) : undefined;
  }
}
