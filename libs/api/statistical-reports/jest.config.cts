module.exports = {
  displayName: 'api-statistical-reports',
  preset: '../../../jest.preset.js',
  coverageDirectory: '../../../coverage/libs/api/statistical-reports',
};
