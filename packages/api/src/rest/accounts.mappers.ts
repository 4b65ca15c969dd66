import type { RegisteredUserDto, SessionDto, UserExportDto, UserProfileDto } from '@mathakine/core';

import { pyIsoformat, pyIsoformatOrNull } from '../legacy/format.ts';

/** `user` of the login answer (api-rest-core §6.2.1). */
export const toLegacyLoginUser = (u: UserProfileDto) => ({
  id: u.id,
  username: u.username,
  email: u.email,
  full_name: u.fullName,
  role: u.role,
  is_email_verified: u.isEmailVerified,
  access_scope: u.accessScope,
  onboarding_completed_at: pyIsoformatOrNull(u.onboardingCompletedAt),
  grade_level: u.gradeLevel,
  grade_system: u.gradeSystem,
  preferred_difficulty: u.preferredDifficulty,
  learning_goal: u.learningGoal,
  practice_rhythm: u.practiceRhythm,
});

/** `GET /api/users/me` (api-rest-core §6.3.3). */
export const toLegacyMe = (u: UserProfileDto) => ({
  id: u.id,
  username: u.username,
  email: u.email,
  is_authenticated: true,
  is_email_verified: u.isEmailVerified,
  access_scope: u.accessScope,
  role: u.role,
  full_name: u.fullName,
  grade_level: u.gradeLevel,
  grade_system: u.gradeSystem,
  learning_style: u.learningStyle,
  preferred_difficulty: u.preferredDifficulty,
  onboarding_completed_at: pyIsoformatOrNull(u.onboardingCompletedAt),
  learning_goal: u.learningGoal,
  practice_rhythm: u.practiceRhythm,
  preferred_theme: u.preferredTheme,
  accessibility_settings: u.accessibilitySettings,
  created_at: pyIsoformat(u.createdAt),
  total_points: u.totalPoints,
  current_level: u.currentLevel,
  jedi_rank: u.jediRank,
});

/** `PUT /api/users/me` (api-rest-core §6.3.4): `is_active` and `updated_at`, no `access_scope`. */
export const toLegacyProfile = (u: UserProfileDto) => ({
  id: u.id,
  username: u.username,
  email: u.email,
  full_name: u.fullName,
  role: u.role,
  is_email_verified: u.isEmailVerified,
  grade_level: u.gradeLevel,
  grade_system: u.gradeSystem,
  learning_style: u.learningStyle,
  preferred_difficulty: u.preferredDifficulty,
  onboarding_completed_at: pyIsoformatOrNull(u.onboardingCompletedAt),
  learning_goal: u.learningGoal,
  practice_rhythm: u.practiceRhythm,
  preferred_theme: u.preferredTheme,
  accessibility_settings: u.accessibilitySettings,
  is_active: u.isActive,
  created_at: pyIsoformat(u.createdAt),
  updated_at: pyIsoformat(u.updatedAt),
  total_points: u.totalPoints,
  current_level: u.currentLevel,
  jedi_rank: u.jediRank,
});

export const toLegacyRegistered = (u: RegisteredUserDto) => ({
  id: u.id,
  username: u.username,
  email: u.email,
  full_name: u.fullName,
  role: u.role,
  is_active: u.isActive,
  is_email_verified: u.isEmailVerified,
  created_at: pyIsoformat(u.createdAt),
});

export const toLegacySession = (s: SessionDto) => ({
  id: s.id,
  device_info: s.deviceInfo,
  ip_address: s.ipAddress,
  user_agent: s.userAgent,
  location_data: s.locationData,
  is_active: s.isActive,
  last_activity: pyIsoformat(s.lastActivity),
  created_at: pyIsoformat(s.createdAt),
  expires_at: pyIsoformat(s.expiresAt),
  is_current: s.isCurrent,
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
