/**
 * Saving an AI-generated logic challenge that verifyGeneratedChallenge accepted (api-rest-challenges-admin
 * §5.5): one `logic_challenges` row, active at once, the requester as creator, tags
 * `ai,generated,mathélogique`, 10 minutes, and `generation_parameters` saying where it came from (never
 * the learner's prompt).
 */
import type { AgeGroup as DbAgeGroup, LogicChallengeType, Prisma } from '../db/generated/client.ts';
import type { Db } from '../db/types.ts';

export const AI_CHALLENGE_TAGS = 'ai,generated,mathélogique';
/** §5.5: every AI challenge is estimated at 10 minutes. */
export const AI_CHALLENGE_MINUTES = 10;

export interface NewAiChallenge {
  title: string;
  description: string;
  challengeType: LogicChallengeType;
  ageGroup: DbAgeGroup;
  question: string;
  correctAnswer: string;
  solutionExplanation: string;
  hints: string[];
  /** Parsed from the model's JSON: JSON values only. */
  visualData: Record<string, unknown>;
  difficultyRating: number;
  generationParameters: Prisma.InputJsonObject;
  creatorId: number;
  createdAt: Date;
}

const insertedSelect = { id: true, createdAt: true } as const satisfies Prisma.LogicChallengeSelect;

/** Inserts the challenge; returns its id and creation time. Throws (Prisma) when it cannot be written. */
export const insertAiChallenge = (
  db: Db,
  challenge: NewAiChallenge,
): Promise<{ id: number; createdAt: Date }> =>
  db.logicChallenge.create({
    data: {
      ...challenge,
      // JSON.parse output (see visualData): the cast only restates it for Prisma's JSON input type.
      visualData: challenge.visualData as Prisma.InputJsonObject,
      estimatedTimeMinutes: AI_CHALLENGE_MINUTES,
      tags: AI_CHALLENGE_TAGS,
      isActive: true,
      updatedAt: challenge.createdAt,
    },
    select: insertedSelect,
  });
