import type { TestProjectInlineConfiguration } from 'vitest/config';

import { DB_HOOK_TIMEOUT_MS, DB_TEST_TIMEOUT_MS, defineProjects } from '@mathakine/vitest-config';

const globalSetup = ['./src/testing/global-setup.ts'];
const setupFiles = ['./src/testing/setup.ts'];

// Concurrency tests (two connections racing) need a real server: the int-pg project exists only when
// DATABASE_URL is set, never as skipped tests (STYLE.md §7). The one environment read outside
// packages/config: vitest loads this file without a TypeScript loader, so @mathakine/config (TS source)
// cannot be imported here; only the variable's presence is used (the harness reads it through loadConfig).
// eslint-disable-next-line no-restricted-syntax -- see above
const hasPostgres = (process.env.DATABASE_URL ?? '') !== '';
// Same for the Redis-backed rate-limit store: the `redis` project exists only when REDIS_URL is set.
// eslint-disable-next-line no-restricted-syntax -- see above
const hasRedis = (process.env.REDIS_URL ?? '') !== '';

const extra: TestProjectInlineConfiguration[] = [];
if (hasRedis) {
  extra.push({
    extends: true,
    test: {
      name: 'redis',
      include: ['src/**/*.redis.test.ts'],
      testTimeout: DB_TEST_TIMEOUT_MS,
      hookTimeout: DB_HOOK_TIMEOUT_MS,
    },
  });
}
if (hasPostgres) {
  extra.push({
    extends: true,
    test: {
      name: 'int-pg',
      include: ['src/**/*.pg.test.ts'],
      globalSetup,
      setupFiles,
      testTimeout: DB_TEST_TIMEOUT_MS,
      hookTimeout: DB_HOOK_TIMEOUT_MS,
      pool: 'forks',
    },
  });
}

export default defineProjects({ globalSetup, setupFiles, extra });
