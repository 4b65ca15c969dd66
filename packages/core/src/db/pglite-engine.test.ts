import { describe, expect, it } from 'vitest';

import { wasmCompileTasks } from './pglite-engine.ts';

describe('wasmCompileTasks (V8 WebAssembly compilation tasks while the engine thread runs)', () => {
  it.each([
    [1, 1],
    [2, 1],
    [3, 1],
    [4, 2],
    [16, 14],
  ])('leaves the main and engine threads a core each: %i cores → %i task(s)', (cores, tasks) => {
    expect(wasmCompileTasks(cores)).toBe(tasks);
  });
});
