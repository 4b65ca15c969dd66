/**
 * Legacy wire shapes of the exercises and progress routes (api-rest-core §6.4, §6.3.10, §6.3.12), from
 * the core DTOs. Float-typed fields go through `pyFloat` so they serialise as Python floats (`75.0`).
 * Answer keys are never in a list, detail or generation body (the attempt response carries them).
 */
import type {
  CatalogueStatsDto,
  DashboardStatsDto,
  ExerciseDetailDto,
  ExerciseListDto,
  ExerciseListItemDto,
  GeneratedExerciseDto,
  ProgressDto,
  SubmitAnswerInput,
  SubmitAnswerResultDto,
} from '@mathakine/core';

import { pyFloat, pyIsoformat } from '../legacy/format.ts';

const mapValues = <T, U>(record: Record<string, T>, fn: (value: T) => U): Record<string, U> =>
  Object.fromEntries(Object.entries(record).map(([k, v]) => [k, fn(v)]));

/** A list item: the legacy fields minus `correct_answer`, `explanation` withheld (null), plus `created_at`. */
export const toLegacyListItem = (e: ExerciseListItemDto) => ({
  id: e.id,
  title: e.title,
  exercise_type: e.exerciseType,
  difficulty: e.difficulty,
  age_group: e.ageGroup,
  question: e.question,
  choices: e.choices,
  explanation: null,
  hint: e.hint,
  tags: e.tags,
  ai_generated: e.aiGenerated,
  is_active: e.isActive,
  view_count: e.viewCount,
  created_at: pyIsoformat(e.createdAt),
});

export const toLegacyList = (list: ExerciseListDto) => ({
  items: list.items.map(toLegacyListItem),
  total: list.total,
  page: Math.floor(list.skip / list.limit) + 1,
  limit: list.limit,
  hasMore: list.hasMore,
});

/** The detail: `explanation` is `""` (withheld until an attempt), never `correct_answer`. */
export const toLegacyDetail = (e: ExerciseDetailDto) => ({
  id: e.id,
  exercise_type: e.exerciseType,
  difficulty: e.difficulty,
  choices: e.choices,
  question: e.question,
  explanation: '',
  title: e.title,
  age_group: e.ageGroup,
  hint: e.hint,
  tags: e.tags,
  ai_generated: e.aiGenerated,
});

/** POST /api/exercises/generate: the generated dictionary without `correct_answer` / `explanation`. */
export const toLegacyGenerated = (g: GeneratedExerciseDto) => ({
  exercise_type: g.exerciseType,
  age_group: g.ageGroup,
  difficulty: g.difficulty,
  ai_generated: g.aiGenerated,
  tags: g.tags.join(','),
  title: g.title,
  question: g.question,
  choices: g.choices,
  ...(g.operands === null ? {} : { num1: g.operands[0], num2: g.operands[1] }),
  ...(g.id === null ? {} : { id: g.id }),
});

export const toLegacyCatalogueStats = (s: CatalogueStatsDto) => ({
  archive_status: s.archiveStatus,
  academy_statistics: {
    total_exercises: s.academyStatistics.totalExercises,
    total_challenges: s.academyStatistics.totalChallenges,
    total_content: s.academyStatistics.totalContent,
    archived_exercises: s.academyStatistics.archivedExercises,
    ai_generated: s.academyStatistics.aiGenerated,
    ai_generated_exercises: s.academyStatistics.aiGeneratedExercises,
    ai_generated_challenges: s.academyStatistics.aiGeneratedChallenges,
    ai_generated_percentage: pyFloat(s.academyStatistics.aiGeneratedPercentage),
  },
  by_discipline: mapValues(s.byDiscipline, (d) => ({
    count: d.count,
    discipline_name: d.disciplineName,
    percentage: pyFloat(d.percentage),
  })),
  by_rank: mapValues(s.byRank, (r) => ({
    count: r.count,
    rank_name: r.rankName,
    description: r.description,
    min_age: r.minAge,
    percentage: pyFloat(r.percentage),
  })),
  by_apprentice_group: mapValues(s.byApprenticeGroup, (g) => ({
    count: g.count,
    group_name: g.groupName,
    description: g.description,
    percentage: pyFloat(g.percentage),
  })),
  global_performance: {
    total_attempts: s.globalPerformance.totalAttempts,
    exercise_attempts: s.globalPerformance.exerciseAttempts,
    challenge_attempts: s.globalPerformance.challengeAttempts,
    successful_attempts: s.globalPerformance.successfulAttempts,
    mastery_rate: pyFloat(s.globalPerformance.masteryRate),
    challenge_mastery_rate: pyFloat(s.globalPerformance.challengeMasteryRate),
    message: s.globalPerformance.message,
  },
  legendary_challenges: s.legendaryChallenges.map((e) => ({
    id: e.id,
    title: e.title,
    discipline: e.discipline,
    rank: e.rank,
    apprentices_trained: e.apprenticesTrained,
  })),
  sage_wisdom: s.sageWisdom,
});

