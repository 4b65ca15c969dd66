import type { FeedbackType, Prisma } from '../db/generated/client.ts';
import type { Db } from '../db/types.ts';

export const feedbackSelect = {
  id: true,
  feedbackType: true,
  status: true,
  description: true,
  pageUrl: true,
  exerciseId: true,
  challengeId: true,
  createdAt: true,
} as const satisfies Prisma.FeedbackReportSelect;
export type FeedbackRow = Prisma.FeedbackReportGetPayload<{ select: typeof feedbackSelect }>;

export const exerciseExists = async (db: Db, id: number): Promise<boolean> =>
  (await db.exercise.findUnique({ where: { id }, select: { id: true } })) !== null;

export const challengeExists = async (db: Db, id: number): Promise<boolean> =>
  (await db.logicChallenge.findUnique({ where: { id }, select: { id: true } })) !== null;

export const insertFeedback = (
  db: Db,
  data: {
    userId: number;
    feedbackType: FeedbackType;
    description: string | null;
    pageUrl: string | null;
    exerciseId: number | null;
    challengeId: number | null;
    createdAt: Date;
  },
): Promise<FeedbackRow> => db.feedbackReport.create({ data, select: feedbackSelect });
