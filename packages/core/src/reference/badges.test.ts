import { describe, expect, it } from 'vitest';

import {
  parseBadgeRequirement,
  toBadgeRequirementsJson,
  ZBadgeRequirementsJson,
} from './badge-requirements.ts';
import { BADGE_CATALOGUE } from './badges.ts';
import { DEFAULT_SETTING_ROWS, SETTING_DEFINITIONS } from './settings.ts';

const EXPECTED_TYPES: Record<string, string> = {
  first_steps: 'attempts_count',
  addition_master: 'consecutive',
  speed_demon: 'max_time',
  perfect_day: 'perfect_day',
  perfect_week: 'consecutive_days',
  expert: 'success_rate',
  explorer: 'all_types',
  versatile: 'min_per_type',
  logic_explorer: 'logic_attempts_count',
  hybrid_warrior: 'mixed',
  comeback: 'comeback',
};

describe('badge catalogue', () => {
  it('has 32 badges with unique codes and 1915 points in total (domain-rules §5.2)', () => {
    expect(BADGE_CATALOGUE).toHaveLength(32);
    expect(new Set(BADGE_CATALOGUE.map((b) => b.code)).size).toBe(32);
    expect(BADGE_CATALOGUE.reduce((sum, b) => sum + b.pointsReward, 0)).toBe(1915);
    expect(BADGE_CATALOGUE.filter((b) => b.isSecret).map((b) => b.code)).toEqual([
      'logic_legend',
      'perfection_100',
      'eclipse',
      'grand_hybrid',
    ]);
  });

  it('has strictly valid requirement JSON that a badge engine can evaluate', () => {
    for (const badge of BADGE_CATALOGUE) {
      expect(ZBadgeRequirementsJson.safeParse(badge.requirements).success, badge.code).toBe(true);
      const req = parseBadgeRequirement(badge.requirements);
      expect(req, badge.code).not.toBeNull();
      if (req !== null) {
        expect(parseBadgeRequirement(toBadgeRequirementsJson(req))).toEqual(req);
      }
      const expected = EXPECTED_TYPES[badge.code];
      if (expected !== undefined) expect(req?.type, badge.code).toBe(expected);
    }
  });

  it('detects requirement types in the legacy order', () => {
    expect(
      parseBadgeRequirement({ exercise_type: 'Soustraction', consecutive_correct: 3 }),
    ).toEqual({ type: 'consecutive', exerciseType: 'SOUSTRACTION', consecutiveCorrect: 3 });
    expect(parseBadgeRequirement({ consecutive_correct: 4 })).toEqual({
      type: 'consecutive',
      exerciseType: 'ADDITION',
      consecutiveCorrect: 4,
    });
    expect(parseBadgeRequirement({ min_count: 2 })).toEqual({
      type: 'min_per_type',
      minPerType: 2,
    });
    expect(parseBadgeRequirement({ attempts_count: 3, note: 'extra keys are ignored' })).toEqual({
      type: 'attempts_count',
      attemptsCount: 3,
    });
  });

  it('never awards empty, invalid or unrecognised requirements', () => {
    for (const value of [
      null,
      {},
      [],
      'x',
      { attempts_count: 0 },
      { success_rate: 120 },
      { foo: 1 },
    ]) {
      expect(parseBadgeRequirement(value)).toBeNull();
    }
    expect(
      parseBadgeRequirement({ exercise_type: 'astronomie', consecutive_correct: 2 }),
    ).toBeNull();
  });
});

describe('default settings', () => {
  it('has the six keys of data-model §5.2 plus the two AI quotas, serialised as the legacy admin wrote them', () => {
    expect(SETTING_DEFINITIONS.map((d) => d.key)).toEqual([
      'maintenance_mode',
      'registration_enabled',
      'feature_ai_challenges_enabled',
      'feature_chat_enabled',
      'max_generations_per_user_per_hour',
      'max_ai_generations_per_user_per_day',
      'max_chat_messages_per_user_per_day',
      'max_export_rows',
    ]);
    expect(DEFAULT_SETTING_ROWS.map((r) => r.value)).toEqual([
      'false',
      'true',
      'true',
      'true',
      '20',
      '50',
      '200',
      '10000',
    ]);
  });
});
