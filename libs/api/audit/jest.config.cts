module.exports = {
  displayName: 'api-audit',
  preset: '../../../jest.preset.js',
  coverageDirectory: '../../../coverage/libs/api/audit',
};
