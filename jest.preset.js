const { readFileSync } = require('node:fs');
const { resolve } = require('node:path');
const { register } = require('tsconfig-paths');
const nxPreset = require('@nx/jest/preset').default;

// Jest resolves the workspace aliases (@skss/...) in test files, but global setup code runs in
// the parent process with Node's resolution: register the aliases there too.
const { compilerOptions } = JSON.parse(readFileSync(resolve(__dirname, 'tsconfig.base.json'), 'utf8'));
register({ baseUrl: __dirname, paths: compilerOptions.paths });

/**
 * Tests are transpiled by SWC (fast, with decorator metadata for Nest); types are checked
 * separately by the `typecheck` targets.
 */
module.exports = {
  ...nxPreset,
  testEnvironment: 'node',
  transform: {
    '^.+\\.[tj]s$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
};
