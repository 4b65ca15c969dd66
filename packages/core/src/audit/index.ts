// The admin audit log (api-rest-challenges-admin §7.1). Public surface of the feature: the write used by
// every admin use case inside its own transaction, the summary rules, and the read service.
export { makeAuditService, type AuditService } from './audit.service.ts';
export { insertAuditEntry } from './audit.repo.ts';
export {
  auditDetails,
  isSecretField,
  REDACTED,
  summariseChanges,
  toAuditJson,
} from './audit.rules.ts';
export * from './audit.schemas.ts';
