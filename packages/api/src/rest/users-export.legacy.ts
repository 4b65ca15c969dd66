/**
 * The legacy wire of GET /api/users/me/export (api-rest-core §6.3.7): the GDPR export, plus what the legacy
 * left out (sessions, notifications, reports, analytics).
 */
import { z } from 'zod';

import type { UserExportDto } from '@mathakine/core';

import { pyIsoformat, pyIsoformatOrNull } from '../legacy/format.ts';
import { wire, ZPyDateTime } from '../legacy/wire.ts';
import { profileFields, toLegacySession, ZLegacySession } from './users.legacy.ts';

export const ZLegacyExport = wire({
  export_date: ZPyDateTime,
  format_version: z.string(),
  profile: wire({
    ...profileFields,
    is_active: z.boolean(),
    experience_points: z.number(),
    avatar_url: z.string().nullable(),
    updated_at: ZPyDateTime,
  }),
  exercise_attempts: z.array(
    wire({
      exercise_id: z.number(),
      answer: z.string(),
      is_correct: z.boolean(),
      time_spent: z.number().nullable(),
      attempt_number: z.number(),
      hints_used: z.number(),
      created_at: ZPyDateTime,
    }),
  ),
  challenge_attempts: z.array(
    wire({
      challenge_id: z.number(),
      user_solution: z.string(),
      is_correct: z.boolean(),
      time_spent: z.number().nullable(),
      hints_used: z.number(),
      created_at: ZPyDateTime,
    }),
  ),
  badges_earned: z.array(
    wire({
      achievement_id: z.number(),
      earned_at: ZPyDateTime,
      progress_data: z.unknown(),
      is_displayed: z.boolean(),
    }),
  ),
  progress: z.array(
    wire({
      exercise_type: z.string(),
      difficulty: z.null(),
      total_attempts: z.number(),
      correct_attempts: z.number(),
      success_rate: z.number().nullable(),
      last_attempt_at: ZPyDateTime.nullable(),
    }),
  ),
  recommendations: z.array(
    wire({
      exercise_type: z.string().nullable(),
      priority: z.number(),
      is_completed: z.boolean(),
      reason: z.string().nullable(),
      created_at: ZPyDateTime,
    }),
  ),
  sessions: z.array(ZLegacySession),
  notifications: z.array(
    wire({
      type: z.string(),
      title: z.string(),
      message: z.string().nullable(),
      is_read: z.boolean(),
      created_at: ZPyDateTime,
    }),
  ),
  feedback_reports: z.array(
    wire({
      feedback_type: z.string(),
      description: z.string().nullable(),
      page_url: z.string().nullable(),
      created_at: ZPyDateTime,
    }),
  ),
  analytics_events: z.array(
    wire({ event: z.string(), payload: z.unknown(), created_at: ZPyDateTime }),
  ),
  statistics: wire({
    total_exercise_attempts: z.number(),
    total_challenge_attempts: z.number(),
    total_badges: z.number(),
    total_progress_records: z.number(),
    total_recommendations: z.number(),
  }),
});

/** GDPR export (api-rest-core §6.3.7) plus what the legacy left out (sessions, notifications, reports). */
export const toLegacyExport = (e: UserExportDto) => {
  const p = e.profile;
  const exerciseAttempts = e.exerciseAttempts.map((a) => ({
    exercise_id: a.exerciseId,
    answer: a.answer,
    is_correct: a.isCorrect,
    time_spent: a.timeSpent,
    attempt_number: a.attemptNumber,
    hints_used: a.hintsUsed,
    created_at: pyIsoformat(a.createdAt),
  }));
  const challengeAttempts = e.challengeAttempts.map((a) => ({
    challenge_id: a.challengeId,
    user_solution: a.userSolution,
    is_correct: a.isCorrect,
    time_spent: a.timeSpent,
    hints_used: a.hintsUsed,
    created_at: pyIsoformat(a.createdAt),
  }));
  const badges = e.badgesEarned.map((b) => ({
    achievement_id: b.achievementId,
    earned_at: pyIsoformat(b.earnedAt),
    progress_data: b.progressData ?? null,
    is_displayed: b.isDisplayed,
  }));
  const progress = e.progress.map((r) => ({
    exercise_type: r.exerciseType,
    difficulty: null,
    total_attempts: r.totalAttempts,
    correct_attempts: r.correctAttempts,
    success_rate: r.totalAttempts > 0 ? r.correctAttempts / r.totalAttempts : null,
    last_attempt_at: pyIsoformatOrNull(r.lastAttemptAt),
  }));
  const recommendations = e.recommendations.map((r) => ({
    exercise_type: r.exerciseType,
    priority: r.priority,
    is_completed: r.isCompleted,
    reason: r.reason,
    created_at: pyIsoformat(r.createdAt),
  }));
  return {
    export_date: pyIsoformat(e.exportDate),
    format_version: e.formatVersion,
    profile: {
      id: p.id,
      username: p.username,
      email: p.email,
      full_name: p.fullName,
      role: p.role,
      is_active: p.isActive,
      is_email_verified: p.isEmailVerified,
      grade_level: p.gradeLevel,
      grade_system: p.gradeSystem,
      learning_style: p.learningStyle,
      preferred_difficulty: p.preferredDifficulty,
      preferred_theme: p.preferredTheme,
      learning_goal: p.learningGoal,
      practice_rhythm: p.practiceRhythm,
      onboarding_completed_at: pyIsoformatOrNull(p.onboardingCompletedAt),
      accessibility_settings: p.accessibilitySettings,
      total_points: p.totalPoints,
      current_level: p.currentLevel,
      experience_points: p.experiencePoints,
      jedi_rank: p.jediRank,
      avatar_url: p.avatarUrl,
      created_at: pyIsoformat(p.createdAt),
      updated_at: pyIsoformat(p.updatedAt),
    },
    exercise_attempts: exerciseAttempts,
    challenge_attempts: challengeAttempts,
    badges_earned: badges,
    progress,
    recommendations,
    sessions: e.sessions.map(toLegacySession),
    notifications: e.notifications.map((n) => ({
      type: n.type,
      title: n.title,
      message: n.message,
      is_read: n.isRead,
      created_at: pyIsoformat(n.createdAt),
    })),
    feedback_reports: e.feedbackReports.map((f) => ({
      feedback_type: f.feedbackType.toLowerCase(),
      description: f.description,
      page_url: f.pageUrl,
      created_at: pyIsoformat(f.createdAt),
    })),
    analytics_events: e.analyticsEvents.map((a) => ({
      event: a.event.toLowerCase(),
      payload: a.payload,
      created_at: pyIsoformat(a.createdAt),
    })),
    statistics: {
      total_exercise_attempts: exerciseAttempts.length,
      total_challenge_attempts: challengeAttempts.length,
      total_badges: badges.length,
      total_progress_records: progress.length,
      total_recommendations: recommendations.length,
    },
  };
};
