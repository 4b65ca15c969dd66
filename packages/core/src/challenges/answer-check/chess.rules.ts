/**
 * Chess answers (spec/api-rest-challenges-admin.md §4.6): one or more moves in algebraic notation, the
 * stored answer possibly holding several accepted lines separated by `|`.
 *
 * The legacy uppercased the first letter of every token and translated it, so `b4` became `F4` and a
 * French king `R` became a rook `T`. Here each move is parsed into (piece, origin, destination,
 * promotion), French (R D T F C P) or English (K Q R B N P) letters or figurines:
 * - the language is read from the whole answer: any `D T F C` makes it French, any `Q B N K` English;
 *   with only `R` / pawns it is ambiguous and `R` may be a king or a rook;
 * - check / mate / quality marks (`+ # ! ?`), the capture mark (`x`, `:`), move numbers (`1.`, `1...`),
 *   `e.p.` and filler words (`puis`, `et`, arrows) are ignored; `0-0` = `O-O` = `petit roque`;
 * - an origin given on one side must not contradict the other's (`Tad1` ≠ `Thd1`, `Td1` = `Tad1`);
 * - for a line of 3 moves or more, the learner's own moves alone are accepted (`Dd7+ Df7#` for
 *   `Dd7+, Rf8, Df7#`).
 */
import { foldText, trimAnswer } from './answer-text.rules.ts';

export type ChessPiece = 'K' | 'Q' | 'R' | 'B' | 'N' | 'P';

export type ChessMove =
  | { kind: 'castle'; side: 'short' | 'long' }
  | {
      kind: 'move';
      piece: ChessPiece;
      fromFile: string | null;
      fromRank: string | null;
      to: string;
      promotion: ChessPiece | null;
    };

type Language = 'fr' | 'en' | 'both';

const FRENCH: Record<string, ChessPiece[]> = {
  R: ['K'],
  D: ['Q'],
  T: ['R'],
  F: ['B'],
  C: ['N'],
  P: ['P'],
};
const ENGLISH: Record<string, ChessPiece[]> = {
  K: ['K'],
  Q: ['Q'],
  R: ['R'],
  B: ['B'],
  N: ['N'],
  P: ['P'],
};
const EITHER: Record<string, ChessPiece[]> = { ...FRENCH, ...ENGLISH, R: ['K', 'R'] };
const LETTERS: Record<Language, Record<string, ChessPiece[]>> = {
  fr: FRENCH,
  en: ENGLISH,
  both: EITHER,
};

const FIGURINES: Record<string, ChessPiece> = {
  '♔': 'K',
  '♚': 'K',
  '♕': 'Q',
  '♛': 'Q',
  '♖': 'R',
  '♜': 'R',
  '♗': 'B',
  '♝': 'B',
  '♘': 'N',
  '♞': 'N',
  '♙': 'P',
  '♟': 'P',
};

/** A move as written: letters not yet read as pieces (that needs the answer's language). */
interface WrittenMove {
  castle: 'short' | 'long' | null;
  letter: string | null;
  fromFile: string | null;
  fromRank: string | null;
  to: string;
  promotion: string | null;
}

const PIECE_CHARS = 'KQRBNDTFCP♔♕♖♗♘♙♚♛♜♝♞♟';
const MOVE = new RegExp(
  `^([${PIECE_CHARS}])?([a-h])?([1-8])?[-x:]?([a-h][1-8])(?:=?\\(?([${PIECE_CHARS}])\\)?)?$`,
  'u',
);
const FILLER = new Set(['puis', 'et', 'then', 'and', '->', '→', '=>', '-']);

const fileDistance = (a: string, b: string): number => Math.abs(a.charCodeAt(0) - b.charCodeAt(0));

const NO_SQUARES: WrittenMove = {
  castle: null,
  letter: null,
  fromFile: null,
  fromRank: null,
  to: '',
  promotion: null,
};

const readMove = (token: string): WrittenMove | null => {
  if (/^[o0]-[o0]-[o0]$/i.test(token)) return { ...NO_SQUARES, castle: 'long' };
  if (/^[o0]-[o0]$/i.test(token)) return { ...NO_SQUARES, castle: 'short' };
  const match = MOVE.exec(token);
  if (match === null) return null;
  const [, letter = null, fromFile = null, fromRank = null, to = '', promotion = null] = match;
  const pawn = letter === null || letter === 'P' || FIGURINES[letter] === 'P';
  if (pawn) {
    if (fromFile !== null && fromRank === null && fileDistance(fromFile, to) !== 1) return null;
    if (promotion !== null && !/[18]$/.test(to)) return null;
  } else if (promotion !== null) {
    return null;
  }
  return { castle: null, letter, fromFile, fromRank, to, promotion };
};

