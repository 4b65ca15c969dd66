// Shared ESLint flat config: type-checked typescript-eslint presets plus the
// package-boundary rules of STYLE.md §8.
import js from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
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
  client: [
    {
      regex: '^@mathakine/(core|config)(/.*)?$|^@mathakine/api(?!/contract$)(/.*)?$',
      message:
        'The client reaches the server only through the types of @mathakine/api/contract (docs/api-contract.md).',
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
 * The folder rules of packages/core (docs/architecture.md). Every folder of `src/` is one element:
 * - `kernel` (errors, clock, deps, config, ports) and `lib` (pure helpers): shared by all, import no feature;
 * - `db` (data-access infrastructure) and `adapters` (implementations of the ports): infrastructure;
 * - `testing`: test support; `entry`: src/index.ts, src/core.ts, src/db/index.ts, the package's doors;
 * - every other folder is a feature, reached from outside only through its `index.ts`.
 */
export const CORE_ELEMENTS = ['kernel', 'lib', 'db', 'adapters', 'testing'];

const element = (/** @type {string | string[]} */ types, /** @type {object} */ extra = {}) => ({
  element: { types: Array.isArray(types) ? { anyOf: types } : types, ...extra },
});

export const FEATURE_SURFACE_MESSAGE =
  'A core feature imports another feature only through its index.ts, its public surface (docs/architecture.md).';
export const SHARED_LAYER_MESSAGE =
  'kernel/ and lib/ are shared by every feature: they never import a feature (docs/architecture.md).';

const coreArchitecture = () => ({
  files: ['**/src/**/*.ts'],
  plugins: { boundaries, 'import-x': importX },
  settings: {
    'boundaries/elements': [
      { type: 'entry', pattern: ['src/index.ts', 'src/core.ts', 'src/db/index.ts'], mode: 'file' },
      ...CORE_ELEMENTS.map((type) => ({ type, pattern: `src/${type}`, mode: 'folder' })),
      { type: 'feature', pattern: 'src/*', mode: 'folder', capture: ['feature'] },
    ],
    'boundaries/files': [{ category: 'test', pattern: '**/*.test.ts' }],
    'boundaries/dependency-nodes': ['import', 'export', 'dynamic-import'],
    'boundaries/legacy-warnings': false,
    'import-x/extensions': ['.ts', '.js'],
    'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js'] })],
  },
  rules: {
    // (a) No import cycle between core files (type-only imports excepted: they vanish at run time).
    'import-x/no-cycle': ['error', { ignoreExternal: true }],
    // (b), (c) and the layer table.
    'boundaries/dependencies': [
      'error',
      {
        default: 'disallow',
        policies: [
          { from: element('kernel'), allow: { to: element(['kernel', 'lib', 'db']) } },
          { from: element('lib'), allow: { to: element(['lib', 'kernel']) } },
          { from: element('db'), allow: { to: element(['db', 'kernel', 'lib']) } },
          { from: element('adapters'), allow: { to: element(['adapters', 'kernel', 'lib']) } },
          {
            from: element(['feature', 'testing', 'entry']),
            allow: { to: element(['kernel', 'lib', 'db']) },
          },
          {
            from: element(['feature', 'testing', 'entry']),
            allow: { to: element('feature', { fileInternalPath: 'index.ts' }) },
          },
          { from: element('testing'), allow: { to: element(['adapters', 'testing', 'entry']) } },
          { from: element('entry'), allow: { to: element(['adapters', 'entry']) } },
          // The package index also re-exports each feature's schemas (the transport contract) whole.
          {
            from: element('entry'),
            allow: { to: element('feature', { fileInternalPath: '*.schemas.ts' }) },
          },
          // Tests may use the test support, the adapters and the package's doors.
          {
            from: { file: { categories: 'test' } },
            allow: { to: element(['testing', 'adapters', 'entry']) },
          },
          {
            from: element('feature'),
            disallow: { to: element('feature', { fileInternalPath: '!index.ts' }) },
            message: FEATURE_SURFACE_MESSAGE,
          },
          {
            from: element(['kernel', 'lib']),
            disallow: { to: element('feature') },
            message: SHARED_LAYER_MESSAGE,
          },
        ],
      },
    ],
  },
});

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
    ...(pkg === 'core' ? [coreArchitecture()] : []),
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
