/**
 * The AI feature's messages and small rules: the legacy texts the streams and the chat answer with
 * (api-rest-core §6.4.6, §6.7, §7; api-rest-challenges-admin §5.3–5.4), and ours where the legacy
 * leaked a raw error (audit X18). What a child reads is always French and generic.
 */
import { AI_MESSAGES, isAiError, type AiErrorKind } from '../kernel/ai.ts';

export const AI_STREAM_MESSAGES = {
  generating: 'Génération en cours...',
  thinking: 'Réflexion en cours...',
  /** The generation streams without OPENAI_API_KEY (legacy text). */
  streamNotConfigured: 'OpenAI API key non configurée',
  /** `POST /api/chat` without OPENAI_API_KEY (legacy 503 text); also the chat stream's event. */
  chatNotConfigured: 'Clé API OpenAI non configurée',
  invalidPrompt: (reason: string) => `Prompt invalide: ${reason}`,
  invalidMessage: (reason: string) => `Message invalide: ${reason}`,
  messageRequired: 'Message requis',
  invalidHistory: 'Historique de conversation invalide',
  hourlyLimit: (limit: number) =>
    `Limite de génération atteinte: Limite horaire atteinte (${limit} générations/heure)`,
  dailyLimit: (limit: number) =>
    `Limite de génération atteinte: Limite journalière atteinte (${limit} générations/jour)`,
  chatDailyLimit: (limit: number) =>
    `Limite quotidienne atteinte : ${limit} messages par jour. Reviens demain pour continuer !`,
  chatDisabled: 'Le chat avec Maître Kine est désactivé pour le moment.',
  aiChallengesDisabled: 'La génération de défis par IA est désactivée pour le moment.',
  exerciseRejected:
    "L'exercice proposé par l'IA n'était pas cohérent : il n'a pas été enregistré. Réessaie.",
  challengeRejected:
    "Le défi proposé par l'IA n'était pas cohérent : il n'a pas été enregistré. Réessaie.",
  /** Any failure that is not the AI's (database down…): never the exception text. */
  unexpected: 'Erreur lors de la génération',
  unsaved: 'Non sauvegardé en base',
} as const;

/** The French, generic text of an AI failure shown in a stream (never the provider's own text). */
export const streamErrorMessage = (err: unknown): string =>
  isAiError(err) ? AI_MESSAGES[err.kind] : AI_STREAM_MESSAGES.unexpected;

/** Kinds that mean "the model did not give us a usable object": worth the one repair round. */
export const REPAIRABLE_KINDS: ReadonlySet<AiErrorKind> = new Set<AiErrorKind>(['malformed']);

/** Legacy markdown images in a chat answer: `![alt](url)` keeps its alt text only (no link reaches a child). */
export const stripMarkdownImages = (text: string): string =>
  text.replace(/!\[([^\]\n]*)\]\([^)\n]*\)/g, '$1');
