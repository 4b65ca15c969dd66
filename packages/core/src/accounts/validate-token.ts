import type { Ctx } from '../kernel/deps.ts';
import { AppError } from '../kernel/errors.ts';
import { sha256Hex } from '../lib/tokens.ts';
import type { AccessTokens } from './access-tokens.ts';
import type { AccountsDeps } from './accounts-deps.ts';
import { AUTH_MESSAGES } from './auth.rules.ts';
import type { ClientInfo, ValidateTokenDto, ValidateTokenInput } from './auth.schemas.ts';

/**
 * The Next.js server's check before it copies a token onto its domain. Throttled per client IP and token,
 * so one frontend server relaying every user's check does not share a single bucket.
 */
export const makeValidateToken =
  (deps: AccountsDeps, tokens: AccessTokens) =>
  async (_ctx: Ctx, input: ValidateTokenInput, client: ClientInfo): Promise<ValidateTokenDto> => {
    await deps.rateLimits.consume(
      'validate-token',
      `${client.ip}:${sha256Hex(input.token).slice(0, 16)}`,
    );
    const actor = await tokens.actorFromToken(input.token);
    if (!actor) throw new AppError('UNAUTHENTICATED', AUTH_MESSAGES.tokenInvalid);
    return { valid: true, subject: actor.username };
  };
