import { defineConfig } from 'vitest/config';

/**
 * The vitest projects of STYLE.md §7, shared by every package:
 * - unit: `*.test.ts` (pure code, no I/O)
 * - int:  `*.int.test.ts` (database: PGlite by default, PostgreSQL when DATABASE_URL is set)
 * - http: `*.http.test.ts` (`app.request`, database too)
 * `extra` adds package-specific projects (int-pg, redis) that a package includes only when its
 * service is configured, never as skipped tests.
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
      testTimeout: 30_000,
      hookTimeout: 120_000,
      pool: 'forks',
    },
  });
  return defineConfig({
    test: {
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
            testTimeout: 20_000,
          },
        },
        dbProject('int', ['src/**/*.int.test.ts', 'test/**/*.int.test.ts']),
        dbProject('http', ['src/**/*.http.test.ts', 'test/**/*.http.test.ts']),
        ...(options.extra ?? []),
      ],
    },
  });
};
