// Segmentation in the web extension's server: nodejieba's WebAssembly build (server/wasm/) with the same
// dictionaries as everywhere else, loaded over the extension's files (files.ts) and run in the server's own
// worker, the browser having no Node worker_threads. It loads after the first diagnostics are out (as the
// Node server's segmentation thread does); until then the rules that need words find nothing.
import { CompactLexicon, Lexicon } from '../engine/lexicon';
import { Segmenter } from '../engine/segmentation';
import { parseHanLexicon } from '../segmentation/lexicon';
import { instantiateWasmJieba, JiebaDictionaries, JiebaFileName, NodejiebaFactory } from '../segmentation/wasmJieba';
import type { Jieba } from '../segmentation/jieba';
import type { ReadFile } from './files';

export type BrowserSegmenterState = 'idle' | 'loading' | 'ready' | 'failed';

/** The files nodejieba loads, as they lie in the extension (and in the .vsix). */
export const JIEBA_FILES: Record<JiebaFileName, string> = {
  dict: 'node_modules/nodejieba/submodules/cppjieba/dict/jieba.dict.utf8',
  hmmDict: 'node_modules/nodejieba/submodules/cppjieba/dict/hmm_model.utf8',
  userDict: 'node_modules/nodejieba/submodules/cppjieba/dict/user.dict.utf8',
  idfDict: 'server/data/jieba/idf.utf8',
  stopWordDict: 'server/data/jieba/stop_words.utf8',
};
export const WASM_FILE = 'server/wasm/nodejieba.wasm';

/** Lines longer than this are not segmented (as in the Node server: a huge single line would stall the worker). */
const MAX_LINE_CHARS = 100_000;

export class BrowserSegmenter implements Segmenter {
  state: BrowserSegmenterState = 'idle';
  error?: string;
  lexicon?: Lexicon;
  private jieba?: Jieba;
  private disposed = false;

  constructor(
    /** The emscripten glue's module factory (server/wasm/nodejieba.js, bundled into the server). */
    private readonly createNodejieba: NodejiebaFactory,
    private readonly read: ReadFile,
    private readonly userWords: readonly string[],
    private readonly onUpdate: () => void,
    private readonly onStateChange: (state: BrowserSegmenterState, detail?: string) => void,
    /** When to start using the word frequencies (their first lint re-checks every line: after a pause in typing). */
    private readonly adoptWhen: (adopt: () => void) => void = (adopt) => adopt(),
  ) {}

  start(): void {
    if (this.state !== 'idle') return;
    this.state = 'loading';
    void this.load();
  }

  wordLengths(text: string): Uint32Array | undefined {
    if (!this.jieba || text.length > MAX_LINE_CHARS) return undefined;
    return this.jieba.wordLengths(text);
  }

  dispose(): void {
    this.disposed = true;
    this.jieba = undefined;
  }

  private async load(): Promise<void> {
    const started = Date.now();
    let dictionaries: JiebaDictionaries;
    try {
      const names = Object.keys(JIEBA_FILES) as JiebaFileName[];
      const [wasm, ...files] = await Promise.all([this.read(WASM_FILE), ...names.map((name) => this.read(JIEBA_FILES[name]))]);
      dictionaries = Object.fromEntries(names.map((name, i) => [name, files[i]])) as JiebaDictionaries;
      if (this.disposed) return;
      this.jieba = instantiateWasmJieba(this.createNodejieba, wasm, dictionaries, this.userWords);
    } catch (error) {
      this.fail(`WebAssembly 分词组件初始化失败：${(error as Error).message}`);
      return;
    }
    this.state = 'ready';
    this.onStateChange('ready', `WebAssembly，网页版，${Date.now() - started} ms`);
    this.onUpdate();
    // The frequencies from the same dictionary, in a later task (the lines queued now are cut first).
    setTimeout(() => {
      if (this.disposed) return;
      try {
        const lexicon = new CompactLexicon(parseHanLexicon(dictionaries.dict));
        this.adoptWhen(() => {
          if (this.disposed || this.lexicon) return;
          this.lexicon = lexicon;
          this.onUpdate();
        });
      } catch (error) {
        this.onStateChange('ready', `无法读取词频词典：${(error as Error).message}`);
      }
    }, 0);
  }

  private fail(error: string): void {
    this.state = 'failed';
    this.error = error;
    this.onStateChange('failed', error);
  }
}
