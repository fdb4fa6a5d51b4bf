module.exports = {
  displayName: 'api-integration',
  preset: '../../../jest.preset.js',
  coverageDirectory: '../../../coverage/libs/api/integration',
};
