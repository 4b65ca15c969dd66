/**
 * Small zod builders for legacy path parameters, query strings and pass-through body fields. Bounds always
 * come from the core schema given; nothing here copies a limit.
 */
import { z } from 'zod';

const DIGITS = /^[0-9]+$/;

/**
 * A `{name:int}` path segment checked against a core id schema: an id the core schema refuses (0, beyond
 * int4) cannot exist, so it is the route's 404 with `notFoundMessage` (the router answers any path
 * parameter failure with 404 and the issue's message).
 */
export const idParam = (field: z.ZodType<number, number>, notFoundMessage: string) =>
  z
    .string()
    .regex(DIGITS, notFoundMessage)
    .transform((raw, ctx) => {
      const parsed = field.safeParse(Number(raw));
      if (parsed.success) return parsed.data;
      ctx.addIssue({ code: 'custom', message: notFoundMessage });
      return z.NEVER;
    });

/** A `{name:int}` path segment whose value the core use case judges itself (any digits). */
export const digitsParam = () => z.string().regex(DIGITS).transform(Number);

/** An optional query-string value, as the legacy parsers of core take them. */
export const queryValue = () => z.string().optional();

/**
 * Body fields whose validation belongs to the core use case because it must run after the use case's own
 * checks (registration: rate limit, then the registration switch, then the body, api-rest-core §6.3.2).
 * Any JSON value passes here, typed as the core field's input; `coreFieldOf` gives the core field back so
 * the route table's generators can document it.
 */
const CORE_FIELDS = new WeakMap<z.ZodType, z.ZodType>();

export const validatedByCore = <I>(field: z.ZodType<unknown, I>) => {
  const schema = z.custom<I>(() => true).optional();
  CORE_FIELDS.set(schema, field);
  return schema;
};

/** The core field a `validatedByCore` schema stands for. */
export const coreFieldOf = (schema: z.ZodType): z.ZodType | undefined => CORE_FIELDS.get(schema);
