import { defineProjects } from '@mathakine/vitest-config';

// The database projects use core's harness: one migrated template per run, a clone per test file.
export default defineProjects({
  globalSetup: ['@mathakine/core/testing/global-setup'],
  setupFiles: ['@mathakine/core/testing/setup'],
});
