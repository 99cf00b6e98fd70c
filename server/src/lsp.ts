// The LSP library for the feature files, imported in one place: esbuild gives every file that imports a
// CommonJS module its own copy of the module's exports (~700 names here, ~1 ms of the server's start each).
export * from 'vscode-languageserver';
