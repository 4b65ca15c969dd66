// The legacy import (issue 16): a command-line use case (apps/server `import-legacy`), not a request
// service. Public surface of the feature.
export {
  importLegacy,
  LegacyImportConflictError,
  type ImportLegacyOptions,
  type ImportLegacyResult,
} from './import-legacy.ts';
export { openLegacySource, type LegacySource } from './legacy-source.ts';
export {
  formatCountsTable,
  formatFinding,
  LEGACY_TABLES,
  type Finding,
  type LegacyTable,
  type TableCounts,
} from './import-report.rules.ts';
export { CHECKSUM_COLUMNS } from './checksums.rules.ts';
export type { ImportProgress } from './table-pass.ts';
export { formatVerification, type VerificationReport } from './verify-import.ts';
