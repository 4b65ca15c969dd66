import type { TestProjectInlineConfiguration, UserConfig } from 'vitest/config';

export declare const defineProjects: (options?: {
  globalSetup?: string[];
  setupFiles?: string[];
  extra?: TestProjectInlineConfiguration[];
}) => UserConfig;
