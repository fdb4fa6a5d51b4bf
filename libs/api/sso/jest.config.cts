module.exports = {
  displayName: 'api-sso',
  preset: '../../../jest.preset.js',
  coverageDirectory: '../../../coverage/libs/api/sso',
  // openid-client (and the ES modules it is built on) is transpiled for Jest, so the spec of the
  // Passport strategy runs the real protocol checks.
  transformIgnorePatterns: ['/node_modules/(?!(openid-client|oauth4webapi|jose)/)'],
};
