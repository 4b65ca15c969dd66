import { makeAccessTokens } from './access-tokens.ts';
import { makeAccountAdmin } from './account-admin.ts';
import { makeAccountMail } from './account-mail.ts';
import type { AccountsDeps, AccountsPorts } from './accounts-deps.ts';
import { makeAuthService } from './auth.service.ts';
import { createSessionCache } from './session-cache.ts';
import { makeUserService } from './user.service.ts';

/**
 * The accounts feature, assembled once by createCore: its session cache, access tokens and mail, shared
 * by the two services the transports call (`core.auth`, `core.users`).
 */
export const makeAccountsServices = (ports: AccountsPorts) => {
  const deps: AccountsDeps = {
    ...ports,
    sessionCache: createSessionCache(ports.clock, ports.config.auth.sessionCacheSeconds),
  };
  const mail = makeAccountMail(deps);
  return {
    auth: makeAuthService(deps, makeAccessTokens(deps), mail),
    users: makeUserService(deps, mail),
    /** For the back office only (not a transport service). */
    accountAdmin: makeAccountAdmin(deps, mail),
  };
};
