// Preloaded into the server by `benchmarks/memory.mjs --gc` (with --expose-gc): a SIGUSR2 runs a full
// garbage collection of the main thread, so that the RSS read next is what the server keeps, not the
// garbage V8 has not collected yet.
process.on('SIGUSR2', () => globalThis.gc?.());
