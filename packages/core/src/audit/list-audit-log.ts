import { requireAdmin } from '../kernel/authz.ts';
import type { CoreDeps, Ctx } from '../kernel/deps.ts';
import { AppError } from '../kernel/errors.ts';
import { countAuditEntries, findAuditEntries, type AuditEntryRow } from './audit.repo.ts';
import {
  AUDIT_FILTER_INVALID,
  ZListAuditLogInput,
  type AuditEntryDto,
  type AuditLogDto,
  type ListAuditLogInput,
} from './audit.schemas.ts';

const detailsOf = (value: unknown): Record<string, unknown> | null =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;

const toDto = (row: AuditEntryRow): AuditEntryDto => ({
  id: row.id,
  adminUserId: row.adminUserId,
  adminUsername: row.adminUser?.username ?? null,
  action: row.action,
  resourceType: row.resourceType,
  resourceId: row.resourceId,
  details: detailsOf(row.details),
  createdAt: row.createdAt,
});

/** GET /api/admin/audit-log (§6.12): newest first, filtered, paginated; administrators only. */
export const makeListAuditLog =
  (deps: Pick<CoreDeps, 'db'>) =>
  async (ctx: Ctx, input: ListAuditLogInput): Promise<AuditLogDto> => {
    requireAdmin(ctx);
    const parsed = ZListAuditLogInput.safeParse(input);
    if (!parsed.success) {
      throw new AppError('INVALID_INPUT', parsed.error.issues[0]?.message ?? AUDIT_FILTER_INVALID, {
        cause: parsed.error,
      });
    }
    const query = parsed.data;
    const filter = {
      action: query.action || undefined,
      resourceType: query.resourceType || undefined,
      adminUserId: query.adminUserId,
    };
    const prisma = deps.db.prisma;
    const [total, rows] = await Promise.all([
      countAuditEntries(prisma, filter),
      findAuditEntries(prisma, filter, { skip: query.skip, limit: query.limit }),
    ]);
    return { items: rows.map(toDto), total };
  };
