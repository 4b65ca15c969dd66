import type { EnvSource } from './types.ts';

const value = (env: EnvSource, name: string): string => (env[name] ?? '').trim().toLowerCase();

/** The one definition of production (platform.md §1.2). */
export const detectProduction = (env: EnvSource): boolean =>
  value(env, 'ENVIRONMENT') === 'production' ||
  value(env, 'NODE_ENV') === 'production' ||
  value(env, 'MATH_TRAINER_PROFILE') === 'prod';

/** Running under a test runner: NODE_ENV=test or VITEST set. */
export const detectTest = (env: EnvSource): boolean =>
  value(env, 'NODE_ENV') === 'test' || value(env, 'VITEST') !== '';
