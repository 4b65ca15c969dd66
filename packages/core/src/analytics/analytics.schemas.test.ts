import { describe, expect, it } from 'vitest';

import { ZLegacyEventBody } from './analytics.schemas.ts';

const messagesOf = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.error?.issues.map((i) => i.message) ?? [];

describe('ZLegacyEventBody', () => {
  const event = 'event invalide (attendu: first_attempt, quick_start_click)';
  const payload = "payload invalide (objet plat d'au plus 20 champs attendu)";

  it('reads the two legacy event names and keeps only the known payload fields', () => {
    expect(
      ZLegacyEventBody.parse({
        event: ' Quick_Start_Click ',
        payload: { type: 'challenge', guided: true, targetId: 4, extra: 'ignoré' },
      }),
    ).toEqual({
      event: 'quick_start_click',
      payload: { type: 'challenge', guided: true, targetId: 4 },
    });
    expect(ZLegacyEventBody.parse({ event: 'first_attempt', payload: null })).toEqual({
      event: 'first_attempt',
      payload: {},
    });
    expect(ZLegacyEventBody.parse({ event: 'first_attempt' })).toEqual({
      event: 'first_attempt',
      payload: {},
    });
  });

  it('refuses unknown names, non-object, nested, oversized or mistyped payloads', () => {
    for (const name of [undefined, 'page_view', 12, 'first_attempt\u0000']) {
      expect(messagesOf(ZLegacyEventBody.safeParse({ event: name }))).toEqual([event]);
    }
    const bad: unknown[] = [
      [1, 2],
      'texte',
      3,
      true,
      { nested: { a: 1 } },
      { list: [1] },
      Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`k${i}`, i])),
      { note: 'x'.repeat(201) },
      { note: 'a\u0000' },
      { ['k\ud800']: 1 },
      { type: 'lesson' },
      { guided: 'yes' },
      { targetId: 0 },
      { targetId: 1e12 },
    ];
    for (const p of bad) {
      expect(
        messagesOf(ZLegacyEventBody.safeParse({ event: 'quick_start_click', payload: p })),
      ).toEqual([payload]);
    }
    expect(
      messagesOf(
        ZLegacyEventBody.safeParse({
          event: 'first_attempt',
          payload: { timeToFirstAttemptMs: -1 },
        }),
      ),
    ).toEqual([payload]);
  });
});