/** §4.7: every key always present; `new_badges` / `badges_earned` null when no badge was earned. */
export const toLegacyAttemptResult = (r: SubmitAnswerResultDto) => {
  const earned = r.newBadges.length > 0;
  return {
    is_correct: r.isCorrect,
    correct_answer: r.correctAnswer,
    explanation: r.explanation,
    attempt_id: r.attemptId,
    new_badges: earned
      ? r.newBadges.map((b) => ({
          id: b.id,
          code: b.code,
          name: b.name,
          description: b.description,
          star_wars_title: b.starWarsTitle,
          difficulty: b.difficulty,
          points_reward: b.pointsReward,
          earned_at: pyIsoformat(b.earnedAt),
        }))
      : null,
    badges_earned: earned ? r.newBadges.length : null,
    progress_notification: r.progressNotification
      ? { name: r.progressNotification.name, remaining: r.progressNotification.remaining }
      : null,
  };
};

/** GET /api/users/me/progress (§6.3.10): fractions 0–1 and seconds as Python floats. */
export const toLegacyProgress = (p: ProgressDto) => ({
  total_attempts: p.totalAttempts,
  correct_attempts: p.correctAttempts,
  accuracy: pyFloat(p.accuracy),
  average_time: pyFloat(p.averageTime),
  exercises_completed: p.exercisesCompleted,
  highest_streak: p.highestStreak,
  current_streak: p.currentStreak,
  by_category: mapValues(p.byCategory, (c) => ({
    completed: c.completed,
    accuracy: pyFloat(c.accuracy),
  })),
});

/** GET /api/users/stats (§6.3.12). */
export const toLegacyDashboard = (s: DashboardStatsDto) => {
  const labels = s.daily.map((d) => d.day);
  return {
    total_exercises: s.totalExercises,
    total_challenges: s.totalChallenges,
    correct_answers: s.correctAnswers,
    success_rate: s.successRate,
    experience_points: s.experiencePoints,
    performance_by_type: mapValues(s.performanceByType, (t) => ({
      completed: t.completed,
      correct: t.correct,
      success_rate: pyFloat(t.successRate),
    })),
    recent_activity: s.recentActivity.map((a) => ({
      type: a.type,
      description: a.description,
      time: pyIsoformat(a.time),
      is_correct: a.isCorrect,
    })),
    level: {
      current: s.level.current,
      title: s.level.title,
      current_xp: s.level.currentXp,
      next_level_xp: s.level.nextLevelXp,
    },
    progress_over_time: {
      labels,
      datasets: [
        { label: 'Taux de réussite (%)', data: s.daily.map((d) => pyFloat(d.successRate)) },
      ],
    },
    exercises_by_day: {
      labels,
      datasets: [
        {
          label: 'Exercices complétés',
          data: s.daily.map((d) => d.total),
          borderColor: 'rgb(139, 92, 246)',
          backgroundColor: 'rgba(139, 92, 246, 0.1)',
        },
      ],
    },
    lastUpdated: pyIsoformat(s.lastUpdated),
  };
};

// -------------------------------------------------------------------------------------------------
// The attempt body: pydantic v2 validation errors (api-rest-core §6.4.8), the one 422 `{"detail": [...]}`.
// -------------------------------------------------------------------------------------------------

const PYDANTIC_URL = 'https://errors.pydantic.dev/2.12/v/';
export const ANSWER_MAX_LENGTH = 1000;
export const TIME_SPENT_MAX = 1e9;
export const IDEMPOTENCY_KEY_MAX_LENGTH = 100;

export interface PydanticError {
  type: string;
  loc: (string | number)[];
  msg: string;
  input: unknown;
  ctx?: Record<string, unknown>;
  url: string;
}

