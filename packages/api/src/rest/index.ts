import { AppError } from '@mathakine/core';

import { GUARD_MESSAGES } from '../guards.ts';
import type { LegacyRoutesModule } from './route.ts';
import {
  createLegacyRouter,
  isPublicRoute,
  unmatched,
  type LegacyRouterOptions,
} from './router.ts';

export type { LegacyRoutesModule } from './route.ts';

/**
 * The legacy REST sub-app mounted at `/api`: deny-by-default (only the routes declared public answer
 * anonymous callers; unknown paths included, everyone else gets 401), then the features' routes, then
 * the router's own 307 / 405 / 404 answers. Also returns the route table.
 */
export const createLegacyApp = (
  modules: readonly LegacyRoutesModule[],
  options: LegacyRouterOptions = {},
) => {
  const router = createLegacyRouter('/api', options);
  router.app.use('*', async (c, next) => {
    if (!c.get('actor') && !isPublicRoute(router.routes, c.req.method, c.req.path)) {
      const message =
        c.get('tokenState') === 'invalid' ? GUARD_MESSAGES.invalidToken : GUARD_MESSAGES.noToken;
      throw new AppError('UNAUTHENTICATED', message);
    }
    await next();
  });
  for (const module of modules) {
    for (const route of module.routes) router.register(route, module.feature);
  }
  router.app.all('*', (c) => unmatched(router.routes, c));
  return { app: router.app, routes: router.routes };
};
