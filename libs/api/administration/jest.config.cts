module.exports = {
  displayName: 'api-administration',
  preset: '../../../jest.preset.js',
  coverageDirectory: '../../../coverage/libs/api/administration',
};
