import { describe, expect, it } from 'vitest';

import { chessAnswerMatches, parseChessAnswer } from './chess.rules.ts';

describe('parseChessAnswer', () => {
  it('reads French, English and figurine notation into the same move', () => {
    const queenD8 = [
      [{ kind: 'move', piece: 'Q', fromFile: null, fromRank: null, to: 'd8', promotion: null }],
    ];
    expect(parseChessAnswer('Dd8#')).toEqual(queenD8);
    expect(parseChessAnswer('Qd8+')).toEqual(queenD8);
    expect(parseChessAnswer('♕d8')).toEqual(queenD8);
    expect(parseChessAnswer('dd8')).toEqual(queenD8);
  });

  it('reads a b-file pawn as a pawn (the legacy turned b4 into F4)', () => {
    expect(parseChessAnswer('b4')).toEqual([
      [{ kind: 'move', piece: 'P', fromFile: null, fromRank: null, to: 'b4', promotion: null }],
    ]);
    expect(parseChessAnswer('bxc5')?.[0]?.[0]).toMatchObject({ piece: 'P', fromFile: 'b' });
  });

  it('gives R both readings when the language cannot be told', () => {
    expect(
      parseChessAnswer('Rf8')?.[0]?.map((m) => (m.kind === 'move' ? m.piece : m.kind)),
    ).toEqual(['K', 'R']);
    expect(parseChessAnswer('Dd7+ Rf8')?.[1]?.[0]).toMatchObject({ piece: 'K' });
    expect(parseChessAnswer('Qd7+ Rf8')?.[1]?.[0]).toMatchObject({ piece: 'R' });
  });

  it('reads castling, promotions, long notation and move numbers', () => {
    expect(parseChessAnswer('0-0-0')).toEqual([[{ kind: 'castle', side: 'long' }]]);
    expect(parseChessAnswer('petit roque')).toEqual([[{ kind: 'castle', side: 'short' }]]);
    expect(parseChessAnswer('e8=D')?.[0]?.[0]).toMatchObject({
      piece: 'P',
      to: 'e8',
      promotion: 'Q',
    });
    expect(parseChessAnswer('e8=q')?.[0]?.[0]).toMatchObject({ promotion: 'Q' });
    expect(parseChessAnswer('Dh5-d8')?.[0]?.[0]).toMatchObject({
      piece: 'Q',
      fromFile: 'h',
      fromRank: '5',
      to: 'd8',
    });
    expect(parseChessAnswer('1. e4 e5 2. Cf3')).toHaveLength(3);
    expect(parseChessAnswer('1...Dd8')).toHaveLength(1);
  });

  it('is null for text that is not moves', () => {
    for (const raw of ['', 'la dame', 'Dd9', 'Kz1', 'e4 ?!x', 'Dd8=T', 'e5=D', 'ee4']) {
      expect(parseChessAnswer(raw), raw).toBeNull();
    }
  });
});

describe('chessAnswerMatches (§4.6)', () => {
  it.each([
    ['Dd8#', 'Dd8#'],
    ['Dd8', 'Dd8#'],
    ['Qd8', 'Dd8#'],
    ['Qxd8#', 'Dd8#'],
    ['1. Dd8#', 'Dd8#'],
    ['dd8', 'Dd8#'],
    ['Tf8#', 'Tf8# | Dd8#'],
    ['Qd8', 'Tf8# | Dd8#'],
    ['Dd7+ Rf8 Df7#', 'Dd7+, Rf8, Df7#'],
    ['Qd7+ Kf8 Qf7#', 'Dd7+, Rf8, Df7#'],
    ['Dd7+ puis Df7#', 'Dd7+, Rf8, Df7#'],
    ['b4', 'b4'],
    ['O-O', '0-0'],
    ['Td1', 'Tad1'],
    ['Tad1', 'Tad1'],
    ['Rxh7', 'Txh7#'],
    ['e8=Q', 'e8=D+'],
    ['la dame en d8', 'la dame en d8'],
  ])('accepts %j for %j', (user, correct) => {
    expect(chessAnswerMatches(user, correct)).toBe(true);
  });

  it.each([
    ['d8', 'Dd8#'],
    ['Td8', 'Dd8#'],
    ['Dd7', 'Dd8#'],
    ['Fb4', 'b4'],
    ['Thd1', 'Tad1'],
    ['O-O-O', 'O-O'],
    ['e8=T', 'e8=D'],
    ['Df7#', 'Dd7+, Rf8, Df7#'],
    ['Dd7+ Df7# Rf8', 'Dd7+, Rf8, Df7#'],
    ['Kf8', 'Dd7+, Rf8, Df7#'],
    ['', 'Dd8#'],
    ['Dd8', ''],
    ['Dd8', ' | '],
  ])('refuses %j for %j', (user, correct) => {
    expect(chessAnswerMatches(user, correct)).toBe(false);
  });

  it('reads a French king R as a king (the legacy turned it into a rook)', () => {
    expect(chessAnswerMatches('Kf8', 'Df7+, Rf8')).toBe(false);
    expect(chessAnswerMatches('Qf7+ Kf8', 'Df7+, Rf8')).toBe(true);
    expect(chessAnswerMatches('Qf7+ Rf8', 'Df7+, Rf8')).toBe(false);
  });
});
