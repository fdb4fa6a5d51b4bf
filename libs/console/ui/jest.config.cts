/**
 * Unit tests of the console's building blocks run in Node (no browser, no TestBed): services, pipes' functions,
 * interceptors and pure helpers, with Angular's runtime loaded for injection and signals. Angular and RxJS ship as
 * ES modules, so they are transpiled like the sources.
 */
const preset = require('../../../jest.preset.js');
const swc = preset.transform['^.+\\.[tj]s$'];

module.exports = {
  displayName: 'console-ui',
  preset: '../../../jest.preset.js',
  coverageDirectory: '../../../coverage/libs/console/ui',
  setupFiles: ['<rootDir>/src/test-setup.ts'],
  transform: { '^.+\\.[tj]s$': swc, '^.+\\.mjs$': swc },
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
  transformIgnorePatterns: ['node_modules/(?!(@angular|rxjs)/)'],
};
