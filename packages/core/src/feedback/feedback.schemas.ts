/**
 * Feedback reports (api-rest-core §6.8.2): the legacy fields, bounded (platform X9), linked to the
 * exercise or challenge they are about. The admin back office lists and triages them by `status`.
 */
import { z } from 'zod';

import { isStorableText } from '../lib/storable-text.ts';

export const FEEDBACK_TYPES = ['exercise', 'challenge', 'ui', 'other'] as const;
export type FeedbackTypeName = (typeof FEEDBACK_TYPES)[number];
export const FEEDBACK_STATUSES = ['new', 'read', 'resolved'] as const;
export type FeedbackStatusName = (typeof FEEDBACK_STATUSES)[number];

export const FEEDBACK_LIMITS = { description: 2000, pageUrl: 2048 } as const;

export const FEEDBACK_MESSAGES = {
  invalidType: `feedback_type invalide (${FEEDBACK_TYPES.join(', ')})`,
  thanks: 'Merci pour votre retour !',
  descriptionInvalid: `La description doit être un texte d'au plus ${FEEDBACK_LIMITS.description} caractères.`,
  pageUrlInvalid: `L'adresse de la page doit être un texte d'au plus ${FEEDBACK_LIMITS.pageUrl} caractères.`,
  invalidCharacters: 'Le retour contient des caractères invalides.',
  exerciseNotFound: 'Exercice non trouvé',
  challengeNotFound: 'Défi logique non trouvé',
} as const;

const ZId = z.number().int().min(1).max(2_147_483_647);

/** An optional text: trimmed, blank → null, at most `max` characters, storable. */
const optionalText = (max: number, message: string) =>
  z
    .string({ error: message })
    .max(max, { error: message })
    .refine(isStorableText, { error: FEEDBACK_MESSAGES.invalidCharacters })
    .transform((v) => (v.trim() === '' ? null : v.trim()))
    .nullable()
    .optional()
    .transform((v) => v ?? null);

export const ZCreateFeedbackInput = z.object({
  feedbackType: z.enum(FEEDBACK_TYPES, { error: FEEDBACK_MESSAGES.invalidType }),
  description: optionalText(FEEDBACK_LIMITS.description, FEEDBACK_MESSAGES.descriptionInvalid),
  pageUrl: optionalText(FEEDBACK_LIMITS.pageUrl, FEEDBACK_MESSAGES.pageUrlInvalid),
  /** The exercise the report is about: must exist. */
  exerciseId: ZId.nullable()
    .optional()
    .transform((v) => v ?? null),
  /** The logic challenge the report is about: must exist. */
  challengeId: ZId.nullable()
    .optional()
    .transform((v) => v ?? null),
});
export type CreateFeedbackInput = z.input<typeof ZCreateFeedbackInput>;
export type CreateFeedbackData = z.output<typeof ZCreateFeedbackInput>;

export const ZFeedbackDto = z.object({
  id: ZId,
  feedbackType: z.enum(FEEDBACK_TYPES),
  status: z.enum(FEEDBACK_STATUSES),
  description: z.string().nullable(),
  pageUrl: z.string().nullable(),
  exerciseId: ZId.nullable(),
  challengeId: ZId.nullable(),
  createdAt: z.date(),
});
export type FeedbackDto = z.infer<typeof ZFeedbackDto>;

/** Python `int()` of an id field, as the legacy coerced it: an integer or a string of digits, else null. */
const legacyId = (value: unknown): number | null => {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? value : null;
  if (typeof value === 'string' && /^\s*[+-]?\d{1,15}\s*$/.test(value)) return Number(value.trim());
  return null;
};

/**
 * The legacy body of POST /api/feedback: `feedback_type` trimmed and lower-cased (else 400
 * `feedback_type invalide (exercise, challenge, ui, other)`); `description` / `page_url` optional texts
 * (blank → null; not a text, too long, NUL or lone surrogate → 400); `exercise_id` / `challenge_id`
 * coerced as the legacy did (not an integer → null); an integer is passed on as is, and the use case
 * answers 404 when no such exercise or challenge exists (0, negative and beyond-int4 ids included).
 */
export const ZLegacyFeedbackBody = z
  .object({
    feedback_type: z.unknown().optional(),
    description: z.unknown().optional(),
    page_url: z.unknown().optional(),
    exercise_id: z.unknown().optional(),
    challenge_id: z.unknown().optional(),
  })
  .transform((body, ctx): CreateFeedbackData => {
    const type =
      typeof body.feedback_type === 'string' ? body.feedback_type.trim().toLowerCase() : '';
    const feedbackType = FEEDBACK_TYPES.find((t) => t === type);
    if (feedbackType === undefined) {
      ctx.addIssue({
        code: 'custom',
        message: FEEDBACK_MESSAGES.invalidType,
        path: ['feedback_type'],
      });
      return z.NEVER;
    }
    const parsed = ZCreateFeedbackInput.safeParse({
      feedbackType,
      description: body.description,
      pageUrl: body.page_url,
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        ctx.addIssue({ code: 'custom', message: issue.message });
      return z.NEVER;
    }
    return {
      ...parsed.data,
      exerciseId: legacyId(body.exercise_id),
      challengeId: legacyId(body.challenge_id),
    };
  });
