// The admin back office: user management, reports, feedback triage, moderation, configuration, CSV
// export, EdTech analytics. Public surface of the feature.
export { makeAdminService, type AdminService } from './admin.service.ts';
export { EXPORT_BATCH_SIZE } from './export-csv.ts';
export * from './admin.schemas.ts';
