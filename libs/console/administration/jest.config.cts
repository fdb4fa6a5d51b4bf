/**
 * Unit tests of the administration screens run in Node (no browser, no TestBed): the pure helpers behind their forms
 * and lists, with Angular's runtime loaded. Angular and RxJS ship as ES modules, so they are transpiled like the sources.
 */
const preset = require('../../../jest.preset.js');
const swc = preset.transform['^.+\\.[tj]s$'];

module.exports = {
  displayName: 'console-administration',
  preset: '../../../jest.preset.js',
  coverageDirectory: '../../../coverage/libs/console/administration',
  setupFiles: ['<rootDir>/src/test-setup.ts'],
  transform: { '^.+\\.[tj]s$': swc, '^.+\\.mjs$': swc },
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
  transformIgnorePatterns: ['node_modules/(?!(@angular|rxjs)/)'],
};
