import { AppError } from '@mathakine/core';

import { GUARD_MESSAGES } from '../guards.ts';
import { isPublicApiRoute } from './public-routes.ts';
import { createLegacyRouter, unmatched, type LegacyRouter } from './router.ts';

/** A feature's legacy routes: one function per `*.routes.ts` file, registered on the shared router. */
export type LegacyRoutesModule = (router: LegacyRouter) => void;

/**
 * The legacy REST sub-app mounted at `/api`: deny-by-default (only the public list of api-rest-core
 * §2.4 answers anonymous callers; unknown paths included, everyone else gets 401), then the features'
 * routes, then the router's own 307 / 405 / 404 answers.
 */
export const createLegacyApp = (modules: readonly LegacyRoutesModule[]) => {
  const router = createLegacyRouter('/api');
  router.app.use('*', async (c, next) => {
    if (!c.var.actor && !isPublicApiRoute(c.req.method, c.req.path)) {
      const message =
        c.var.tokenState === 'invalid' ? GUARD_MESSAGES.invalidToken : GUARD_MESSAGES.noToken;
      throw new AppError('UNAUTHENTICATED', message);
    }
    await next();
  });
  for (const register of modules) register(router);
  router.app.all('*', (c) => unmatched(router.routes, c));
  return router;
};
