import { defineProjects } from '@mathakine/vitest-config';

const globalSetup = ['./src/testing/global-setup.ts'];
const setupFiles = ['./src/testing/setup.ts'];

// Concurrency tests (two connections racing) need a real server: the int-pg project exists only when
// DATABASE_URL is set, never as skipped tests (STYLE.md §7). The one environment read outside
// packages/config: vitest loads this file without a TypeScript loader, so @mathakine/config (TS source)
// cannot be imported here; only the variable's presence is used (the harness reads it through loadConfig).
// eslint-disable-next-line no-restricted-syntax -- see above
const hasPostgres = (process.env.DATABASE_URL ?? '') !== '';

export default defineProjects({
  globalSetup,
  setupFiles,
  extra: hasPostgres
    ? [
        {
          extends: true,
          test: {
            name: 'int-pg',
            include: ['src/**/*.pg.test.ts'],
            globalSetup,
            setupFiles,
            testTimeout: 30_000,
            hookTimeout: 120_000,
            pool: 'forks',
          },
        },
      ]
    : [],
});
