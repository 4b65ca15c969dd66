import { withActor, type AuthedCtx, type Ctx } from './deps.ts';
import { AppError } from './errors.ts';

/** The legacy refusal of every admin route (api-rest-challenges-admin §6): 401 or 403 with this text. */
export const ADMIN_REQUIRED_MESSAGE = 'Droits insuffisants';

/** A context whose actor is an administrator (role `archiviste`, exactly). */
export interface AdminCtx extends AuthedCtx {
  actor: AuthedCtx['actor'] & { role: 'archiviste' };
}

/**
 * The role check of every admin use case, in core so that both transports (and any future caller) enforce
 * it: anonymous → UNAUTHENTICATED, any other role → FORBIDDEN. The transports' guards check it first; this
 * is the service's own guarantee.
 */
export const requireAdmin = (ctx: Ctx): AdminCtx => {
  const actor = ctx.actor;
  if (!actor) throw new AppError('UNAUTHENTICATED', ADMIN_REQUIRED_MESSAGE);
  if (actor.role !== 'archiviste') throw new AppError('FORBIDDEN', ADMIN_REQUIRED_MESSAGE);
  return withActor(ctx, { ...actor, role: 'archiviste' as const });
};
