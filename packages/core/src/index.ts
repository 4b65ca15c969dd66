export { createCore, type Core } from './core.ts';
export type { Actor, AuthedCtx, CoreDeps, Ctx } from './deps.ts';
export { AppError, APP_ERROR_CODES, isAppError, type AppErrorCode, type LegacyOverride } from './errors.ts';
export { systemClock, type Clock } from './clock.ts';
export type { Database } from './db/types.ts';
export * from './system/system.schemas.ts';
