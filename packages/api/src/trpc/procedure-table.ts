/**
 * The tRPC procedures as data: path, kind, meta and the declared input / output parsers. What the
 * maintenance exemptions, the contract tests and any generator read, so nothing lists procedures by hand.
 */
import type { AnyTRPCProcedure, AnyTRPCRouter } from '@trpc/server';

import type { ProcedureMeta } from './init.ts';

export interface ProcedureEntry {
  /** Dotted path, e.g. `exercises.submitAnswer`. */
  readonly path: string;
  readonly type: 'query' | 'mutation' | 'subscription';
  readonly meta: ProcedureMeta | undefined;
  /** The `.input()` parsers (zod schemas here), in declaration order. */
  readonly inputs: readonly unknown[];
  /** The `.output()` parser, when declared. */
  readonly output: unknown;
}

/** The runtime fields of a built procedure's definition (tRPC keeps `output` off its public type). */
interface ProcedureDefinition {
  type: ProcedureEntry['type'];
  meta?: unknown;
  inputs: unknown[];
  output?: unknown;
}

export const listProcedures = (router: AnyTRPCRouter): ProcedureEntry[] => {
  const procedures = router._def.procedures as Record<string, AnyTRPCProcedure>;
  return Object.entries(procedures).map(([path, procedure]) => {
    const def = procedure._def as ProcedureDefinition;
    return {
      path,
      type: def.type,
      meta: def.meta as ProcedureMeta | undefined,
      inputs: def.inputs,
      output: def.output,
    };
  });
};
