import { randomBytes } from 'node:crypto';

import type { AppConfig } from '@mathakine/config';

/** The slice of the configuration core reads (STYLE.md rule 4: core never reads the environment). */
export type CoreConfig = Pick<
  AppConfig,
  'secretKey' | 'isProduction' | 'auth' | 'rateLimits' | 'admin'
> & {
  mail: Pick<AppConfig['mail'], 'linkBaseUrl'>;
};

/** Defaults for harnesses that do not pass a configuration (a random per-process secret). */
export const defaultCoreConfig = (): CoreConfig => ({
  secretKey: randomBytes(32).toString('hex'),
  isProduction: false,
  auth: {
    accessTokenMinutes: 15,
    refreshTokenDays: 7,
    unverifiedGraceMinutes: 45,
    bcryptCost: 12,
    refreshReuseGraceSeconds: 45,
    sessionCacheSeconds: 5,
  },
  rateLimits: {
    windowSeconds: 60,
    login: 5,
    register: 3,
    forgotPassword: 5,
    resendVerification: 2,
    validateToken: 5,
    chat: 15,
    loginPerAccount: 10,
  },
  admin: { email: null, username: 'admin', password: null },
  mail: { linkBaseUrl: 'http://localhost:3000' },
});
