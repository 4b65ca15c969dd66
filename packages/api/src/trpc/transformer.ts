import { TRPCError, type TRPCCombinedDataTransformer } from '@trpc/server';
import superjson from 'superjson';

import { valueFaultOf } from '../http/input-guard.ts';

/** The largest superjson `meta` an input may carry (Dates, `undefined`s: a few annotations). */
export const MAX_INPUT_META_CHARS = 8_192;

export const META_REFUSED_MESSAGE = 'Requête invalide : annotations superjson non acceptées.';

const refuse = () => new TRPCError({ code: 'BAD_REQUEST', message: META_REFUSED_MESSAGE });

/**
 * superjson, with its input side guarded (issue 14): the `meta` a client sends is bounded before
 * superjson walks it, any failure of superjson itself becomes one 400 whose message is ours, and the
 * value it builds must be a tree no deeper than the input limit (`referentialEqualities` can make a
 * 57-byte input cyclic, which the input schemas would then recurse into forever).
 */
export const guardedSuperjson: TRPCCombinedDataTransformer = {
  input: {
    serialize: (value: unknown) => superjson.serialize(value),
    deserialize: (payload: unknown) => {
      if (typeof payload === 'object' && payload !== null && 'meta' in payload) {
        const { meta } = payload;
        if (meta !== undefined) {
          if (typeof meta !== 'object' || meta === null || Array.isArray(meta)) throw refuse();
          if (JSON.stringify(meta).length > MAX_INPUT_META_CHARS) throw refuse();
        }
      }
      let value: unknown;
      try {
        value = superjson.deserialize(payload as Parameters<typeof superjson.deserialize>[0]);
      } catch {
        throw refuse();
      }
      if (valueFaultOf(value) !== null) throw refuse();
      return value;
    },
  },
  output: {
    serialize: (value: unknown) => superjson.serialize(value),
    deserialize: (payload: unknown): unknown =>
      superjson.deserialize(payload as Parameters<typeof superjson.deserialize>[0]),
  },
};
