import { ADMIN_REQUIRED_MESSAGE } from '@mathakine/core';

/** The guard levels of api-rest-core §2.4, shared by both transports. */
export type GuardLevel = 'public' | 'public+optional' | 'user' | 'user+full' | 'admin';

/** The legacy French/English guard messages the frontend shows (api-rest-core §2.4). */
export const GUARD_MESSAGES = {
  noToken: 'Authentication required',
  invalidToken: 'Invalid or expired token',
  userRequired: 'Authentification requise',
  emailVerificationRequired: 'Vérifiez votre adresse email pour accéder à cette fonctionnalité.',
  adminRequired: ADMIN_REQUIRED_MESSAGE,
} as const;
