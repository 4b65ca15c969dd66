import type { AgeGroup, DifficultyLevel, LogicChallengeType } from '../../db/generated/enums.ts';

/** A JSON value as `visual_data` stores it. */
export type JsonValue =
  string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/**
 * One logic challenge of the starter catalogue (reference data, see starter-challenges.ts).
 *
 * `key` is the stable identity: it is stored in `source_reference` as `starter:<key>`, so a new
 * catalogue version updates the row instead of inserting a copy. Never rename a key.
 * `correctAnswer` is stored as the legacy stores it (spec/api-rest-challenges-admin.md §2.6, §4);
 * `checks` are not stored: the tests prove with them that the answer checker accepts the stored answer
 * and a typical other spelling, and refuses a plausible wrong answer.
 */
export interface StarterChallenge {
  key: string;
  challengeType: Exclude<LogicChallengeType, 'CUSTOM'>;
  ageGroup: AgeGroup;
  title: string;
  description: string;
  question: string;
  correctAnswer: string;
  /** Multiple-choice options (exact strings the learner can pick), or null for a typed answer. */
  choices: string[] | null;
  /** The type's shape of spec §2.5, as the legacy frontend renders it. */
  visualData: JsonObject;
  /** 1–3 hints, from a nudge to almost the method; never the answer. */
  hints: string[];
  solutionExplanation: string;
  difficulty: DifficultyLevel;
  /** 1.0–5.0, around the age group's expected value (spec §2.3). */
  difficultyRating: number;
  estimatedTimeMinutes: number;
  /** Comma-separated, like the legacy column. */
  tags: string;
  checks: { equivalent: string; wrong: string };
}

/** `source_reference` of a catalogue challenge: how apply finds its row again. */
export const starterReference = (key: string): string => `starter:${key}`;

const FEN_PIECES = /^[KQRBNPkqrbnp]$/;

/**
 * The `visual_data.board` of a chess challenge from the piece-placement field of a FEN string:
 * 8 rows, row 0 = rank 8, `KQRBNP` white, `kqrbnp` black, `""` empty (spec §2.5).
 */
export const boardFromFen = (placement: string): string[][] => {
  const rows = placement.split('/');
  if (rows.length !== 8) throw new Error(`FEN placement needs 8 ranks: ${placement}`);
  return rows.map((rank) => {
    const cells: string[] = [];
    for (const ch of rank) {
      if (/^[1-8]$/.test(ch)) cells.push(...Array.from({ length: Number(ch) }, () => ''));
      else if (FEN_PIECES.test(ch)) cells.push(ch);
      else throw new Error(`Bad FEN character ${ch} in ${placement}`);
    }
    if (cells.length !== 8) throw new Error(`FEN rank needs 8 squares: ${rank}`);
    return cells;
  });
};
