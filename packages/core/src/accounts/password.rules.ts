/**
 * The one password policy of every path (registration, reset, change, first administrator): the
 * strictest of the legacy's three (platform §2.2) plus the 72-byte bcrypt ceiling, refused instead of
 * truncated. Passwords are never trimmed. Documented in docs/legacy-differences.md ("Accounts").
 */
export const PASSWORD_MIN_LENGTH = 8;
/** bcrypt only reads the first 72 bytes: a longer password is refused instead of silently cut. */
export const PASSWORD_MAX_BYTES = 72;

export const PASSWORD_MESSAGES = {
  tooShort: 'Le mot de passe doit contenir au moins 8 caractères',
  noDigit: 'Le mot de passe doit contenir au moins un chiffre',
  noUppercase: 'Le mot de passe doit contenir au moins une majuscule',
  tooLong: 'Le mot de passe ne peut pas dépasser 72 octets',
} as const;

/** Returns the first French message the password violates, or null when it satisfies the policy. */
export const passwordPolicyViolation = (password: string): string | null => {
  if (Array.from(password).length < PASSWORD_MIN_LENGTH) return PASSWORD_MESSAGES.tooShort;
  if (Buffer.byteLength(password, 'utf8') > PASSWORD_MAX_BYTES) return PASSWORD_MESSAGES.tooLong;
  if (!/\p{Nd}/u.test(password)) return PASSWORD_MESSAGES.noDigit;
  if (!/\p{Lu}/u.test(password)) return PASSWORD_MESSAGES.noUppercase;
  return null;
};

/** Values refused for the first administrator even when they pass the policy (weak or default). */
const WEAK_PASSWORDS = new Set(
  [
    'admin123',
    'password1',
    'motdepasse1',
    'changeme1',
    'mathakine1',
    'azerty123',
    'qwerty123',
    'admin1234',
    'password123',
  ].map((p) => p.toLowerCase()),
);

export const isWeakPassword = (password: string): boolean =>
  WEAK_PASSWORDS.has(password.toLowerCase()) || /^(.)\1+$/u.test(password);
