import { describe, expect, it } from 'vitest';
import { z } from 'zod';

import { router } from '../init.ts';
import { listProcedures } from '../procedure-table.ts';
import { publicProcedure } from '../procedures.ts';
import { appRouter } from './_app.ts';

/**
 * The typed contract (issue 15): every procedure documents and validates its answer with a zod output
 * schema built from core's DTO schemas. A procedure added without `.output()` fails here.
 */
describe('the tRPC contract', () => {
  const procedures = listProcedures(appRouter);

  it('lists every procedure of the app router', () => {
    expect(procedures.length).toBeGreaterThanOrEqual(37);
    expect(procedures.map((p) => p.path)).toContain('exercises.submitAnswer');
  });

  it('declares a zod output schema on every procedure', () => {
    const missing = procedures.filter((p) => !(p.output instanceof z.ZodType)).map((p) => p.path);
    expect(missing).toEqual([]);
  });

  it('parses every input with a zod schema', () => {
    for (const procedure of procedures) {
      for (const input of procedure.inputs) expect(input, procedure.path).toBeInstanceOf(z.ZodType);
    }
  });

  it('catches a procedure without an output schema', () => {
    const fixture = router({ bare: publicProcedure.query(() => 1) });
    expect(listProcedures(fixture)).toEqual([
      expect.objectContaining({ path: 'bare', type: 'query', output: undefined }),
    ]);
  });
});
