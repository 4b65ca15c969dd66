import type { Linter } from 'eslint';

export type PackageKind = 'core' | 'api' | 'config' | 'server';

/** Per-package banned import patterns (STYLE.md §8). */
export declare const boundaryBans: Record<PackageKind, { group: string[]; message: string }[]>;

/**
 * Shared flat config: typescript-eslint strict type-checked presets plus the package-boundary
 * rules. `allowEnv`: true lifts the process.env ban for the whole package; a list of globs lifts
 * it for those files only (e.g. `['src/env.ts']`).
 */
export declare const defineConfig: (options: {
  pkg: PackageKind;
  tsconfigRootDir: string;
  allowEnv?: boolean | string[];
}) => Linter.Config[];