/** The first reading of a token that is a legal-looking move: as written, capitalised, lower case. */
const readToken = (token: string): WrittenMove | null => {
  const promotionUpper = token.replace(/=(\p{Ll})/u, (_, p: string) => `=${p.toUpperCase()}`);
  const capitalised =
    promotionUpper.charAt(0).toUpperCase() + promotionUpper.slice(1).toLowerCase();
  for (const candidate of [promotionUpper, capitalised, promotionUpper.toLowerCase()]) {
    const move = readMove(candidate);
    if (move !== null) return move;
  }
  return null;
};

/** Tokens of an answer: move numbers, annotations and filler words removed. */
const tokensOf = (raw: string): string[] => {
  const text = trimAnswer(raw)
    .replace(/[–—−]/g, '-')
    .replace(/×/g, 'x')
    .replace(/\bpetit[\s-]+roque\b/giu, 'O-O')
    .replace(/\bgrand[\s-]+roque\b/giu, 'O-O-O')
    .replace(/(?:^|(?<=\s))\d+\s*(?:\.{1,3}|\))\s*/g, ' ');
  return text
    .split(/[\s,;]+/)
    .map((t) => t.replace(/(?:e\.?p\.?)$/i, '').replace(/[+#!?]+$/, ''))
    .filter((t) => t !== '' && !FILLER.has(foldText(t)));
};

const languageOf = (moves: readonly WrittenMove[]): Language => {
  const letters = moves.flatMap((m) => [m.letter ?? '', m.promotion ?? '']).join('');
  const french = /[DTFC]/.test(letters);
  const english = /[QBNK]/.test(letters);
  if (french === english) return 'both';
  return french ? 'fr' : 'en';
};

const piecesOf = (letter: string | null, language: Language): ChessPiece[] => {
  if (letter === null) return ['P'];
  const figurine = FIGURINES[letter];
  return figurine === undefined ? (LETTERS[language][letter] ?? []) : [figurine];
};

/** Every reading of a written move in the answer's language (two when `R` is ambiguous). */
const readingsOf = (move: WrittenMove, language: Language): ChessMove[] => {
  if (move.castle !== null) return [{ kind: 'castle', side: move.castle }];
  const promotions: (ChessPiece | null)[] =
    move.promotion === null ? [null] : piecesOf(move.promotion, language);
  return piecesOf(move.letter, language).flatMap((piece) =>
    promotions.map((promotion) => ({
      kind: 'move' as const,
      piece,
      fromFile: move.fromFile,
      fromRank: move.fromRank,
      to: move.to,
      promotion,
    })),
  );
};

/**
 * The moves of an answer, each as its possible readings; null when a token is not a move (or an answer
 * with no move at all).
 */
export const parseChessAnswer = (raw: string): ChessMove[][] | null => {
  const written: WrittenMove[] = [];
  for (const token of tokensOf(raw)) {
    const move = readToken(token);
    if (move === null) return null;
    written.push(move);
  }
  if (written.length === 0) return null;
  const language = languageOf(written);
  const readings = written.map((move) => readingsOf(move, language));
  return readings.every((r) => r.length > 0) ? readings : null;
};

const compatible = (a: string | null, b: string | null): boolean =>
  a === null || b === null || a === b;

const sameMove = (a: ChessMove, b: ChessMove): boolean => {
  if (a.kind === 'castle' || b.kind === 'castle') {
    return a.kind === 'castle' && b.kind === 'castle' && a.side === b.side;
  }
  return (
    a.piece === b.piece &&
    a.to === b.to &&
    a.promotion === b.promotion &&
    compatible(a.fromFile, b.fromFile) &&
    compatible(a.fromRank, b.fromRank)
  );
};

const sameLine = (user: readonly ChessMove[][], line: readonly ChessMove[][]): boolean =>
  user.length === line.length &&
  user.every((readings, i) => readings.some((u) => (line[i] ?? []).some((c) => sameMove(u, c))));

/** True when the learner's moves are one of the stored lines (or its own moves, for a long line). */
export const chessAnswerMatches = (userAnswer: string, correctAnswer: string): boolean => {
  const variants = correctAnswer
    .split('|')
    .map((v) => v.trim())
    .filter((v) => v !== '');
  const user = parseChessAnswer(userAnswer);
  return variants.some((variant) => {
    const line = parseChessAnswer(variant);
    if (line === null) return foldText(userAnswer) === foldText(variant);
    if (user === null) return false;
    if (sameLine(user, line)) return true;
    return (
      line.length >= 3 &&
      sameLine(
        user,
        line.filter((_, i) => i % 2 === 0),
      )
    );
  });
};
