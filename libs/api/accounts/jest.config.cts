module.exports = {
  displayName: 'api-accounts',
  preset: '../../../jest.preset.js',
  coverageDirectory: '../../../coverage/libs/api/accounts',
};
