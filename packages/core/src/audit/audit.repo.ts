import type { Prisma } from '../db/generated/client.ts';
import type { Db } from '../db/types.ts';
import { auditDetails } from './audit.rules.ts';
import type { AuditEntryInput } from './audit.schemas.ts';

const auditEntrySelect = {
  id: true,
  adminUserId: true,
  action: true,
  resourceType: true,
  resourceId: true,
  details: true,
  createdAt: true,
  adminUser: { select: { username: true } },
} as const;

export type AuditEntryRow = Prisma.AdminAuditLogGetPayload<{ select: typeof auditEntrySelect }>;

/**
 * Writes one audit entry. Call it with the transaction of the change it records (STYLE.md §4): the change
 * and its entry commit or roll back together.
 */
export const insertAuditEntry = async (
  tx: Db,
  adminUserId: number,
  entry: AuditEntryInput,
  at: Date,
): Promise<void> => {
  const details = auditDetails(entry.details);
  await tx.adminAuditLog.create({
    data: {
      adminUserId,
      action: entry.action,
      resourceType: entry.resourceType,
      resourceId: entry.resourceId,
      ...(details === null ? {} : { details }),
      createdAt: at,
    },
    select: { id: true },
  });
};

export interface AuditLogFilter {
  action?: string | undefined;
  resourceType?: string | undefined;
  adminUserId?: number | undefined;
}

const whereOf = (filter: AuditLogFilter): Prisma.AdminAuditLogWhereInput => ({
  ...(filter.action ? { action: filter.action } : {}),
  ...(filter.resourceType ? { resourceType: filter.resourceType } : {}),
  ...(filter.adminUserId === undefined ? {} : { adminUserId: filter.adminUserId }),
});

export const countAuditEntries = (db: Db, filter: AuditLogFilter): Promise<number> =>
  db.adminAuditLog.count({ where: whereOf(filter) });

/** Newest first (`created_at` DESC, then id DESC for a stable page order). */
export const findAuditEntries = (
  db: Db,
  filter: AuditLogFilter,
  page: { skip: number; limit: number },
): Promise<AuditEntryRow[]> =>
  db.adminAuditLog.findMany({
    where: whereOf(filter),
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    skip: page.skip,
    take: page.limit,
    select: auditEntrySelect,
  });
