module.exports = {
  displayName: 'api-catalogs',
  preset: '../../../jest.preset.js',
  coverageDirectory: '../../../coverage/libs/api/catalogs',
};
