#!/usr/bin/env node
// Runs a TypeScript tool of the repository (with the workspace's path aliases) through SWC:
// `node tools/run-ts.js tools/start/start.ts [args]`.
const { resolve } = require('node:path');
process.env.SWC_NODE_PROJECT ??= resolve(__dirname, 'tsconfig.json');
require('@swc-node/register');
const [script, ...args] = process.argv.slice(2);
if (!script) {
  console.error('usage: node tools/run-ts.js <script.ts> [args]');
  process.exit(2);
}
process.argv = [process.argv[0], resolve(script), ...args];
require(resolve(script));
