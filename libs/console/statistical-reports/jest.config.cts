module.exports = {
  displayName: 'console-statistical-reports',
  preset: '../../../jest.preset.js',
  coverageDirectory: '../../../coverage/libs/console/statistical-reports',
};
