import { defineConfig } from 'vitest/config';

/**
 * Timeouts are a guard against a hang, never a speed assertion. They are sized for a saturated 2-core
 * machine running every package's suite at once (`pnpm test`), where a test file can wait a long time
 * for a CPU; a passing test never comes near them. A test that needs to wait waits on its condition
 * (a promise, `vi.waitFor`, a lock visible in `pg_locks`), never on a fixed delay.
 */
/** Pure code: CPU only. */
export const UNIT_TEST_TIMEOUT_MS = 60_000;
/**
 * A test on the database (PGlite in process, or PostgreSQL), a spawned process or a local server.
 * Measured with both cores held by busy loops while the whole suite ran: the slowest single test
 * (the server boot from source, `apps/server/test/boot.int.test.ts`) took 138 s; a passing run on an
 * idle machine takes 14 s.
 */
export const DB_TEST_TIMEOUT_MS = 300_000;
/** Hooks create, clone, reset and drop databases (on PostgreSQL: `CREATE DATABASE … TEMPLATE`). */
export const DB_HOOK_TIMEOUT_MS = 300_000;

/**
 * The vitest projects of STYLE.md §7, shared by every package:
 * - unit: `*.test.ts` (pure code, no I/O)
 * - int:  `*.int.test.ts` (database: PGlite by default, PostgreSQL when DATABASE_URL is set)
 * - http: `*.http.test.ts` (`app.request`, database too)
 * `extra` adds package-specific projects (int-pg, redis) that a package includes only when its
 * service is configured, never as skipped tests; they take `DB_TEST_TIMEOUT_MS` / `DB_HOOK_TIMEOUT_MS`.
 *
 * Plain JavaScript: vitest loads config files without a TypeScript loader for linked packages.
 *
 * @param {{ globalSetup?: string[]; setupFiles?: string[]; extra?: import('vitest/config').TestProjectInlineConfiguration[] }} [options]
 */
export const defineProjects = (options = {}) => {
  /** @returns {import('vitest/config').TestProjectInlineConfiguration} */
  const dbProject = (/** @type {string} */ name, /** @type {string[]} */ include) => ({
    extends: true,
    test: {
      name,
      include,
      globalSetup: options.globalSetup ?? [],
      setupFiles: options.setupFiles ?? [],
      testTimeout: DB_TEST_TIMEOUT_MS,
      hookTimeout: DB_HOOK_TIMEOUT_MS,
      pool: 'forks',
    },
  });
  return defineConfig({
    test: {
      // Shutdown waits for globalSetup's teardown (dropping this run's PostgreSQL databases).
      teardownTimeout: DB_HOOK_TIMEOUT_MS,
      projects: [
        {
          extends: true,
          test: {
            name: 'unit',
            include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
            exclude: [
              '**/*.int.test.ts',
              '**/*.http.test.ts',
              '**/*.pg.test.ts',
              '**/*.redis.test.ts',
              '**/node_modules/**',
            ],
            testTimeout: UNIT_TEST_TIMEOUT_MS,
          },
        },
        dbProject('int', ['src/**/*.int.test.ts', 'test/**/*.int.test.ts']),
        dbProject('http', ['src/**/*.http.test.ts', 'test/**/*.http.test.ts']),
        ...(options.extra ?? []),
      ],
    },
  });
};
