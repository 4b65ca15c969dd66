/**
 * The OpenAPI 3.1 document of the legacy REST layer, generated from the route table (never from a list
 * kept by hand): every registered route with its parameters, request body, success responses, every
 * error status it documents (`errorStatusesOf`) with the legacy error body, and its security — the
 * access token (cookie `access_token` or `Authorization: Bearer`) by guard, and the double-submit CSRF
 * token (`X-CSRF-Token` header + `csrf_token` cookie) on the routes declared `csrf`. Schemas are the
 * routes' own zod schemas through zod's JSON Schema generator (draft 2020-12, the dialect of OpenAPI 3.1):
 * inputs as clients send them, responses as the writer puts them on the wire.
 */
import { z } from 'zod';

import { ACCESS_COOKIE, CSRF_COOKIE, CSRF_HEADER } from '../http/auth-cookies.ts';
import { ZLegacyErrorBody } from '../legacy/legacy-error.ts';
import { ZPydanticErrorBody } from '../legacy/pydantic.ts';
import { isJsonResponse, type ResponseSpec } from './reply.ts';
import { errorStatusesOf } from './route.ts';
import type { RegisteredRoute } from './router.ts';

export type JsonSchema = Record<string, unknown>;

export interface OpenApiDocument {
  openapi: '3.1.1';
  info: { title: string; version: string; description: string };
  jsonSchemaDialect: string;
  tags: { name: string }[];
  paths: Record<string, Record<string, JsonSchema>>;
  components: {
    schemas: Record<string, JsonSchema>;
    responses: Record<string, JsonSchema>;
    securitySchemes: Record<string, JsonSchema>;
  };
}

export interface OpenApiOptions {
  /** `info.version`: the version of the API contract (see the README's change policy). */
  version: string;
}

const DIALECT = 'https://spec.openapis.org/oas/3.1/dialect/base';

/** Keywords whose value is a map of schemas (not a schema) or a JSON value (not a schema). */
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', '$defs', 'dependentSchemas']);
const JSON_VALUES = new Set(['const', 'default', 'enum', 'examples', 'required']);
export const ANY_VALUE = {
  type: ['object', 'array', 'string', 'number', 'boolean', 'null'],
  description: 'Any JSON value.',
};

/**
 * The empty schema `{}` ("any value", e.g. a JSON column) written with its types spelled out: the same
 * meaning, and renderers that refuse a schema without a type (Scalar drops it with a warning) show it.
 */
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const mapValues = (record: Record<string, unknown>, fn: (value: unknown, key: string) => unknown) =>
  Object.fromEntries(Object.entries(record).map(([key, value]) => [key, fn(value, key)]));

const annotateAnySchemas = (schema: unknown): unknown => {
  if (Array.isArray(schema)) return schema.map(annotateAnySchemas);
  if (!isRecord(schema)) return schema;
  if (Object.keys(schema).length === 0) return ANY_VALUE;
  return mapValues(schema, (value, key) => {
    if (JSON_VALUES.has(key)) return value;
    if (SCHEMA_MAPS.has(key) && isRecord(value)) return mapValues(value, annotateAnySchemas);
    return annotateAnySchemas(value);
  });
};

/** A zod schema as an OpenAPI 3.1 schema object (JSON Schema 2020-12 without its `$schema`). */
export const toSchema = (schema: z.ZodType, io: 'input' | 'output'): JsonSchema => {
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io,
    // Input-side transforms and custom checks (validated by core after parsing) accept any JSON.
    unrepresentable: 'any',
  });
  return annotateAnySchemas(json) as JsonSchema;
};

/** `/api/exercises/:id{[0-9]+}` → `/api/exercises/{id}`, with each parameter's pattern. */
export const openApiPath = (template: string) => {
  const patterns: Record<string, string> = {};
  const path = template.replace(
    /:([A-Za-z_][A-Za-z0-9_]*)(?:\{([^}]+)\})?/g,
    (_match, name: string, pattern: string | undefined) => {
      if (pattern) patterns[name] = `^${pattern}$`;
      return `{${name}}`;
    },
  );
  return { path, patterns };
};

/** `GET /api/exercises/{id}` → `getApiExercisesById` (unique: one route per method and template). */
export const operationIdOf = (method: string, path: string): string =>
  method.toLowerCase() +
  path
    .split('/')
    .filter(Boolean)
    .map((segment) => {
      const param = /^\{(.+)\}$/.exec(segment)?.[1];
      const word = param ? `by-${param}` : segment;
      return word
        .split(/[^A-Za-z0-9]+/)
        .filter(Boolean)
        .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
        .join('');
    })
    .join('');

