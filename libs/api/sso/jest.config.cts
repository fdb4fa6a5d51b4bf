module.exports = {
  displayName: 'api-sso',
  preset: '../../../jest.preset.js',
  coverageDirectory: '../../../coverage/libs/api/sso',
};
