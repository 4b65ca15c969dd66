/**
 * Learning-analytics events (api-rest-core §6.8.1, data-model §4.10): the two event names the frontend
 * sends, their payloads validated and bounded (platform X9). The payload is a flat JSON object (at most
 * 20 keys; values null, booleans, numbers or strings of at most 200 characters); the known fields must have
 * their type, and only the known fields are stored, so a stored payload is always small.
 */
import { z } from 'zod';

import { isStorableText } from '../lib/storable-text.ts';

export const EDTECH_EVENTS = ['first_attempt', 'quick_start_click'] as const;
export type EdtechEventName = (typeof EDTECH_EVENTS)[number];

export const ANALYTICS_LIMITS = { payloadKeys: 20, keyLength: 64, stringLength: 200 } as const;

export const ANALYTICS_MESSAGES = {
  invalidEvent: `event invalide (attendu: ${EDTECH_EVENTS.join(', ')})`,
  invalidPayload: `payload invalide (objet plat d'au plus ${ANALYTICS_LIMITS.payloadKeys} champs attendu)`,
} as const;

const invalidPayload = { error: ANALYTICS_MESSAGES.invalidPayload };

const ZFlatValue = z.union(
  [
    z.null(),
    z.boolean(),
    z.number(),
    z.string().max(ANALYTICS_LIMITS.stringLength).refine(isStorableText),
  ],
  invalidPayload,
);

/** Any flat, bounded JSON object (the shape every payload must have before its fields are read). */
const ZFlatPayload = z
  .record(
    z.string().max(ANALYTICS_LIMITS.keyLength).refine(isStorableText),
    ZFlatValue,
    invalidPayload,
  )
  .refine((p) => Object.keys(p).length <= ANALYTICS_LIMITS.payloadKeys, invalidPayload);

const ZTargetKind = z.enum(['exercise', 'challenge'], invalidPayload);
const ZTargetId = z
  .number(invalidPayload)
  .int(invalidPayload)
  .min(1, invalidPayload)
  .max(2_147_483_647, invalidPayload);

/** `quick_start_click`: `{type, guided, targetId?}`. */
export const ZQuickStartClickPayload = ZFlatPayload.pipe(
  z.object({
    type: ZTargetKind.optional(),
    guided: z.boolean(invalidPayload).optional(),
    targetId: ZTargetId.nullable().optional(),
  }),
);

/** `first_attempt`: `{type, targetId, timeToFirstAttemptMs}` (milliseconds, stored rounded). */
export const ZFirstAttemptPayload = ZFlatPayload.pipe(
  z.object({
    type: ZTargetKind.optional(),
    targetId: ZTargetId.nullable().optional(),
    timeToFirstAttemptMs: z
      .number(invalidPayload)
      .min(0, invalidPayload)
      .max(2_147_483_647, invalidPayload)
      .transform(Math.round)
      .nullable()
      .optional(),
  }),
);

export const ZTrackEventInput = z.discriminatedUnion(
  'event',
  [
    z.object({
      event: z.literal('quick_start_click'),
      payload: ZQuickStartClickPayload.default({}),
    }),
    z.object({ event: z.literal('first_attempt'), payload: ZFirstAttemptPayload.default({}) }),
  ],
  { error: ANALYTICS_MESSAGES.invalidEvent },
);
export type TrackEventInput = z.input<typeof ZTrackEventInput>;
export type TrackEventData = z.output<typeof ZTrackEventInput>;

export const ZTrackedEventDto = z.object({ id: z.number().int().min(1) });
export type TrackedEventDto = z.infer<typeof ZTrackedEventDto>;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The legacy body of POST /api/analytics/event: `event` trimmed and lower-cased, one of the two names
 * (else 400 `event invalide (attendu: first_attempt, quick_start_click)`); `payload` absent or null → `{}`,
 * anything but a flat bounded object → 400 `payload invalide (…)`.
 */
export const ZLegacyEventBody = z
  .object({ event: z.unknown().optional(), payload: z.unknown().optional() })
  .transform((body, ctx): TrackEventData => {
    const name = typeof body.event === 'string' ? body.event.trim().toLowerCase() : null;
    const event = EDTECH_EVENTS.find((e) => e === name);
    if (event === undefined) {
      ctx.addIssue({ code: 'custom', message: ANALYTICS_MESSAGES.invalidEvent, path: ['event'] });
      return z.NEVER;
    }
    const payload = body.payload ?? {};
    if (!isObject(payload)) {
      ctx.addIssue({
        code: 'custom',
        message: ANALYTICS_MESSAGES.invalidPayload,
        path: ['payload'],
      });
      return z.NEVER;
    }
    const parsed = ZTrackEventInput.safeParse({ event, payload });
    if (!parsed.success) {
      ctx.addIssue({
        code: 'custom',
        message: ANALYTICS_MESSAGES.invalidPayload,
        path: ['payload'],
      });
      return z.NEVER;
    }
    return parsed.data;
  });
