import type { ErrorEvent, EventHint } from '@sentry/node';

const SENSITIVE_KEY = /password|token|secret|csrf|api[_-]?key|authorization|cookie/i;
const FILTERED = '[Filtered]';

/** Replaces every value under a sensitive key, recursively (arrays and plain objects). */
export const scrubValue = (value: unknown, depth = 0): unknown => {
  if (depth > 8 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => scrubValue(v, depth + 1));
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([k, v]) => [
      k,
      SENSITIVE_KEY.test(k) ? FILTERED : scrubValue(v, depth + 1),
    ]),
  );
};

/**
 * Sentry `beforeSend` (platform §4.4): drops probe noise, removes cookies, credentials and request
 * bodies, and scrubs sensitive keys anywhere in the event; the user is kept by id only.
 */
export const scrubEvent = (event: ErrorEvent, _hint?: EventHint): ErrorEvent | null => {
  const url = event.request?.url ?? '';
  if (url.includes('/health') || url.includes('/metrics')) return null;
  if (event.request) {
    const { cookies: _cookies, data: _data, headers, ...rest } = event.request;
    event.request = {
      ...rest,
      ...(headers ? { headers: scrubValue(headers) as Record<string, string> } : {}),
    };
  }
  if (event.user) event.user = event.user.id === undefined ? {} : { id: event.user.id };
  if (event.extra) event.extra = scrubValue(event.extra) as Record<string, unknown>;
  if (event.contexts) event.contexts = scrubValue(event.contexts) as typeof event.contexts;
  if (event.breadcrumbs) {
    event.breadcrumbs = event.breadcrumbs.map((b) =>
      b.data ? { ...b, data: scrubValue(b.data) as Record<string, unknown> } : b,
    );
  }
  return event;
};
