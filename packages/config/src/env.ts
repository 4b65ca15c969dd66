// The only module of the monorepo that reads process.env (STYLE.md §0 rule 4, §8).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnv } from 'node:util';

import { detectProduction, detectTest } from './detect.ts';
import type { EnvSource } from './types.ts';

export interface EnvironmentSnapshot {
  env: EnvSource;
  /** Notices about how the snapshot was built (for AppConfig.warnings). */
  notices: string[];
}

/**
 * A copy of process.env. In development only (never in production, never under a test runner),
 * a `.env` file in the working directory fills in variables the real environment does not set.
 * A `.env` that would itself switch production on is ignored.
 */
export const readEnvironment = (
  options: { cwd?: string; processEnv?: EnvSource } = {},
): EnvironmentSnapshot => {
  const real: Record<string, string | undefined> = { ...(options.processEnv ?? process.env) };
  const cwd = options.cwd ?? process.cwd();
  if (detectProduction(real) || detectTest(real)) return { env: real, notices: [] };
  const file = join(cwd, '.env');
  if (!existsSync(file)) return { env: real, notices: [] };
  const fromFile = parseEnv(readFileSync(file, 'utf8'));
  const merged: Record<string, string | undefined> = { ...fromFile, ...real };
  if (detectProduction(merged)) {
    return {
      env: real,
      notices: [
        `${file} ignored: it switches production on, and production never reads a .env file.`,
      ],
    };
  }
  return { env: merged, notices: [`Loaded development variables from ${file}.`] };
};
