// Loaded with `node --import` before anything else, so Sentry can instrument what main imports.
// `@sentry/node` is imported only when a DSN is configured (≈ 0.5 s and 40 MiB at start otherwise).
import { loadConfig } from '@mathakine/config';

import { scrubEvent } from './sentry-scrub.ts';

const initSentry = async () => {
  let config;
  try {
    config = loadConfig();
  } catch {
    return; // main.ts reports invalid configuration and exits.
  }
  const { sentry, isTest } = config;
  if (!sentry.dsn || isTest) return;
  const Sentry = await import('@sentry/node');
  Sentry.init({
    dsn: sentry.dsn,
    environment: sentry.environment,
    ...(sentry.release ? { release: sentry.release } : {}),
    tracesSampleRate: sentry.tracesSampleRate,
    // No PII (v11 replaced `sendDefaultPii` with per-category collection): no user info, cookies,
    // bodies or credential headers; beforeSend scrubs whatever remains.
    dataCollection: {
      userInfo: false,
      cookies: false,
      httpBodies: [],
      httpHeaders: {
        request: { deny: ['authorization', 'cookie', 'x-csrf-token'] },
        response: false,
      },
      urlQueryParams: { deny: ['token'] },
    },
    beforeSend: scrubEvent,
    beforeSendTransaction: (event) =>
      event.request?.url?.includes('/health') || event.request?.url?.includes('/metrics')
        ? null
        : event,
  });
};

await initSentry();
