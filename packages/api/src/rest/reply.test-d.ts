/**
 * Type-level proof (checked by `pnpm typecheck`: each `@ts-expect-error` must meet an error, or the
 * typecheck fails) that a legacy handler can only answer through a declared reply: a Hono `c.json(...)`,
 * a raw `Response`, an undeclared status, a body off its schema, or an unguarded `ctx.actor` do not
 * type-check.
 */
import type { Context } from 'hono';
import { z } from 'zod';

import type { ApiEnv } from '../hono-env.ts';
import { pyFloat } from '../legacy/format.ts';
import { created, ok } from './reply.ts';
import { defineRoute } from './route.ts';

declare const c: Context<ApiEnv>;

const ZRate = z.strictObject({ rate: z.number(), label: z.string() });

export const accepted = [
  defineRoute({
    method: 'GET',
    path: '/proof/ok',
    guard: 'user',
    summary: 'A declared body; floats may be PyFloat; an authed ctx has an actor',
    responses: { 200: ZRate },
    errors: [],
    handler: ({ ctx }) => ok({ rate: pyFloat(ctx.actor.userId), label: 'ok' }),
  }),
];

export const refused = [
  defineRoute({
    method: 'GET',
    path: '/proof/c-json',
    guard: 'public',
    summary: 'A Hono c.json(...) is not a reply',
    responses: { 200: ZRate },
    errors: [],
    // @ts-expect-error -- a Response (c.json) is not a LegacyReply: bodies go through the one writer
    handler: () => c.json({ rate: 1, label: 'x' }),
  }),
  defineRoute({
    method: 'GET',
    path: '/proof/response',
    guard: 'public',
    summary: 'A raw Response is not a reply',
    responses: { 200: ZRate },
    errors: [],
    // @ts-expect-error -- a Response is not a LegacyReply
    handler: () => new Response('{}'),
  }),
  defineRoute({
    method: 'GET',
    path: '/proof/status',
    guard: 'public',
    summary: 'An undeclared status',
    responses: { 200: ZRate },
    errors: [],
    // @ts-expect-error -- 201 is not declared
    handler: () => created({ rate: 1, label: 'x' }),
  }),
  defineRoute({
    method: 'GET',
    path: '/proof/body',
    guard: 'public',
    summary: 'A body off its schema',
    responses: { 200: ZRate },
    errors: [],
    // @ts-expect-error -- `label` must be a string
    handler: () => ok({ rate: 1, label: 2 }),
  }),
  defineRoute({
    method: 'GET',
    path: '/proof/actor',
    guard: 'public',
    summary: 'A public route has no guaranteed actor',
    responses: { 200: ZRate },
    errors: [],
    // @ts-expect-error -- ctx.actor may be null behind a public guard
    handler: ({ ctx }) => ok({ rate: ctx.actor.userId, label: 'x' }),
  }),
];
