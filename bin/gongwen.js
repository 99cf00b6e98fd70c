#!/usr/bin/env node
'use strict';
// `gongwen outline … | head` closes the pipe early: stop quietly instead of crashing.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
// V8's young generation stays at its first size until the check knows how much text it has (see
// youngGenerationFor in server/src/cli/check.ts). Set here, before the bundle loads, or it grows already.
require('node:v8').setFlagsFromString('--semi-space-growth-factor=1');
require('../dist/cli.js').main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
