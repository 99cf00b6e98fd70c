#!/usr/bin/env node
'use strict';
// `gongwen outline … | head` closes the pipe early: stop quietly instead of crashing.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
// V8 grows the young generation from 1 to 16 MB semi-spaces while the start-up tables are built, though
// they survive every collection: kept at its first size, a one-page check peaks ~7 MB lower at the same
// speed, and a long check is no slower (docs/notes/perf.md, "Young generation"). V8 reads the factor when it
// would grow the space, so setting it here, after the heap is set up, takes effect.
require('node:v8').setFlagsFromString('--semi-space-growth-factor=1');
require('../dist/cli.js').main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
