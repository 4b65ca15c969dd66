/**
 * The one legacy route validated by pydantic v2 (the exercise attempt, api-rest-core §6.4.8) answered its
 * schema failures with FastAPI's 422 `{"detail": [...]}`. Its legacy schema is a zod schema built from the
 * core submit schema; this module turns that schema's zod issues into pydantic's error objects, and gives
 * pydantic's lax number parsing as a zod preprocessor.
 */
import { z } from 'zod';

const PYDANTIC_URL = 'https://errors.pydantic.dev/2.12/v/';

export const ZPydanticError = z.strictObject({
  type: z.string(),
  loc: z.array(z.union([z.string(), z.number()])),
  msg: z.string(),
  input: z.unknown(),
  ctx: z.record(z.string(), z.unknown()).optional(),
  url: z.string(),
});
export type PydanticError = z.infer<typeof ZPydanticError>;

/** FastAPI's validation error body. */
export const ZPydanticErrorBody = z.strictObject({ detail: z.array(ZPydanticError) });

export const pydanticError = (
  type: string,
  loc: (string | number)[],
  msg: string,
  input: unknown,
  ctx?: Record<string, unknown>,
): PydanticError => ({
  type,
  loc,
  msg,
  input,
  ...(ctx === undefined ? {} : { ctx }),
  url: `${PYDANTIC_URL}${type}`,
});

/** `model_type`: the body is not a JSON object. */
export const modelTypeError = (model: string, input: unknown): PydanticError =>
  pydanticError(
    'model_type',
    [],
    `Input should be a valid dictionary or instance of ${model}`,
    input,
    { class_name: model },
  );

/** What a custom zod issue carries in `params` to be written as a given pydantic error. */
interface PydanticParams {
  pydantic: { type: string; msg: string; ctx?: Record<string, unknown> };
}

const isPydanticParams = (params: unknown): params is PydanticParams =>
  typeof params === 'object' && params !== null && 'pydantic' in params;

/** A custom zod issue rendered as the given pydantic error (for the cases zod has no code for). */
export const pydanticIssue = (
  type: string,
  msg: string,
  ctx?: Record<string, unknown>,
): { code: 'custom'; message: string; params: PydanticParams } => ({
  code: 'custom',
  message: msg,
  params: { pydantic: { type, msg, ...(ctx === undefined ? {} : { ctx }) } },
});

const plural = (n: number | bigint) => (Number(n) === 1 ? '' : 's');

const valueAt = (record: Record<string, unknown>, path: PropertyKey[]): unknown => {
  let value: unknown = record;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
};

/**
 * One zod issue → one pydantic error. `input` is the value the client sent at that location (`sent`,
 * after the route's alias and header normalisation); a missing field's input is the whole body as sent
 * (`original`), as pydantic reports it.
 */
export const toPydanticError = (
  issue: z.core.$ZodIssue,
  sent: Record<string, unknown>,
  original: unknown,
): PydanticError => {
  const loc = issue.path.map((k) => (typeof k === 'number' ? k : String(k)));
  const input = valueAt(sent, issue.path);
  switch (issue.code) {
    case 'invalid_type':
      if (input === undefined) return pydanticError('missing', loc, 'Field required', original);
      if (issue.expected === 'string')
        return pydanticError('string_type', loc, 'Input should be a valid string', input);
      if (issue.expected === 'number')
        return pydanticError('float_type', loc, 'Input should be a valid number', input);
      break;
    case 'too_small':
      if (issue.origin === 'string') {
        return pydanticError(
          'string_too_short',
          loc,
          `String should have at least ${issue.minimum} character${plural(issue.minimum)}`,
          input,
          { min_length: Number(issue.minimum) },
        );
      }
      if (issue.origin === 'number') {
        const [type, word, key] = issue.inclusive
          ? ['greater_than_equal', 'greater than or equal to', 'ge']
          : ['greater_than', 'greater than', 'gt'];
        return pydanticError(type, loc, `Input should be ${word} ${issue.minimum}`, input, {
          [key]: Number(issue.minimum),
        });
      }
      break;
    case 'too_big':
      if (issue.origin === 'string') {
        return pydanticError(
          'string_too_long',
          loc,
          `String should have at most ${issue.maximum} character${plural(issue.maximum)}`,
          input,
          { max_length: Number(issue.maximum) },
        );
      }
      if (issue.origin === 'number') {
        const [type, word, key] = issue.inclusive
          ? ['less_than_equal', 'less than or equal to', 'le']
          : ['less_than', 'less than', 'lt'];
        return pydanticError(type, loc, `Input should be ${word} ${issue.maximum}`, input, {
          [key]: Number(issue.maximum),
        });
      }
      break;
    case 'custom':
      if (isPydanticParams(issue.params)) {
        const { type, msg, ctx } = issue.params.pydantic;
        return pydanticError(type, loc, msg, input, ctx);
      }
      break;
    default:
      break;
  }
  return pydanticError('value_error', loc, issue.message, input);
};

/** Python `float(str)`: decimal or exponent notation, surrounding spaces allowed, `inf`/`nan` words. */
const parsePyFloat = (text: string): number | null => {
  const t = text.trim().replaceAll('_', '');
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) return Number(t);
  if (/^[+-]?(inf|infinity)$/i.test(t)) return t.startsWith('-') ? -Infinity : Infinity;
  if (/^[+-]?nan$/i.test(t)) return Number.NaN;
  return null;
};

/**
 * pydantic's lax `float` in front of a zod number schema (whose bounds stay the core's): numeric strings and
 * booleans are accepted, an unparsable string is `float_parsing`, `+inf` is `finite_number`, NaN and `-inf`
 * fail the lower bound (`greater_than_equal`), as pydantic answers them.
 */
export const pyLaxFloat = (schema: z.ZodNumber) =>
  z.preprocess((value, ctx) => {
    let number: unknown = value;
    if (typeof value === 'boolean') number = value ? 1 : 0;
    else if (typeof value === 'string') {
      number = parsePyFloat(value);
      if (number === null) {
        ctx.addIssue({
          ...pydanticIssue(
            'float_parsing',
            'Input should be a valid number, unable to parse string as a number',
          ),
          input: value,
        });
        return z.NEVER;
      }
    }
    if (typeof number !== 'number' || Number.isFinite(number)) return number;
    if (number > 0) {
      ctx.addIssue({
        ...pydanticIssue('finite_number', 'Input should be a finite number'),
        input: value,
      });
    } else {
      const ge = schema.minValue ?? 0;
      ctx.addIssue({
        ...pydanticIssue('greater_than_equal', `Input should be greater than or equal to ${ge}`, {
          ge,
        }),
        input: value,
      });
    }
    return z.NEVER;
  }, schema);
