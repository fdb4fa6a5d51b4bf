import consoleConfig from '../../../eslint.console.config.mjs';

export default [...consoleConfig];
