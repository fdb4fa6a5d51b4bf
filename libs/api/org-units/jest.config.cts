module.exports = {
  displayName: 'api-org-units',
  preset: '../../../jest.preset.js',
  coverageDirectory: '../../../coverage/libs/api/org-units',
};
