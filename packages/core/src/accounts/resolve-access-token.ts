import type { Actor } from '../kernel/deps.ts';
import type { AccessTokens } from './access-tokens.ts';

export type TokenState = 'none' | 'invalid' | 'valid';

/** The transports' auth resolution result (api `ResolvedAuth`). */
export interface ResolvedActor {
  actor: Actor | null;
  tokenState: TokenState;
}

/**
 * The transports' per-request identity resolution (never throws for a bad token). The transport decides
 * which credential of the request is the access token (api-rest-core §2.3).
 */
export const makeResolveAccessToken =
  (tokens: AccessTokens) =>
  async (token: string | undefined): Promise<ResolvedActor> => {
    if (token === undefined || token === '') return { actor: null, tokenState: 'none' };
    const actor = await tokens.actorFromToken(token);
    return actor ? { actor, tokenState: 'valid' } : { actor: null, tokenState: 'invalid' };
  };
