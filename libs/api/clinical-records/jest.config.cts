module.exports = {
  displayName: 'api-clinical-records',
  preset: '../../../jest.preset.js',
  coverageDirectory: '../../../coverage/libs/api/clinical-records',
};
