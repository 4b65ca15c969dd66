import type { CoreDeps } from '../kernel/deps.ts';
import { makeListAuditLog } from './list-audit-log.ts';

/** The audit log's read side. Entries are written by each admin use case through `insertAuditEntry`. */
export const makeAuditService = (deps: Pick<CoreDeps, 'db'>) => ({
  list: makeListAuditLog(deps),
});

export type AuditService = ReturnType<typeof makeAuditService>;
