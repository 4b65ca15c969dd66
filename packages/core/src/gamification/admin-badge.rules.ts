/**
 * The rules of badges written by an administrator (api-rest-challenges-admin §6.9): the legacy messages,
 * the code normalisation and the requirements validation table (the first matching rule applies; a
 * boolean counts as a number, as in Python). Pure.
 */
export const ADMIN_BADGE_MESSAGES = {
  notFound: 'Badge non trouvé.',
  codeRequired: 'Le code est obligatoire.',
  nameRequired: 'Le nom est obligatoire.',
  codeExists: (code: string) => `Le code '${code}' existe déjà.`,
  requirementsRequired: 'requirements est requis',
  requirementsNotObject: 'requirements doit être un objet JSON',
  requirementsEmpty: 'requirements doit contenir au moins une clé',
  requirementsTooLarge: 'requirements est trop volumineux (8 niveaux et 200 clés au plus).',
  attemptsCount: 'attempts_count doit être un nombre >= 1',
  minAttempts: 'min_attempts doit être un nombre >= 1',
  successRate: 'success_rate doit être entre 0 et 100',
  consecutiveCorrect: 'consecutive_correct doit être un nombre >= 1',
  maxTime: 'max_time doit être un nombre >= 0',
  consecutiveDays: 'consecutive_days doit être un nombre >= 1',
  logicAttemptsCount: 'logic_attempts_count doit être un nombre >= 1',
  comebackDays: 'comeback_days doit être un nombre >= 1',
  invalidCategory:
    'Catégorie invalide (progression, mastery, regularity, performance, discovery, special).',
  invalidDifficulty: 'Difficulté invalide (bronze, silver, gold, legendary).',
  invalidPoints: 'points_reward doit être un nombre entier.',
  notText: 'Ce champ doit être un texte.',
  deleted: 'Badge désactivé (soft delete).',
} as const;
const M = ADMIN_BADGE_MESSAGES;

export const ADMIN_BADGE_CATEGORIES = [
  'progression',
  'mastery',
  'regularity',
  'performance',
  'discovery',
  'special',
] as const;
export const ADMIN_BADGE_TIERS = ['bronze', 'silver', 'gold', 'legendary'] as const;

/** The code as stored: trimmed, lower-cased, spaces replaced by `_`. */
export const normalizeBadgeCode = (raw: string): string =>
  raw.trim().toLowerCase().replace(/ /g, '_');

/** A JSON number (a boolean counts, as Python's bool is an int); null otherwise. */
const numberOf = (v: unknown): number | null =>
  typeof v === 'number' ? v : typeof v === 'boolean' ? Number(v) : null;

const atLeast = (v: unknown, min: number): boolean => {
  const n = numberOf(v);
  return n !== null && n >= min;
};

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The single-key rules 6–10, in the table's order. */
const KEY_RULES: readonly (readonly [key: string, min: number, message: string])[] = [
  ['consecutive_correct', 1, M.consecutiveCorrect],
  ['max_time', 0, M.maxTime],
  ['consecutive_days', 1, M.consecutiveDays],
  ['logic_attempts_count', 1, M.logicAttemptsCount],
  ['comeback_days', 1, M.comebackDays],
];

/** The requirements validation table (§6.9): the first matching rule's message, or null when valid. */
export const badgeRequirementsProblem = (requirements: unknown): string | null => {
  if (requirements === null || requirements === undefined) return M.requirementsRequired;
  if (!isObject(requirements)) return M.requirementsNotObject;
  if (Object.keys(requirements).length === 0) return M.requirementsEmpty;
  if ('attempts_count' in requirements) {
    return atLeast(requirements.attempts_count, 1) ? null : M.attemptsCount;
  }
  if ('min_attempts' in requirements && 'success_rate' in requirements) {
    if (!atLeast(requirements.min_attempts, 1)) return M.minAttempts;
    const rate = numberOf(requirements.success_rate);
    return rate !== null && rate >= 0 && rate <= 100 ? null : M.successRate;
  }
  for (const [key, min, message] of KEY_RULES) {
    if (key in requirements && !atLeast(requirements[key], min)) return message;
  }
  return null;
};

/** Input field → legacy body key, for the `fields` of the `badge_update` audit entry. */
export const ADMIN_BADGE_FIELD_KEYS = {
  name: 'name',
  description: 'description',
  iconUrl: 'icon_url',
  category: 'category',
  difficulty: 'difficulty',
  pointsReward: 'points_reward',
  isSecret: 'is_secret',
  isActive: 'is_active',
  requirements: 'requirements',
  starWarsTitle: 'star_wars_title',
} as const;
