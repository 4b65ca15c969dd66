import type { z } from 'zod';

import { AppError } from '../kernel/errors.ts';

/** Parses a use case's input; a failure is INVALID_INPUT with the first issue's (French) message. */
export const parseAdminInput = <S extends z.ZodType>(schema: S, input: unknown): z.output<S> => {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const first = parsed.error.issues[0];
  throw new AppError('INVALID_INPUT', first?.message ?? 'Données invalides', {
    cause: parsed.error,
    details: { field: first?.path.join('.') ?? null },
  });
};
