/** Values shipped in examples or guessed first; never accepted as SECRET_KEY in production. */
export const PLACEHOLDER_SECRETS: readonly string[] = [
  'change_this_to_a_long_random_string_in_production',
  'change_me',
  'changeme',
  'change-me',
  'changethis',
  'secret',
  'secret_key',
  'secretkey',
  'your-secret-key',
  'your_secret_key',
  'supersecret',
  'mysecret',
  'mathakine',
  'development',
  'test',
  'password',
];

/** Pieces of placeholder text that never appear in a generated key by accident. */
const PLACEHOLDER_FRAGMENTS: readonly string[] = [
  'change_this',
  'changethis',
  'change-this',
  'changeme',
  'change_me',
  'your-secret',
  'your_secret',
  'in_production',
];

export const SECRET_KEY_MIN_LENGTH = 32;
const SECRET_KEY_MIN_DISTINCT = 10;

const distinct = (value: string): number => new Set(value).size;

/** Why a production SECRET_KEY is refused, or null when it is strong enough. */
export const secretKeyProblem = (key: string): string | null => {
  const lowered = key.toLowerCase();
  if (
    PLACEHOLDER_SECRETS.includes(lowered) ||
    PLACEHOLDER_FRAGMENTS.some((fragment) => lowered.includes(fragment))
  ) {
    return 'is a known placeholder; generate one with `openssl rand -base64 48`';
  }
  if (key.length < SECRET_KEY_MIN_LENGTH) {
    return `must be at least ${SECRET_KEY_MIN_LENGTH} characters (generate one with \`openssl rand -base64 48\`)`;
  }
  if (distinct(key) < SECRET_KEY_MIN_DISTINCT) {
    return `is not random enough (fewer than ${SECRET_KEY_MIN_DISTINCT} distinct characters)`;
  }
  return null;
};

/** Fragments that make an administrator password guessable (case-insensitive). */
export const ADMIN_PASSWORD_DENY_LIST: readonly string[] = [
  'admin',
  'password',
  'passw0rd',
  'motdepasse',
  '123456',
  'changeme',
  'change_me',
  'mathakine',
  'qwerty',
  'azerty',
  'letmein',
  'welcome',
  'secret',
];

export const ADMIN_PASSWORD_MIN_LENGTH = 12;
const ADMIN_PASSWORD_MAX_BYTES = 72;

/** Why DEFAULT_ADMIN_PASSWORD is refused, or null when it passes the strength rule. */
export const adminPasswordProblem = (
  password: string,
  identity: { username: string; email: string | null },
): string | null => {
  const lowered = password.toLowerCase();
  if (password.length < ADMIN_PASSWORD_MIN_LENGTH) {
    return `must be at least ${ADMIN_PASSWORD_MIN_LENGTH} characters`;
  }
  if (Buffer.byteLength(password, 'utf8') > ADMIN_PASSWORD_MAX_BYTES) {
    return `must be at most ${ADMIN_PASSWORD_MAX_BYTES} bytes (bcrypt limit)`;
  }
  const fragment = ADMIN_PASSWORD_DENY_LIST.find((word) => lowered.includes(word));
  if (fragment !== undefined) return `contains a guessable word ("${fragment}")`;
  const names = [identity.username, identity.email, identity.email?.split('@')[0]]
    .filter((n): n is string => n !== null && n !== undefined && n.length >= 3)
    .map((n) => n.toLowerCase());
  if (names.some((n) => lowered.includes(n))) {
    return 'must not contain the administrator username or e-mail';
  }
  if (distinct(password) < 6) return 'is too repetitive (fewer than 6 distinct characters)';
  return null;
};
