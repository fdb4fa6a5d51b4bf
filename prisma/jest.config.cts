module.exports = {
  displayName: 'prisma',
  preset: '../jest.preset.js',
};
