import { describe, expect, it } from 'vitest';

import { ADMIN_CHALLENGE_MESSAGES, adminChallengeProblem } from './admin-challenge.rules.ts';

const REJECTED = ADMIN_CHALLENGE_MESSAGES.answerRejected;

describe('adminChallengeProblem (the answer must pass its own checker)', () => {
  it.each([
    [
      'graph',
      'A-B-C',
      {
        nodes: ['A', 'B', 'C'],
        edges: [
          ['A', 'B'],
          ['B', 'C'],
        ],
      },
    ],
    ['probability', '6/10', { rouge: 6, bleu: 4 }],
    ['chess', 'Dd8#', { turn: 'white', objective: 'mat_en_1' }],
    ['deduction', 'Alice:Paris,Bob:Lyon', {}],
    ['custom', '6', {}],
    ['riddle', 'Un trou', {}],
  ] as const)('accepts a %s answer written the way its checker reads it', (type, answer, data) => {
    expect(
      adminChallengeProblem({
        challengeType: type,
        correctAnswer: answer,
        visualData: data,
        choices: null,
      }),
    ).toBeNull();
  });

  it.each([
    ['graph', 'A-Z', { nodes: ['A', 'B'], edges: [['A', 'B']] }],
    ['probability', '3/2', {}],
    ['chess', 'gagner', { turn: 'white', objective: 'mat_en_1' }],
  ] as const)('refuses a %s answer its checker cannot accept', (type, answer, data) => {
    expect(
      adminChallengeProblem({
        challengeType: type,
        correctAnswer: answer,
        visualData: data,
        choices: null,
      }),
    ).toBe(REJECTED);
  });

  it('accepts a challenge without an answer yet, and requires the answer among the choices', () => {
    const base = { challengeType: 'sequence', visualData: null } as const;
    expect(adminChallengeProblem({ ...base, correctAnswer: null, choices: ['1'] })).toBeNull();
    expect(
      adminChallengeProblem({ ...base, correctAnswer: '10', choices: ['8', ' 10 '] }),
    ).toBeNull();
    expect(adminChallengeProblem({ ...base, correctAnswer: '10', choices: ['8', '9'] })).toBe(
      ADMIN_CHALLENGE_MESSAGES.choicesMissingAnswer,
    );
  });
});
