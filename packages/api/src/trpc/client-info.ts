import type { ClientInfo } from '@mathakine/core';

import type { TrpcContext } from './context.ts';

/** Where a tRPC request came from (resolved by the Hono layer); `unknown` in bare callers. */
export const clientOfTrpc = (ctx: TrpcContext): ClientInfo => ({
  ip: ctx.http?.clientIp ?? 'unknown',
  userAgent: ctx.http?.userAgent ?? null,
});
