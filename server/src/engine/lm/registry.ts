import { LanguageModel } from './model';

/**
 * Where the engine gets the word language model: the host (CLI, server) registers a loader that reads
 * the bytes; the model is made on first use and kept. Without a loader, or when loading fails, the rules
 * that use it work as before without it.
 */
let loader: (() => Uint8Array | undefined) | undefined;
let model: LanguageModel | null | undefined;
let failure: string | undefined;

export function provideLanguageModel(load: () => Uint8Array | undefined): void {
  loader = load;
  model = undefined;
  failure = undefined;
}

/** Sets the model directly (tests), or none with undefined. */
export function setLanguageModel(value: LanguageModel | undefined): void {
  loader = undefined;
  model = value ?? null;
}

export function languageModel(): LanguageModel | undefined {
  if (model === undefined) {
    model = null;
    if (loader) {
      try {
        const bytes = loader();
        if (bytes) model = LanguageModel.fromBytes(bytes);
      } catch (e) {
        failure = (e as Error).message;
      }
    }
  }
  return model ?? undefined;
}

/** Why the model could not be loaded (a Chinese message), if it could not. */
export function languageModelFailure(): string | undefined {
  return failure;
}
