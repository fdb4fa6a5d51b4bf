import type { Dhis2Config } from '@skss/api/core';

/** The Authorization header of calls to DHIS2: a personal access token, or Basic. */
export function dhis2Authorization(config: Dhis2Config): Record<string, string> {
  if (config.token) return { authorization: `ApiToken ${config.token}` };
  if (config.username) {
    return { authorization: `Basic ${Buffer.from(`${config.username}:${config.password ?? ''}`).toString('base64')}` };
  }
  return {};
}
