import type { TestProjectInlineConfiguration, UserConfig } from 'vitest/config';

export declare const UNIT_TEST_TIMEOUT_MS: number;
export declare const DB_TEST_TIMEOUT_MS: number;
export declare const DB_HOOK_TIMEOUT_MS: number;

export declare const defineProjects: (options?: {
  globalSetup?: string[];
  setupFiles?: string[];
  extra?: TestProjectInlineConfiguration[];
}) => UserConfig;