const parametersOf = (
  schema: z.ZodType | undefined,
  location: 'path' | 'query',
  patterns: Record<string, string> = {},
): JsonSchema[] => {
  if (!schema) return [];
  const json = toSchema(schema, 'input');
  const properties = (json.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((json.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => {
    const pattern = patterns[name];
    const { description, ...rest } = property;
    return {
      name,
      in: location,
      required: location === 'path' || required.has(name),
      ...(typeof description === 'string' ? { description } : {}),
      schema: pattern ? { ...rest, type: 'string', pattern } : rest,
    };
  });
};

/** Headers a body field falls back to (the attempt's `Idempotency-Key`). */
const headerParametersOf = (route: RegisteredRoute): JsonSchema[] =>
  Object.entries(route.body?.headerFallbacks ?? {}).map(([field, header]) => ({
    name: header,
    in: 'header',
    required: false,
    description: `Read when the body has no \`${field}\`.`,
    schema: { type: 'string' },
  }));

const BODY_STYLES = {
  legacy:
    'Read as the legacy did: missing or malformed JSON → 422, JSON that is not an object → 400, a required field absent, null or blank → 400 with its French message, any other schema failure → 400.',
  pydantic:
    'Validated as the legacy\'s pydantic model: a body that is not JSON → 400; any schema failure → 422 with FastAPI\'s `{"detail": [...]}`.',
  lenient: 'Read leniently: an absent or unreadable body counts as `{}`.',
} as const;

const requestBodyOf = (route: RegisteredRoute): JsonSchema | undefined => {
  const body = route.body;
  if (!body) return undefined;
  const required = body.required.map((f) => `\`${f.field}\` (« ${f.message} »)`);
  return {
    required: body.style !== 'lenient',
    description: [
      BODY_STYLES[body.style],
      required.length > 0 ? `Checked first, in order: ${required.join(', ')}.` : '',
    ]
      .filter(Boolean)
      .join(' '),
    content: { 'application/json': { schema: toSchema(body.schema, 'input') } },
  };
};

const successResponseOf = (spec: ResponseSpec): JsonSchema => {
  if (isJsonResponse(spec)) {
    return {
      description: 'Success',
      content: { 'application/json': { schema: toSchema(spec, 'output') } },
    };
  }
  if (spec.kind === 'redirect') {
    return {
      description: spec.description,
      headers: { Location: { required: true, schema: { type: 'string' } } },
    };
  }
  if (spec.kind === 'file') {
    return {
      description: 'A file download (`Content-Disposition: attachment`), streamed.',
      headers: { 'Content-Disposition': { required: true, schema: { type: 'string' } } },
      content: { [spec.contentType]: { schema: { type: 'string', format: 'binary' } } },
    };
  }
  return {
    description:
      'Server-sent events: each event is a `data:` line holding one JSON object (`x-event-schema`).',
    content: {
      'text/event-stream': {
        schema: { type: 'string' },
        'x-event-schema': toSchema(spec.event, 'output'),
      },
    },
  };
};

/** What each error status means on this API; every one has the legacy `{code, message, error}` body. */
export const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input: the French message says which field.',
  401: 'Authentication required, or the access token is invalid or expired.',
  403: 'Refused: e-mail verification required (`code: EMAIL_VERIFICATION_REQUIRED`), administrator role required, or the CSRF token is missing or invalid.',
  404: 'Not found.',
  409: 'Conflict with the current state (already exists, already done).',
  413: 'Request body too large.',
  422: 'Unprocessable: a malformed JSON body, or a valid request refused by a business rule.',
  429: 'Too many requests: wait the `Retry-After` seconds.',
  500: 'Internal error: the body carries a `trace_id` (the request id) and no detail.',
  503: 'Maintenance mode, or a dependency is unavailable.',
};

const errorResponseRef = (route: RegisteredRoute, status: number) =>
  status === 422 && route.body?.style === 'pydantic'
    ? { $ref: '#/components/responses/ValidationError422' }
    : { $ref: `#/components/responses/Error${status}` };

const errorComponents = (): Record<string, JsonSchema> => {
  const responses: Record<string, JsonSchema> = {};
  for (const [status, description] of Object.entries(ERROR_DESCRIPTIONS)) {
    responses[`Error${status}`] = {
      description,
      ...(status === '429'
        ? { headers: { 'Retry-After': { schema: { type: 'integer', minimum: 0 } } } }
        : {}),
      content: { 'application/json': { schema: { $ref: '#/components/schemas/LegacyError' } } },
    };
  }
  responses.ValidationError422 = {
    description:
      "The body failed the pydantic model (FastAPI's `detail` list), or a business rule refused it.",
    content: {
      'application/json': {
        schema: {
          oneOf: [
            { $ref: '#/components/schemas/PydanticValidationError' },
            { $ref: '#/components/schemas/LegacyError' },
          ],
        },
      },
    },
  };
  return responses;
};

const SECURITY_SCHEMES = {
  cookieAuth: {
    type: 'apiKey',
    in: 'cookie',
    name: ACCESS_COOKIE,
    description: 'The HttpOnly access-token cookie set by `POST /api/auth/login` (checked first).',
  },
  bearerAuth: {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description:
      'The access token of `POST /api/auth/login`, when no `access_token` cookie is sent.',
  },
  csrfHeader: {
    type: 'apiKey',
    in: 'header',
    name: CSRF_HEADER,
    description: `Double-submit CSRF token: equal to the \`${CSRF_COOKIE}\` cookie (from \`GET /api/auth/csrf\`).`,
  },
  csrfCookie: {
    type: 'apiKey',
    in: 'cookie',
    name: CSRF_COOKIE,
    description: `The CSRF cookie set by \`GET /api/auth/csrf\`; its value goes in \`${CSRF_HEADER}\`.`,
  },
};

/**
 * Security requirements by guard (alternatives, OR) and CSRF (added to each alternative, AND).
 * `public+optional` answers anonymous callers too, so `{}` is one of its alternatives.
 */
export const securityOf = (route: Pick<RegisteredRoute, 'guard' | 'csrf'>) => {
  const csrf = route.csrf ? { csrfHeader: [], csrfCookie: [] } : {};
  const token = [
    { cookieAuth: [], ...csrf },
    { bearerAuth: [], ...csrf },
  ];
  if (route.guard === 'public') return [csrf];
  if (route.guard === 'public+optional') return [csrf, ...token];
  return token;
};

const GUARD_NOTES: Record<RegisteredRoute['guard'], string> = {
  public: 'Public.',
  'public+optional': 'Public; a signed-in caller gets personalised data.',
  user: 'Signed-in users.',
  'user+full': 'Signed-in users with a verified e-mail (or within the grace period after sign-up).',
  admin: 'Administrators (role `archiviste`).',
};

const operationOf = (route: RegisteredRoute, patterns: Record<string, string>, path: string) => {
  const responses: Record<string, JsonSchema> = {};
  for (const [status, spec] of Object.entries(route.responses)) {
    responses[status] = successResponseOf(spec);
  }
  for (const status of errorStatusesOf(route)) {
    responses[String(status)] = errorResponseRef(route, status);
  }
  const parameters = [
    ...parametersOf(route.params, 'path', patterns),
    ...parametersOf(route.query, 'query'),
    ...headerParametersOf(route),
  ];
  const requestBody = requestBodyOf(route);
  const notes = [
    GUARD_NOTES[route.guard],
    route.csrf ? `Requires the CSRF token (\`${CSRF_HEADER}\` = cookie \`${CSRF_COOKIE}\`).` : '',
    route.maintenanceExempt ? 'Answers during maintenance.' : '',
  ];
  return {
    operationId: operationIdOf(route.method, path),
    summary: route.summary,
    description: notes.filter(Boolean).join(' '),
    tags: [route.feature],
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(requestBody ? { requestBody } : {}),
    responses,
    security: securityOf(route),
    'x-guard': route.guard,
    'x-csrf': route.csrf,
  };
};

const DESCRIPTION = `The legacy REST API of Mathakine (\`/api/*\`), kept wire-compatible with the Python backend: snake_case fields, French messages, and one error body \`{code, message, error}\` (\`error\` repeats \`message\`).

Authentication: log in with \`POST /api/auth/login\`; the access token travels in the HttpOnly \`access_token\` cookie (browsers) or as \`Authorization: Bearer <token>\`. Anonymous callers reach only the public routes (everything else answers 401). The routes marked CSRF also need \`GET /api/auth/csrf\` first, then its token in the \`X-CSRF-Token\` header (double submit with the \`csrf_token\` cookie).

Router behaviour common to every path: the other trailing-slash form of a path answers 307 to it; a known path with another method answers 405 with \`Allow\`; an unknown path answers 404 (401 to anonymous callers).

New clients should prefer the typed tRPC API under \`/trpc\` (package \`@mathakine/client\`; see \`/docs/trpc\`).`;

/** The document for a route table (the app builds it once, from `createApiApp(...).legacyRoutes`). */
export const buildOpenApiDocument = (
  routes: readonly RegisteredRoute[],
  options: OpenApiOptions,
): OpenApiDocument => {
  const paths: OpenApiDocument['paths'] = {};
  for (const route of routes) {
    const { path, patterns } = openApiPath(route.template);
    paths[path] ??= {};
    paths[path][route.method.toLowerCase()] = operationOf(route, patterns, path);
  }
  return {
    openapi: '3.1.1',
    info: {
      title: 'Mathakine legacy REST API',
      version: options.version,
      description: DESCRIPTION,
    },
    jsonSchemaDialect: DIALECT,
    tags: [...new Set(routes.map((r) => r.feature))].map((name) => ({ name })),
    paths,
    components: {
      schemas: {
        LegacyError: toSchema(ZLegacyErrorBody, 'output'),
        PydanticValidationError: toSchema(ZPydanticErrorBody, 'output'),
      },
      responses: errorComponents(),
      securitySchemes: SECURITY_SCHEMES,
    },
  };
};
