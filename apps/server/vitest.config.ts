import type { TestProjectInlineConfiguration } from 'vitest/config';

import { DB_HOOK_TIMEOUT_MS, DB_TEST_TIMEOUT_MS, defineProjects } from '@mathakine/vitest-config';

// The two-instance test starts its own PostgreSQL and Redis servers; like core's int-pg and redis
// projects, it exists only when the run has those services (DATABASE_URL and REDIS_URL set), never as
// skipped tests. Only the variables' presence is read (see packages/core/vitest.config.ts).
// eslint-disable-next-line no-restricted-syntax -- see above
const hasServices = (process.env.DATABASE_URL ?? '') !== '' && (process.env.REDIS_URL ?? '') !== '';

const extra: TestProjectInlineConfiguration[] = hasServices
  ? [
      {
        extends: true,
        test: {
          name: 'int-pg',
          include: ['test/**/*.pg.test.ts'],
          testTimeout: DB_TEST_TIMEOUT_MS,
          hookTimeout: DB_HOOK_TIMEOUT_MS,
          pool: 'forks',
        },
      },
    ]
  : [];

export default defineProjects({ extra });
