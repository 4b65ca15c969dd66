export { createApiApp, TRPC_MAX_BATCH_SIZE, type ApiApp } from './app.ts';
export { ACCESS_LINE_FIELDS } from './middleware/request-context.ts';
export type { ApiConfig, ApiDeps, AuthResolver, ErrorReport, ResolvedAuth } from './deps.ts';
export type { AppRouter, RouterInputs, RouterOutputs } from './trpc/routers/_app.ts';
export { appRouter, createCaller } from './trpc/routers/_app.ts';
