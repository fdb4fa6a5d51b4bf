module.exports = {
  displayName: 'console-integration',
  preset: '../../../jest.preset.js',
  coverageDirectory: '../../../coverage/libs/console/integration',
};
