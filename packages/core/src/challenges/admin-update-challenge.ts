import { insertAuditEntry, summariseChanges, toAuditJson } from '../audit/index.ts';
import { ageGroupToDb } from '../exercises/index.ts';
import { requireAdmin } from '../kernel/authz.ts';
import type { CoreDeps, Ctx } from '../kernel/deps.ts';
import { AppError } from '../kernel/errors.ts';
import { parseAdminInput } from '../lib/admin-content.ts';
import { jsonColumn, toAdminChallengeDto } from './admin-challenge.mapping.ts';
import { lockAdminChallenge, updateAdminChallenge } from './admin-challenge.repo.ts';
import {
  ADMIN_CHALLENGE_FIELD_KEYS,
  ADMIN_CHALLENGE_MESSAGES,
  adminChallengeProblem,
} from './admin-challenge.rules.ts';
import {
  ZAdminUpdateChallengeInput,
  type AdminChallengeDto,
  type AdminUpdateChallengeInput,
} from './admin-challenge.schemas.ts';
import { challengeTypeToDb } from './challenge.rules.ts';

type Field = keyof typeof ADMIN_CHALLENGE_FIELD_KEYS;
const FIELDS = Object.keys(ADMIN_CHALLENGE_FIELD_KEYS) as Field[];
/** A change to one of these re-runs the answer check on the resulting challenge. */
const CONTENT_FIELDS: readonly Field[] = [
  'challengeType',
  'correctAnswer',
  'visualData',
  'choices',
];

/**
 * PUT /api/admin/challenges/{id} (§6.8): a partial update, checked on the resulting challenge when its
 * type, answer, visual data or choices change, recorded as `challenge_update` (fields sent and a
 * before/after summary) in one transaction.
 */
export const makeAdminUpdateChallenge =
  (deps: Pick<CoreDeps, 'db' | 'clock'>) =>
  async (ctx: Ctx, input: AdminUpdateChallengeInput): Promise<AdminChallengeDto> => {
    const admin = requireAdmin(ctx);
    const { challengeId, ...data } = parseAdminInput(ZAdminUpdateChallengeInput, input);
    const sent = FIELDS.filter((f) => data[f] !== undefined);
    const now = deps.clock.now();
    return deps.db.prisma.$transaction(async (tx) => {
      const beforeRow = await lockAdminChallenge(tx, challengeId);
      if (!beforeRow) throw new AppError('NOT_FOUND', ADMIN_CHALLENGE_MESSAGES.notFound);
      const before = toAdminChallengeDto(beforeRow);
      if (sent.some((f) => CONTENT_FIELDS.includes(f))) {
        const problem = adminChallengeProblem({
          challengeType: data.challengeType ?? before.challengeType,
          correctAnswer:
            data.correctAnswer === undefined ? before.correctAnswer : data.correctAnswer,
          visualData: data.visualData === undefined ? before.visualData : data.visualData,
          choices: data.choices === undefined ? before.choices : data.choices,
        });
        if (problem) throw new AppError('INVALID_INPUT', problem);
      }
      const { challengeType, ageGroup, choices, visualData, hints, ...plain } = data;
      const afterRow = await updateAdminChallenge(tx, challengeId, {
        ...plain,
        ...(challengeType === undefined ? {} : { challengeType: challengeTypeToDb(challengeType) }),
        ...(ageGroup === undefined ? {} : { ageGroup: ageGroupToDb(ageGroup) }),
        ...(choices === undefined ? {} : { choices: jsonColumn(choices) }),
        ...(visualData === undefined ? {} : { visualData: jsonColumn(visualData) }),
        ...(hints === undefined ? {} : { hints: jsonColumn(hints) }),
        updatedAt: now,
      });
      const after = toAdminChallengeDto(afterRow);
      await insertAuditEntry(
        tx,
        admin.actor.userId,
        {
          action: 'challenge_update',
          resourceType: 'challenge',
          resourceId: challengeId,
          details: {
            fields: sent.map((f) => ADMIN_CHALLENGE_FIELD_KEYS[f]),
            changes: toAuditJson(summariseChanges(before, after, sent)),
          },
        },
        now,
      );
      return after;
    });
  };
