import { describe, expect, it } from 'vitest';

import {
  mapAttempt,
  mapAward,
  mapRecommendation,
  type ImportedIds,
} from './activity-rows.rules.ts';
import { mapAudit, mapEdtechEventRow, mapFeedback, mapSetting } from './admin-rows.rules.ts';

const NOW = new Date('2026-01-15T12:00:00Z');
const ids: ImportedIds = {
  users: new Set([1, 2]),
  exercises: new Set([10]),
  challenges: new Set([20]),
  achievements: new Map([
    [1, { id: 1, pointsReward: 5 }],
    [50, { id: 6, pointsReward: 20 }],
  ]),
  now: NOW,
};
const at = new Date('2025-04-01T08:00:00Z');

describe('mapAttempt', () => {
  it('maps an exercise attempt, NULL counters taking the legacy defaults silently', () => {
    const { row, findings } = mapAttempt(
      'exercise',
      {
        id: 1,
        user_id: 1,
        exercise_id: 10,
        user_answer: '4',
        is_correct: true,
        time_spent: 3.5,
        attempt_number: null,
        hints_used: null,
        created_at: at,
      },
      ids,
    );
    expect(row).toEqual({
      id: 1,
      userId: 1,
      targetId: 10,
      answer: '4',
      isCorrect: true,
      timeSpent: 3.5,
      attemptNumber: 1,
      hintsUsed: 0,
      deviceInfo: null,
      notes: null,
      createdAt: at,
    });
    expect(findings).toEqual([]);
  });

  it('maps a challenge attempt from its own column names', () => {
    const { row } = mapAttempt(
      'challenge',
      {
        id: 2,
        user_id: 2,
        challenge_id: 20,
        user_solution: '8',
        is_correct: false,
        notes: 'n',
        created_at: at,
      },
      ids,
    );
    expect(row).toMatchObject({ targetId: 20, answer: '8', notes: 'n', deviceInfo: null });
  });

  it('rejects orphans (learner or target not imported)', () => {
    const orphanUser = mapAttempt(
      'exercise',
      { id: 3, user_id: 99, exercise_id: 10, user_answer: 'x', is_correct: true },
      ids,
    );
    const orphanTarget = mapAttempt(
      'challenge',
      { id: 4, user_id: 1, challenge_id: 99, user_solution: 'x', is_correct: true },
      ids,
    );
    expect(orphanUser).toMatchObject({
      row: null,
      findings: [{ action: 'rejected', column: 'user_id', from: 99 }],
    });
    expect(orphanTarget).toMatchObject({
      row: null,
      findings: [{ action: 'rejected', column: 'challenge_id' }],
    });
  });

  it('drops a negative time, fixes counters, dates a NULL created_at', () => {
    const { row, findings } = mapAttempt(
      'exercise',
      {
        id: 5,
        user_id: 1,
        exercise_id: 10,
        user_answer: 'x',
        is_correct: false,
        time_spent: -4,
        attempt_number: 0,
        hints_used: -1,
        created_at: null,
      },
      ids,
    );
    expect(row).toMatchObject({ timeSpent: null, attemptNumber: 1, hintsUsed: 0, createdAt: NOW });
    expect(findings.map((f) => f.column)).toEqual([
      'time_spent',
      'created_at',
      'attempt_number',
      'hints_used',
    ]);
  });
});

describe('mapAward', () => {
  it('maps the badge id through the catalogue and backfills points_awarded (C4)', () => {
    const { row, findings } = mapAward(
      { id: 1, user_id: 1, achievement_id: 50, earned_at: at, is_displayed: null },
      ids,
    );
    expect(row).toMatchObject({
      achievementId: 6,
      pointsAwarded: 20,
      isDisplayed: true,
      earnedAt: at,
    });
    expect(findings).toMatchObject([{ column: 'achievement_id', from: 50, to: 6 }]);
  });

  it('dates a NULL earned_at with the import time and reports it', () => {
    const { row, findings } = mapAward(
      { id: 2, user_id: 2, achievement_id: 1, earned_at: null },
      ids,
    );
    expect(row?.earnedAt).toEqual(NOW);
    expect(findings).toMatchObject([{ column: 'earned_at', action: 'normalised' }]);
  });

  it('rejects awards of unknown learners or badges', () => {
    expect(mapAward({ id: 3, user_id: 9, achievement_id: 1 }, ids).row).toBeNull();
    expect(mapAward({ id: 4, user_id: 1, achievement_id: 777 }, ids).row).toBeNull();
  });
});

