/** Roles as the API and the JWT spell them (platform §2.14); `archiviste` is the administrator. */
export const ROLE_NAMES = ['padawan', 'maitre', 'gardien', 'archiviste'] as const;
export type RoleName = (typeof ROLE_NAMES)[number];

export type DbRole = 'PADAWAN' | 'MAITRE' | 'GARDIEN' | 'ARCHIVISTE';

export const roleFromDb = (role: DbRole): RoleName => role.toLowerCase() as RoleName;
export const roleToDb = (role: RoleName): DbRole => role.toUpperCase() as DbRole;

export const ACCESS_SCOPES = ['full', 'exercises_only'] as const;
export type AccessScope = (typeof ACCESS_SCOPES)[number];

/**
 * api-rest-core §2.5: verified → full; otherwise full during the grace period after sign-up, then
 * exercises_only.
 */
export const accessScopeOf = (
  user: { isEmailVerified: boolean; createdAt: Date | null },
  now: Date,
  graceMinutes: number,
): AccessScope => {
  if (user.isEmailVerified || user.createdAt === null) return 'full';
  return now.getTime() - user.createdAt.getTime() < graceMinutes * 60_000
    ? 'full'
    : 'exercises_only';
};

/** E-mails are stored and compared lower-cased (unique case-insensitively). */
export const normaliseEmail = (email: string): string => email.trim().toLowerCase();

/** Login accepts a username, or an e-mail when the value contains `@`. */
export const isEmailIdentifier = (identifier: string): boolean => identifier.includes('@');

export const AUTH_MESSAGES = {
  badCredentials: "Nom d'utilisateur ou mot de passe incorrect",
  refreshMissing: 'Refresh token requis (body ou cookie). Veuillez vous reconnecter.',
  refreshInvalid: 'Refresh token invalide ou expiré',
  tokenInvalid: 'Token invalide ou expiré',
  logoutOk: 'Déconnexion réussie',
  forgotOk:
    'Si cette adresse email est associée à un compte, vous recevrez un email avec les instructions de réinitialisation.',
  resetOk: 'Mot de passe réinitialisé avec succès. Vous pouvez vous connecter.',
  resetTokenMissing: 'Token de réinitialisation manquant',
  resetMismatch: 'Les mots de passe ne correspondent pas',
  resetTokenInvalid: 'Token invalide ou déjà utilisé',
  resetTokenExpired: 'Le lien a expiré. Veuillez demander un nouveau lien.',
  verifyMissing: 'Token de vérification manquant',
  verifyInvalid: 'Token de vérification invalide',
  verifyExpired: 'Le token de vérification a expiré. Veuillez demander un nouveau lien.',
  verifyOk: 'Votre adresse email a été vérifiée avec succès !',
  alreadyVerified: 'Votre adresse email est déjà vérifiée',
  resendUnknown:
    'Si cette adresse email est associée à un compte non vérifié, vous recevrez un email de vérification.',
  resendCooldown: 'Veuillez patienter quelques minutes avant de demander un nouvel email.',
  resendSent: 'Un nouvel email de vérification a été envoyé à votre adresse.',
  emailRequired: 'Adresse email requise',
} as const;

/** Verification links live 24 h, reset links 1 h, resend has a 2-minute per-account cooldown. */
export const VERIFICATION_TTL_MS = 24 * 3_600_000;
export const RESET_TTL_MS = 3_600_000;
export const RESEND_COOLDOWN_MS = 2 * 60_000;
