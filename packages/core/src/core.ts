import type { CoreDeps } from './deps.ts';
import { makeSystemService } from './system/system.service.ts';

/** Wires every feature service from the process-wide dependencies (STYLE.md §4). */
export const createCore = (deps: CoreDeps) => ({
  system: makeSystemService(deps),
});

export type Core = ReturnType<typeof createCore>;
