/**
 * Per-user AI quotas (X19; upstream-v36 §13): generations per rolling hour
 * (`max_generations_per_user_per_hour`) and per day (`max_ai_generations_per_user_per_day`), chat
 * messages per day (`max_chat_messages_per_user_per_day`). Counted in the rate-limit store when a
 * request is about to reach the provider, whatever its outcome (the legacy counted at once, too).
 */
import { AppError } from '../kernel/errors.ts';
import type { AiDeps } from './ai-deps.ts';
import { AI_STREAM_MESSAGES } from './ai.rules.ts';

const HOUR_SECONDS = 3_600;
const DAY_SECONDS = 86_400;

export type QuotaVerdict =
  { allowed: true } | { allowed: false; message: string; retryAfterSeconds: number };

/** Counts one generation for the user (hour, then day); the verdict says which limit refused it. */
export const consumeGenerationQuota = async (
  deps: Pick<AiDeps, 'settings' | 'quotaStore'>,
  userId: number,
): Promise<QuotaVerdict> => {
  const hourly = await deps.settings.maxGenerationsPerUserPerHour();
  const hour = await deps.quotaStore.hit(`ai_generation:hour:${userId}`, hourly, HOUR_SECONDS);
  if (!hour.allowed) {
    return {
      allowed: false,
      message: AI_STREAM_MESSAGES.hourlyLimit(hourly),
      retryAfterSeconds: hour.retryAfterSeconds,
    };
  }
  const daily = await deps.settings.maxAiGenerationsPerUserPerDay();
  const day = await deps.quotaStore.hit(`ai_generation:day:${userId}`, daily, DAY_SECONDS);
  if (!day.allowed) {
    return {
      allowed: false,
      message: AI_STREAM_MESSAGES.dailyLimit(daily),
      retryAfterSeconds: day.retryAfterSeconds,
    };
  }
  return { allowed: true };
};

/** Counts one chat message for the user; RATE_LIMITED (429, `Retry-After`) past the daily quota. */
export const consumeChatQuota = async (
  deps: Pick<AiDeps, 'settings' | 'quotaStore'>,
  userId: number,
): Promise<void> => {
  const daily = await deps.settings.maxChatMessagesPerUserPerDay();
  const day = await deps.quotaStore.hit(`ai_chat:day:${userId}`, daily, DAY_SECONDS);
  if (!day.allowed) {
    throw new AppError('RATE_LIMITED', AI_STREAM_MESSAGES.chatDailyLimit(daily), {
      retryAfterSeconds: day.retryAfterSeconds,
      details: { limit: daily, retryAfterSeconds: day.retryAfterSeconds },
    });
  }
};
