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

/** Every spelling of an environment read we know of: process.env, process['env'], globalThis.process.env, `const { env } = process`. */
const processEnvBans = [
  "MemberExpression[object.name='process'][property.name='env']",
  "MemberExpression[object.name='process'][computed=true][property.value='env']",
  "MemberExpression[object.type='MemberExpression'][object.property.name='process'][property.name='env']",
  "VariableDeclarator[init.name='process'] > ObjectPattern > Property[key.name='env']",
].map((selector) => ({
  selector,
  message:
    'Read configuration through @mathakine/config; process.env is read only in its env module.',
}));

/** `import { env } from 'node:process'` is the same read. */
const envImportBans = ['process', 'node:process'].map((name) => ({
  name,
  importNames: ['env'],
  message:
    'Read configuration through @mathakine/config; process.env is read only in its env module.',
}));

const restrictedImports = (pkg, { banEnv }) => [
  'error',
  { paths: banEnv ? envImportBans : [], patterns: [...commonBans, ...boundaryBans[pkg]] },
];

/**
 * @param {{
 *   pkg: keyof typeof boundaryBans,
 *   tsconfigRootDir: string,
 *   allowEnv?: boolean | string[],
 * }} options `allowEnv`: true lifts the process.env ban for the whole package; a list of globs
 *   (relative to the config file) lifts it for those files only, e.g. `['src/env.ts']`.
 */
export const defineConfig = ({ pkg, tsconfigRootDir, allowEnv = false }) => {
  if (!(pkg in boundaryBans))
    throw new Error(`Unknown package kind "${pkg}" for the ESLint boundaries.`);
  const envEverywhere = allowEnv === true;
  const envFiles = Array.isArray(allowEnv) ? allowEnv : [];
  return tseslint.config(
    {
      ignores: [
        '**/dist/**',
        '**/generated/**',
        '**/.cache/**',
        '**/*.js',
        '**/*.mjs',
        '**/fixtures/**',
      ],
    },
    js.configs.recommended,
    ...tseslint.configs.strictTypeChecked,
    {
      languageOptions: {
        parserOptions: { projectService: true, tsconfigRootDir },
      },
      linterOptions: { reportUnusedDisableDirectives: 'error' },
      rules: {
        '@typescript-eslint/no-floating-promises': 'error',
        '@typescript-eslint/no-misused-promises': 'error',
        '@typescript-eslint/consistent-type-imports': [
          'error',
          { fixStyle: 'inline-type-imports' },
        ],
        '@typescript-eslint/no-import-type-side-effects': 'error',
        '@typescript-eslint/no-non-null-assertion': 'error',
        '@typescript-eslint/no-explicit-any': 'error',
        '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
        '@typescript-eslint/no-unused-vars': [
          'error',
          { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
        ],
        'no-console': 'error',
        'no-restricted-imports': restrictedImports(pkg, { banEnv: !envEverywhere }),
        'no-restricted-syntax': envEverywhere ? 'off' : ['error', ...processEnvBans],
        // Audit S-3.1: no SQL built by string interpolation. Tagged `$queryRaw` / `$executeRaw` bind their
        // parameters; the Unsafe variants are allowed only in the database tooling and the test harness.
        'no-restricted-properties': [
          'error',
          ...['$queryRawUnsafe', '$executeRawUnsafe'].map((property) => ({
            property,
            message:
              'Use the tagged $queryRaw / $executeRaw (bound parameters), or a Prisma query.',
          })),
        ],
      },
    },
    {
      files: ['src/db/**', 'src/testing/**', '**/*.test.ts', 'bench/**'],
      rules: { 'no-restricted-properties': 'off' },
    },
    ...(envFiles.length > 0
      ? [
          {
            files: envFiles,
            rules: {
              'no-restricted-imports': restrictedImports(pkg, { banEnv: false }),
              'no-restricted-syntax': 'off',
            },
          },
        ]
      : []),
    {
      // Tests may use test helpers and console-free assertions; the boundary rules still hold.
      files: ['**/*.test.ts'],
      rules: {
        '@typescript-eslint/no-unsafe-assignment': 'off',
        '@typescript-eslint/no-unsafe-member-access': 'off',
        // expect(mock.method).toHaveBeenCalled() passes methods unbound on purpose.
        '@typescript-eslint/unbound-method': 'off',
      },
    },
  );
};
