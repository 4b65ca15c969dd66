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

/** The message of the rule "a core feature imports another feature only through its index.ts". */
export declare const FEATURE_SURFACE_MESSAGE: string;
/** The message of the rule "kernel/ and lib/ never import a feature". */
export declare const SHARED_LAYER_MESSAGE: string;
/** The non-feature folders of packages/core/src. */
export declare const CORE_ELEMENTS: string[];
