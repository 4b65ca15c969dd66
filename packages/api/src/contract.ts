/**
 * The typed contract of the tRPC API, as clients see it (`@mathakine/client` bundles its declarations):
 * the router type, its inferred inputs and outputs, and the error codes of `error.data.appCode`.
 * Everything here is derived from the router, so the contract cannot drift from the procedures.
 */
import type { AppRouter } from './trpc/routers/_app.ts';

/**
 * The version of the API contract (tRPC procedures and REST routes): `info.version` of `/openapi.json`
 * and the version of `@mathakine/client` (a test keeps them equal). The README's change policy says
 * which part to bump.
 */
export const API_CONTRACT_VERSION = '0.1.0';

export type { AppRouter, RouterInputs, RouterOutputs } from './trpc/routers/_app.ts';

/** The shape of `error.data` on every tRPC error (see the errorFormatter in trpc/init.ts). */
export type AppErrorData = AppRouter['_def']['_config']['$types']['errorShape']['data'];

/** What `error.data.appCode` holds: one AppErrorCode, whatever refused the call. */
export type AppErrorCode = AppErrorData['appCode'];
