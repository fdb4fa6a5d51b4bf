module.exports = {
  displayName: 'console-i18n',
  preset: '../../../jest.preset.js',
  coverageDirectory: '../../../coverage/libs/console/i18n',
};
