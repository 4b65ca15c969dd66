// Liveness and readiness. Public surface of the feature.
export { makeSystemService } from './system.service.ts';
export * from './system.schemas.ts';