describe('mapRecommendation', () => {
  it('turns the challenge placeholder type into NULL (C10)', () => {
    const { row } = mapRecommendation(
      {
        id: 1,
        user_id: 1,
        challenge_id: 20,
        recommendation_type: 'challenge',
        exercise_type: 'challenge',
        difficulty: 'PADAWAN',
        priority: 7,
      },
      ids,
    );
    expect(row).toMatchObject({
      recommendationType: 'CHALLENGE',
      challengeId: 20,
      exerciseId: null,
      exerciseType: null,
      difficulty: 'PADAWAN',
    });
  });

  it('maps an exercise recommendation, clamps its priority, nulls an orphan target', () => {
    const { row, findings } = mapRecommendation(
      {
        id: 2,
        user_id: 2,
        exercise_id: 99,
        recommendation_type: 'exercise',
        exercise_type: 'add',
        difficulty: 'easy',
        priority: 12,
        is_completed: null,
      },
      ids,
    );
    expect(row).toMatchObject({
      exerciseId: null,
      exerciseType: 'ADDITION',
      difficulty: 'INITIE',
      priority: 10,
      isCompleted: false,
    });
    expect(findings.map((f) => f.column)).toEqual([
      'exercise_id',
      'exercise_type',
      'difficulty',
      'priority',
    ]);
  });

  it('rejects an exercise recommendation without an exercise type, or of an unknown learner', () => {
    expect(
      mapRecommendation({ id: 3, user_id: 1, exercise_type: 'challenge' }, ids).row,
    ).toBeNull();
    expect(mapRecommendation({ id: 4, user_id: 8, exercise_type: 'ADDITION' }, ids).row).toBeNull();
  });
});

describe('feedback, events, audit, settings', () => {
  it('detaches orphan feedback targets (C11) and normalises type and status', () => {
    const { row, findings } = mapFeedback(
      {
        id: 1,
        user_id: 2,
        feedback_type: 'EXERCISE',
        exercise_id: 9999,
        challenge_id: 20,
        status: 'weird',
      },
      ids,
    );
    expect(row).toMatchObject({
      feedbackType: 'EXERCISE',
      status: 'NEW',
      exerciseId: null,
      challengeId: 20,
    });
    expect(findings.map((f) => [f.column, f.action])).toEqual([
      ['feedback_type', 'normalised'],
      ['status', 'normalised'],
      ['exercise_id', 'dropped'],
    ]);
  });

  it('keeps the two known analytics events, rejects the others, and fixes payloads', () => {
    expect(
      mapEdtechEventRow(
        { id: 1, user_id: 1, event: 'first_attempt', payload: null, created_at: at },
        ids,
      ).row,
    ).toMatchObject({
      event: 'FIRST_ATTEMPT',
      payload: {},
    });
    const wrong = mapEdtechEventRow({ id: 2, event: 'FIRST_ATTEMPT', payload: [1] }, ids);
    expect(wrong.findings.map((f) => f.column)).toEqual(['event', 'payload']);
    expect(mapEdtechEventRow({ id: 3, event: 'bogus' }, ids)).toMatchObject({
      row: null,
      findings: [{ action: 'rejected' }],
    });
  });

  it('parses audit details and detaches a missing admin', () => {
    const { row, findings } = mapAudit(
      { id: 1, admin_user_id: 9, action: 'export_csv', details: 'not json' },
      ids,
    );
    expect(row).toMatchObject({ adminUserId: null, details: 'not json' });
    expect(findings.map((f) => f.column)).toEqual(['admin_user_id', 'details']);
    expect(
      mapAudit({ id: 2, admin_user_id: 1, action: 'user_patch', details: '{"role": "ADMIN"}' }, ids)
        .row?.details,
    ).toEqual({ role: 'ADMIN' });
  });

  it('maps a setting by key', () => {
    expect(
      mapSetting({ id: 1, key: 'maintenance_mode', value: 'false', is_system: null }, ids).row,
    ).toMatchObject({
      key: 'maintenance_mode',
      value: 'false',
      isSystem: false,
      isPublic: true,
    });
    expect(mapSetting({ id: 2, key: null }, ids).row).toBeNull();
  });
});