const err = (
  type: string,
  loc: string[],
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

/** Python `float(str)`: decimal or exponent notation, surrounding spaces allowed, `inf`/`nan` words. */
const parsePyFloat = (text: string): number | null => {
  const t = text.trim().replaceAll('_', '');
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) return Number(t);
  if (/^[+-]?(inf|infinity)$/i.test(t)) return t.startsWith('-') ? -Infinity : Infinity;
  if (/^[+-]?nan$/i.test(t)) return Number.NaN;
  return null;
};

const stringField = (
  loc: string,
  value: unknown,
  maxLength: number,
  errors: PydanticError[],
): string | undefined => {
  if (typeof value !== 'string') {
    errors.push(err('string_type', [loc], 'Input should be a valid string', value));
    return undefined;
  }
  if (value.length < 1) {
    errors.push(
      err('string_too_short', [loc], 'String should have at least 1 character', value, {
        min_length: 1,
      }),
    );
    return undefined;
  }
  if (value.length > maxLength) {
    errors.push(
      err('string_too_long', [loc], `String should have at most ${maxLength} characters`, value, {
        max_length: maxLength,
      }),
    );
    return undefined;
  }
  return value;
};

/**
 * The legacy `SubmitAnswerRequest` (extra keys ignored): `answer` (or `selected_answer` when `answer` is
 * absent) a non-empty string; `time_spent` a number ≥ 0 (numeric strings and booleans accepted, as pydantic's
 * lax mode does), default 0; `idempotency_key` (or the `Idempotency-Key` header) 1–100 characters.
 */
export const parseLegacyAttemptBody = (
  body: unknown,
  headerKey: string | undefined,
):
  | { ok: true; input: Omit<SubmitAnswerInput, 'exerciseId'> }
  | { ok: false; errors: PydanticError[] } => {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return {
      ok: false,
      errors: [
        err(
          'model_type',
          [],
          'Input should be a valid dictionary or instance of SubmitAnswerRequest',
          body,
          {
            class_name: 'SubmitAnswerRequest',
          },
        ),
      ],
    };
  }
  const record = body as Record<string, unknown>;
  const errors: PydanticError[] = [];

  const rawAnswer = 'answer' in record ? record.answer : record.selected_answer;
  let answer: string | undefined;
  if (rawAnswer === undefined) errors.push(err('missing', ['answer'], 'Field required', record));
  else answer = stringField('answer', rawAnswer, ANSWER_MAX_LENGTH, errors);

  let timeSpent = 0;
  const rawTime = record.time_spent;
  if (rawTime !== undefined) {
    let value: number | null;
    if (typeof rawTime === 'number') value = rawTime;
    else if (typeof rawTime === 'boolean') value = rawTime ? 1 : 0;
    else if (typeof rawTime === 'string') {
      value = parsePyFloat(rawTime);
      if (value === null) {
        errors.push(
          err(
            'float_parsing',
            ['time_spent'],
            'Input should be a valid number, unable to parse string as a number',
            rawTime,
          ),
        );
      }
    } else {
      value = null;
      errors.push(err('float_type', ['time_spent'], 'Input should be a valid number', rawTime));
    }
    if (value !== null) {
      if (!Number.isFinite(value) && !Number.isNaN(value) && value > 0) {
        errors.push(
          err('finite_number', ['time_spent'], 'Input should be a finite number', rawTime),
        );
      } else if (Number.isNaN(value) || value < 0) {
        errors.push(
          err(
            'greater_than_equal',
            ['time_spent'],
            'Input should be greater than or equal to 0',
            rawTime,
            { ge: 0 },
          ),
        );
      } else if (value > TIME_SPENT_MAX) {
        errors.push(
          err(
            'less_than_equal',
            ['time_spent'],
            `Input should be less than or equal to ${TIME_SPENT_MAX}`,
            rawTime,
            { le: TIME_SPENT_MAX },
          ),
        );
      } else timeSpent = value;
    }
  }

  let idempotencyKey: string | undefined;
  const rawKey = record.idempotency_key;
  if (rawKey !== undefined && rawKey !== null) {
    idempotencyKey = stringField('idempotency_key', rawKey, IDEMPOTENCY_KEY_MAX_LENGTH, errors);
  } else if (headerKey !== undefined && headerKey.trim() !== '') {
    idempotencyKey = stringField(
      'idempotency_key',
      headerKey.trim(),
      IDEMPOTENCY_KEY_MAX_LENGTH,
      errors,
    );
  }

  if (errors.length > 0 || answer === undefined) return { ok: false, errors };
  return {
    ok: true,
    input: { answer, timeSpent, ...(idempotencyKey === undefined ? {} : { idempotencyKey }) },
  };
};
