import type { Ctx } from '../kernel/deps.ts';
import { AppError } from '../kernel/errors.ts';
import type { ChallengeDeps } from './challenge-deps.ts';
import { findChallengeHints } from './challenge.repo.ts';
import { CHALLENGE_MESSAGES, hintsFromJson } from './challenge.rules.ts';
import {
  ZChallengeHintInput,
  type ChallengeHintDto,
  type ChallengeHintInput,
} from './challenge.schemas.ts';

/**
 * GET /api/challenges/{id}/hint?level= (§3.4): one hint, by its 1-based level, whatever the challenge's
 * state. Nothing is written (the attempt records how many hints the learner used).
 */
export const makeGetHint =
  (deps: ChallengeDeps) =>
  async (_ctx: Ctx, rawInput: ChallengeHintInput): Promise<ChallengeHintDto> => {
    const parsed = ZChallengeHintInput.safeParse(rawInput);
    if (!parsed.success) {
      throw new AppError('INVALID_INPUT', CHALLENGE_MESSAGES.hintLevelInvalid, {
        cause: parsed.error,
      });
    }
    const { challengeId, level } = parsed.data;
    const row = await findChallengeHints(deps.db.prisma, challengeId);
    if (!row) throw new AppError('NOT_FOUND', CHALLENGE_MESSAGES.notFound);
    const hints = hintsFromJson(row.hints);
    const hint = level >= 1 ? hints[level - 1] : undefined;
    if (hint === undefined) {
      throw new AppError('INVALID_INPUT', CHALLENGE_MESSAGES.hintUnavailable(level), {
        details: { level, hintCount: hints.length },
      });
    }
    return { challengeId: row.id, level, hint, hintCount: hints.length };
  };
