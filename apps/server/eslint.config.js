import { defineConfig } from '@mathakine/eslint-config';

export default [
  ...defineConfig({ pkg: 'server', tsconfigRootDir: import.meta.dirname }),
  {
    // Benchmarks (bench/) and the process-level tests (test/: real entrypoints on private PostgreSQL
    // and Redis servers) are never bundled: they may use @mathakine/core/testing; every other boundary
    // rule still holds.
    files: ['bench/**/*.ts', 'test/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@mathakine/*/src/*', '@mathakine/*/src'],
              message: 'Import a package through its exports map.',
            },
            {
              group: ['@mathakine/api/testing'],
              message: 'Benchmarks drive the real app, not the test app.',
            },
          ],
        },
      ],
    },
  },
];
