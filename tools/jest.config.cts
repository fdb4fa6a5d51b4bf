module.exports = {
  displayName: 'tools',
  preset: '../jest.preset.js',
  testTimeout: 60_000,
};
