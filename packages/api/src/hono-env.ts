import type { Logger } from 'pino';

import type { Actor, Core } from '@mathakine/core';

/** How the request's credentials resolved (api-rest-core §2.4 distinguishes "no token" from "bad token"). */
export type TokenState = 'none' | 'invalid' | 'valid';

/** Typed Hono variables set by the root middleware chain. */
export interface ApiVariables {
  requestId: string;
  log: Logger;
  clientIp: string;
  actor: Actor | null;
  tokenState: TokenState;
  /** The matched route template (`/api/exercises/:id{[0-9]+}`), for metrics labels. */
  routeTemplate: string | undefined;
  core: Core;
  /**
   * Cookies carry `Secure; SameSite=None` in production, `SameSite=Lax` otherwise (api-rest-core §2.2):
   * the transport's configuration, not core's.
   */
  productionCookies: boolean;
}

export interface ApiEnv {
  Variables: ApiVariables;
}
