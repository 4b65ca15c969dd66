import { describe, expect, it } from 'vitest';

import { ZCreateFeedbackInput, ZLegacyFeedbackBody } from './feedback.schemas.ts';

const messagesOf = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.error?.issues.map((i) => i.message) ?? [];

describe('ZLegacyFeedbackBody', () => {
  it('normalises the legacy fields', () => {
    expect(
      ZLegacyFeedbackBody.parse({
        feedback_type: ' Exercise ',
        description: '  Trop dur  ',
        page_url: '',
        exercise_id: '12',
        challenge_id: 'abc',
      }),
    ).toEqual({
      feedbackType: 'exercise',
      description: 'Trop dur',
      pageUrl: null,
      exerciseId: 12,
      challengeId: null,
    });
    expect(ZLegacyFeedbackBody.parse({ feedback_type: 'ui', exercise_id: 1.5 })).toEqual({
      feedbackType: 'ui',
      description: null,
      pageUrl: null,
      exerciseId: null,
      challengeId: null,
    });
  });

  it('refuses a bad type, a non-text or oversized text, NUL and lone surrogates', () => {
    const type = 'feedback_type invalide (exercise, challenge, ui, other)';
    for (const feedback_type of [undefined, null, 'bug', 3, ['ui'], 'ui\u0000']) {
      expect(messagesOf(ZLegacyFeedbackBody.safeParse({ feedback_type }))).toEqual([type]);
    }
    expect(
      messagesOf(
        ZLegacyFeedbackBody.safeParse({ feedback_type: 'ui', description: 'x'.repeat(2001) }),
      ),
    ).toEqual(["La description doit être un texte d'au plus 2000 caractères."]);
    expect(
      messagesOf(ZLegacyFeedbackBody.safeParse({ feedback_type: 'ui', description: { a: 1 } })),
    ).toEqual(["La description doit être un texte d'au plus 2000 caractères."]);
    expect(
      messagesOf(
        ZLegacyFeedbackBody.safeParse({ feedback_type: 'ui', page_url: 'a'.repeat(2049) }),
      ),
    ).toEqual(["L'adresse de la page doit être un texte d'au plus 2048 caractères."]);
    for (const description of ['a\u0000b', 'a\ud800b']) {
      expect(
        messagesOf(ZLegacyFeedbackBody.safeParse({ feedback_type: 'ui', description })),
      ).toEqual(['Le retour contient des caractères invalides.']);
    }
    expect(
      ZLegacyFeedbackBody.safeParse({ feedback_type: 'ui', description: '😀 ok' }).success,
    ).toBe(true);
  });

  it('is the clean input of tRPC too (ids bounded there)', () => {
    expect(ZCreateFeedbackInput.safeParse({ feedbackType: 'ui', exerciseId: 0 }).success).toBe(
      false,
    );
    expect(ZCreateFeedbackInput.parse({ feedbackType: 'other' })).toEqual({
      feedbackType: 'other',
      description: null,
      pageUrl: null,
      exerciseId: null,
      challengeId: null,
    });
  });
});
