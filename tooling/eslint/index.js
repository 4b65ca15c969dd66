// Shared ESLint flat config: type-checked typescript-eslint presets plus the
// package-boundary rules of STYLE.md §8.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Imports nobody may make: deep imports into our packages and anything from apps/. */
const commonBans = [
  {
    group: ['@mathakine/*/src/*', '@mathakine/*/src'],
    message: 'Import a package through its exports map, never its src/ folder.',
  },
  {
    group: ['**/apps/**', '@mathakine/server', '@mathakine/server/*'],
    message: 'Nothing imports from an app.',
  },
];

/** Per-package banned imports (STYLE.md §8). */
export const boundaryBans = {
  core: [
    {
      group: ['hono', 'hono/*', '@hono/*', '@trpc/*', '@sentry/*', 'prom-client'],
      message: 'packages/core knows nothing about HTTP, tRPC, Sentry or Prometheus (STYLE.md §8).',
    },
    { group: ['@mathakine/api', '@mathakine/api/*'], message: 'core never imports api.' },
  ],
  api: [
    {
      group: ['@prisma/*', '**/db/generated/**', '@mathakine/core/db'],
      message: 'packages/api calls core services; it never touches Prisma (STYLE.md §8).',
    },
  ],
  config: [
    {
      group: ['@mathakine/core', '@mathakine/core/*', '@mathakine/api', '@mathakine/api/*'],
      message: 'config is a leaf package.',
    },
  ],
  server: [
    {
      group: ['@mathakine/core/testing', '@mathakine/api/testing'],
      message: 'The server never imports test helpers.',
    },
  ],
};

const processEnvBan = {
  selector: "MemberExpression[object.name='process'][property.name='env']",
  message: 'Read configuration through @mathakine/config; process.env is read only in its env module.',
};

/**
 * @param {{ pkg: keyof typeof boundaryBans, tsconfigRootDir: string, allowEnv?: boolean }} options
 */
export const defineConfig = ({ pkg, tsconfigRootDir, allowEnv = false }) =>
  tseslint.config(
    { ignores: ['**/dist/**', '**/generated/**', '**/.cache/**', '**/*.js', '**/*.mjs', '**/fixtures/**'] },
    js.configs.recommended,
    ...tseslint.configs.strictTypeChecked,
    {
      languageOptions: {
        parserOptions: { projectService: true, tsconfigRootDir },
      },
      rules: {
        '@typescript-eslint/no-floating-promises': 'error',
        '@typescript-eslint/no-misused-promises': 'error',
        '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
        '@typescript-eslint/no-import-type-side-effects': 'error',
        '@typescript-eslint/no-non-null-assertion': 'error',
        '@typescript-eslint/no-explicit-any': 'error',
        '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
        '@typescript-eslint/no-unused-vars': [
          'error',
          { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
        ],
        'no-console': 'error',
        'no-restricted-imports': ['error', { patterns: [...commonBans, ...boundaryBans[pkg]] }],
        'no-restricted-syntax': allowEnv ? 'off' : ['error', processEnvBan],
      },
    },
    {
      // Tests may use test helpers and console-free assertions; the boundary rules still hold.
      files: ['**/*.test.ts'],
      rules: {
        '@typescript-eslint/no-unsafe-assignment': 'off',
        '@typescript-eslint/no-unsafe-member-access': 'off',
      },
    },
  );
