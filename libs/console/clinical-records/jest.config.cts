module.exports = {
  displayName: 'console-clinical-records',
  preset: '../../../jest.preset.js',
  coverageDirectory: '../../../coverage/libs/console/clinical-records',
};
