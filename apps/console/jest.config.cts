module.exports = {
  displayName: 'console',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/apps/console',
};
