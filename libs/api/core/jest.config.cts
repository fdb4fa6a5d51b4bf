module.exports = {
  displayName: 'api-core',
  preset: '../../../jest.preset.js',
  coverageDirectory: '../../../coverage/libs/api/core',
};
