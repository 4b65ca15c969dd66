/**
 * @mathakine/client: the typed client of the Mathakine tRPC API (`/trpc`).
 *
 *   const api = createMathakineClient({ url: 'https://api.example.org' });
 *   const page = await api.exercises.list.query({ limit: 10 });
 *
 * Inputs, outputs and errors are typed from the server's router (the declarations are generated from it
 * at build time): a wrong procedure name or input is a type error. Dates arrive as `Date`s (superjson).
 */
import {
  createTRPCClient,
  httpBatchLink,
  httpSubscriptionLink,
  isTRPCClientError,
  splitLink,
  type HTTPHeaders,
  type TRPCClient,
  type TRPCClientError,
  type TRPCFetch,
} from '@trpc/client';
import superjson from 'superjson';

import type { AppErrorCode, AppRouter } from '@mathakine/api/contract';

export type {
  AppErrorCode,
  AppErrorData,
  AppRouter,
  RouterInputs,
  RouterOutputs,
} from '@mathakine/api/contract';

/** The wire transformer the server uses; pass it to your own links (`httpBatchLink({ transformer })`). */
export const transformer = superjson;

export interface MathakineClientOptions {
  /** The server's base URL (`https://api.example.org`); the client calls `<url>/trpc`. */
  url: string;
  /** A fetch implementation (tests, SSR, older runtimes); the global `fetch` by default. */
  fetch?: TRPCFetch;
  /** Extra headers for every request, e.g. `{ Authorization: 'Bearer <access token>' }`. */
  headers?: HTTPHeaders | (() => HTTPHeaders | Promise<HTTPHeaders>);
  /**
   * Cookie policy of the browser's fetch: `include` sends the session cookies (`access_token`,
   * `refresh_token`) to a server on another origin (which must list yours in its CORS origins).
   */
  credentials?: 'include' | 'same-origin' | 'omit';
}

/** The fetch the links use: the given (or global) fetch, with the requested cookie policy. */
const fetchWith = (options: MathakineClientOptions): TRPCFetch | undefined => {
  const { credentials } = options;
  if (credentials === undefined) return options.fetch;
  const base: TRPCFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  return (input, init) => base(input, { ...init, credentials });
};

/**
 * A typed client over HTTP: queries and mutations issued in the same tick are batched into one request;
 * subscriptions (`chat.stream`, `ai.generateExercise`, `ai.generateChallenge`) are server-sent events
 * read with the runtime's `EventSource` (browsers; the session cookies authenticate them with
 * `credentials: 'include'`).
 */
export const createMathakineClient = (options: MathakineClientOptions): TRPCClient<AppRouter> => {
  const url = `${options.url.replace(/\/+$/, '')}/trpc`;
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === 'subscription',
        true: httpSubscriptionLink({
          url,
          transformer,
          eventSourceOptions: { withCredentials: options.credentials === 'include' },
        }),
        false: httpBatchLink({
          url,
          transformer,
          fetch: fetchWith(options),
          headers: options.headers,
        }),
      }),
    ],
  });
};

/** A tRPC error from this API, with its typed `data` (`data.appCode`, `data.details`…). */
export type MathakineClientError = TRPCClientError<AppRouter>;

export const isMathakineError = (error: unknown): error is MathakineClientError =>
  isTRPCClientError<AppRouter>(error);

/** The AppErrorCode of a failed call (`RATE_LIMITED`, `EMAIL_VERIFICATION_REQUIRED`…), else null. */
export const appErrorCodeOf = (error: unknown): AppErrorCode | null =>
  isMathakineError(error) ? (error.data?.appCode ?? null) : null;
