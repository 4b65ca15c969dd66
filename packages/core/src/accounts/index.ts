// The accounts feature: registration, login, sessions and refresh tokens, profile, password, e-mail
// verification and reset, GDPR export, the first administrator. This file is its public surface: core.ts,
// the package index and the other features import from here, never from the files next to it.
export { makeAccountsServices } from './accounts.service.ts';
export type { AccountAdmin } from './account-admin.ts';
export type { AccountsPorts } from './accounts-deps.ts';
export type { AuthService, ResolvedActor, TokenState } from './auth.service.ts';
export type { UserService } from './user.service.ts';
export * from './auth.schemas.ts';
export * from './user.schemas.ts';
export {
  ACCESS_SCOPES,
  AUTH_MESSAGES,
  ROLE_NAMES,
  type AccessScope,
  type RoleName,
} from './auth.rules.ts';
export {
  AGE_GROUP_LABELS,
  parseAgeGroup,
  type AgeGroupLabel,
  type DbAgeGroup,
} from './user.rules.ts';
export { MAIL_SUBJECTS } from './mail.templates.ts';
export { isWeakPassword, PASSWORD_MESSAGES, passwordPolicyViolation } from './password.rules.ts';
