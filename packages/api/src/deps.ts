import type { Context } from 'hono';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';

import type { AppConfig } from '@mathakine/config';
import type { Actor, Core } from '@mathakine/core';

import type { TokenState } from './hono-env.ts';
import type { DocsAssets } from './http/docs.ts';

export interface ResolvedAuth {
  actor: Actor | null;
  tokenState: TokenState;
}

/**
 * Resolves the caller from the request's access token (the auth middleware picks it: the access_token
 * cookie first, then Bearer). Never rejects: guards decide what an anonymous caller may do.
 */
export type AuthResolver = (input: {
  accessToken: string | undefined;
  log: Logger;
}) => Promise<ResolvedAuth>;

/** What the transports need from the configuration (a subset of AppConfig). */
export type ApiConfig = Pick<AppConfig, 'isProduction' | 'debug' | 'cors' | 'http'>;

export interface ErrorReport {
  requestId: string;
  path: string;
  actorId: number | null;
  transport: 'rest' | 'trpc' | 'http';
}

export interface ApiDeps {
  core: Core;
  config: ApiConfig;
  log: Logger;
  /** The process's metrics registry, owned by apps/server. */
  registry: Registry;
  /** Identity resolution; defaults to "everyone is anonymous" until the accounts feature plugs in. */
  resolveAuth?: AuthResolver;
  /** Reports a 5xx to the error tracker (Sentry in production). 4xx are never reported. */
  reportError?: (err: unknown, report: ErrorReport) => void;
  /** The TCP peer address of a request (from the Node adapter); tests may leave it unset. */
  remoteAddress?: (c: Context) => string | undefined;
  /** Files the documentation pages serve (`/docs`); without them the reference page has no script. */
  docsAssets?: DocsAssets;
}
