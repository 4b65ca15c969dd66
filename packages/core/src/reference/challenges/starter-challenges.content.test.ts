/**
 * The starter challenges are right, not only well-formed: each answer is recomputed from the
 * challenge's own data (chess positions replayed with chess.js, graphs searched, codes decoded, logic
 * puzzles brute-forced to prove their solution is the only one).
 */
import { Chess } from 'chess.js';
import { describe, expect, it } from 'vitest';

import { isChallengeAnswerCorrect } from '../../challenges/index.ts';
import type { StarterChallenge } from './starter-challenge.types.ts';
import { STARTER_CHALLENGES } from './starter-challenges.ts';

const byKey = (key: string): StarterChallenge => {
  const def = STARTER_CHALLENGES.find((c) => c.key === key);
  if (def === undefined) throw new Error(`No starter challenge ${key}`);
  return def;
};
const solves = (def: StarterChallenge, answer: string): boolean =>
  isChallengeAnswerCorrect(
    {
      challengeType: def.challengeType,
      correctAnswer: def.correctAnswer,
      visualData: def.visualData,
    },
    answer,
  );
const permutations = <T>(items: readonly T[]): T[][] =>
  items.length <= 1
    ? [[...items]]
    : items.flatMap((item, i) =>
        permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]),
      );

// -------------------------------------------------------------------------------------------------
// Chess
// -------------------------------------------------------------------------------------------------

const fenOf = (def: StarterChallenge): string => {
  const board = def.visualData.board as string[][];
  const placement = board
    .map((row) =>
      row
        .map((cell) => cell || '1')
        .join('')
        .replace(/1+/g, (ones) => String(ones.length)),
    )
    .join('/');
  return `${placement} ${def.visualData.turn === 'white' ? 'w' : 'b'} - - 0 1`;
};
const FRENCH_TO_ENGLISH: Record<string, string> = { R: 'K', D: 'Q', T: 'R', F: 'B', C: 'N' };
const toEnglish = (move: string): string =>
  move
    .replace(/^[RDTFC]/, (l) => FRENCH_TO_ENGLISH[l] ?? l)
    .replace(/=([DTFC])/, (_, l: string) => `=${FRENCH_TO_ENGLISH[l] ?? l}`);
const linesOf = (def: StarterChallenge): string[][] =>
  def.correctAnswer.split('|').map((line) => line.split(',').map((m) => toEnglish(m.trim())));

const matingMoves = (chess: Chess): string[] =>
  chess.moves().filter((m) => {
    chess.move(m);
    const mate = chess.isCheckmate();
    chess.undo();
    return mate;
  });
const mateInTwoKeys = (chess: Chess): string[] =>
  chess.moves().filter((m) => {
    chess.move(m);
    const replies = chess.moves();
    const forced =
      !chess.isCheckmate() &&
      replies.length > 0 &&
      replies.every((r) => {
        chess.move(r);
        const mate = matingMoves(chess).length > 0;
        chess.undo();
        return mate;
      });
    chess.undo();
    return forced;
  });

describe('chess challenges are sound', () => {
  const chessDefs = STARTER_CHALLENGES.filter((c) => c.challengeType === 'CHESS');

  it.each(chessDefs.map((d) => [d.key, d] as const))('%s: the position is legal', (_, def) => {
    expect(() => new Chess(fenOf(def))).not.toThrow();
  });

  it.each(
    chessDefs.filter((d) => d.visualData.objective === 'mat_en_1').map((d) => [d.key, d] as const),
  )('%s: the stored moves are exactly the mates in one', (_, def) => {
    const mates = matingMoves(new Chess(fenOf(def)));
    expect(
      linesOf(def)
        .map((line) => line.join(' '))
        .sort(),
    ).toEqual([...mates].sort());
  });

  it.each(
    chessDefs.filter((d) => d.visualData.objective === 'mat_en_2').map((d) => [d.key, d] as const),
  )('%s: the key move forces mate in two, and every stored line ends in mate', (_, def) => {
    const chess = new Chess(fenOf(def));
    expect(matingMoves(chess)).toEqual([]);
    const keys = mateInTwoKeys(chess);
    expect(new Set(linesOf(def).map((line) => line[0]))).toEqual(new Set(keys));
    for (const line of linesOf(def)) {
      const replay = new Chess(fenOf(def));
      for (const move of line) replay.move(move);
      if (line.length === 3) expect(replay.isCheckmate(), line.join(' ')).toBe(true);
    }
  });

  it('the fork wins the queen whatever Black replies', () => {
    const def = byKey('chess-tous-ages-fourchette');
    const chess = new Chess(fenOf(def));
    chess.move(toEnglish(def.correctAnswer));
    expect(chess.inCheck()).toBe(true);
    for (const reply of chess.moves()) {
      chess.move(reply);
      expect(
        chess.moves({ verbose: true }).some((m) => m.captured === 'q'),
        reply,
      ).toBe(true);
      chess.undo();
    }
  });
});

// -------------------------------------------------------------------------------------------------
// Graphs
// -------------------------------------------------------------------------------------------------

interface Graph {
  nodes: string[];
  edges: [string, string, number][];
}
const graphOf = (def: StarterChallenge): Graph => ({
  nodes: def.visualData.nodes as string[],
  edges: (def.visualData.edges as [string, string, number?][]).map(
    ([a, b, w]): [string, string, number] => [a, b, w ?? 1],
  ),
});
const neighbours = (g: Graph, node: string): [string, number][] =>
  g.edges.flatMap(([a, b, w]): [string, number][] =>
    a === node ? [[b, w]] : b === node ? [[a, w]] : [],
  );
/** Every simple path between two nodes with its cost. */
const simplePaths = (g: Graph, from: string, to: string): { path: string[]; cost: number }[] => {
  const found: { path: string[]; cost: number }[] = [];
  const walk = (path: string[], cost: number) => {
    const last = path[path.length - 1] ?? '';
    if (last === to) {
      found.push({ path, cost });
      return;
    }
    for (const [next, w] of neighbours(g, last))
      if (!path.includes(next)) walk([...path, next], cost + w);
  };
  walk([from], 0);
  return found;
};

describe('graph challenges are sound', () => {
  it.each(['graph-6-8-chemin-court', 'graph-9-11-trajet-rapide'])(
    '%s: the answer is the one cheapest path',
    (key) => {
      const def = byKey(key);
      const stored = def.correctAnswer.split('-');
      const paths = simplePaths(graphOf(def), stored[0] ?? '', stored[stored.length - 1] ?? '');
      const best = Math.min(...paths.map((p) => p.cost));
      const cheapest = paths.filter((p) => p.cost === best);
      expect(cheapest.map((p) => p.path)).toEqual([stored]);
    },
  );

  it('the one-stroke house starts on its two odd-degree vertices', () => {
    const def = byKey('graph-12-14-maison-un-trait');
    const g = graphOf(def);
    const odd = g.nodes.filter((n) => neighbours(g, n).length % 2 === 1);
    expect(odd.sort()).toEqual(
      def.correctAnswer
        .split(',')
        .map((s) => s.trim())
        .sort(),
    );
  });

  it('the antennas need exactly the stored number of frequencies', () => {
    const def = byKey('graph-15-17-coloriage-roue');
    const g = graphOf(def);
    const colourable = (k: number): boolean => {
      const colour = new Map<string, number>();
      const place = (i: number): boolean => {
        const node = g.nodes[i];
        if (node === undefined) return true;
        for (let c = 0; c < k; c += 1) {
          if (neighbours(g, node).every(([n]) => colour.get(n) !== c)) {
            colour.set(node, c);
            if (place(i + 1)) return true;
            colour.delete(node);
          }
        }
        return false;
      };
      return place(0);
    };
    const k = Number(def.correctAnswer);
    expect([colourable(k - 1), colourable(k)]).toEqual([false, true]);
  });

  it('the energy network costs the weight of a minimum spanning tree', () => {
    const def = byKey('graph-adulte-arbre-couvrant');
    const g = graphOf(def);
    const parent = new Map(g.nodes.map((n) => [n, n]));
    const root = (n: string): string => (parent.get(n) === n ? n : root(parent.get(n) ?? n));
    let total = 0;
    for (const [a, b, w] of [...g.edges].sort((x, y) => x[2] - y[2])) {
      if (root(a) !== root(b)) {
        parent.set(root(a), root(b));
        total += w;
      }
    }
    expect(String(total)).toBe(def.correctAnswer);
  });

  it('the comet has the stored number of simple paths', () => {
    const def = byKey('graph-tous-ages-compter-chemins');
    expect(String(simplePaths(graphOf(def), 'A', 'D').length)).toBe(def.correctAnswer);
  });
});

// -------------------------------------------------------------------------------------------------
// Codes
// -------------------------------------------------------------------------------------------------

const letterShift = (text: string, shift: number): string =>
  text.replace(/[A-Z]/g, (l) =>
    String.fromCharCode(((l.charCodeAt(0) - 65 + shift + 26) % 26) + 65),
  );
const atbash = (text: string): string =>
  text.replace(/[A-Z]/g, (l) => String.fromCharCode(155 - l.charCodeAt(0)));

describe('coding challenges decode to their answer', () => {
  it('symbols', () => {
    const def = byKey('coding-6-8-symboles');
    const key = def.visualData.key as Record<string, string>;
    const decoded = (def.visualData.encoded_message as string)
      .split(' ')
      .map((s) => key[s])
      .join('');
    expect(decoded).toBe(def.correctAnswer);
  });

  it('caesar: the message is the answer shifted forward', () => {
    const def = byKey('coding-9-11-cesar');
    const shift = Number(def.visualData.shift);
    expect(letterShift(def.correctAnswer, shift)).toBe(def.visualData.encoded_message);
  });

  it('atbash: the message and every example of the partial key', () => {
    const def = byKey('coding-15-17-atbash');
    expect(atbash(def.correctAnswer)).toBe(def.visualData.encoded_message);
    for (const [encoded, clear] of Object.entries(
      def.visualData.partial_key as Record<string, string>,
    )) {
      expect(atbash(encoded)).toBe(clear);
    }
  });

  it('binary ASCII', () => {
    const def = byKey('coding-adulte-binaire');
    const decoded = (def.visualData.encoded_message as string)
      .split(' ')
      .map((byte) => String.fromCharCode(parseInt(byte, 2)))
      .join('');
    expect(decoded).toBe(def.correctAnswer);
  });

  it('the algorithm, step by step', () => {
    const def = byKey('coding-12-14-algorithme');
    const n = Number(def.visualData.input);
    expect(String((n * 3 + 4) / 2 - n)).toBe(def.correctAnswer);
  });

  it('the maze answer is its one shortest path', () => {
    const def = byKey('coding-tous-ages-labyrinthe');
    const maze = def.visualData.maze as string[];
    const [sr = 0, sc = 0] = def.visualData.start as number[];
    const [er = 0, ec = 0] = def.visualData.end as number[];
    const moves: [string, number, number][] = [
      ['HAUT', -1, 0],
      ['BAS', 1, 0],
      ['GAUCHE', 0, -1],
      ['DROITE', 0, 1],
    ];
    const open = (r: number, c: number) => (maze[r]?.[c] ?? '#') !== '#';
    let frontier: { r: number; c: number; path: string[] }[] = [{ r: sr, c: sc, path: [] }];
    const seen = new Set([`${sr},${sc}`]);
    const shortest: string[][] = [];
    while (frontier.length > 0 && shortest.length === 0) {
      const next: typeof frontier = [];
      const reachedNow = new Set<string>();
      for (const { r, c, path } of frontier) {
        for (const [name, dr, dc] of moves) {
          const [nr, nc] = [r + dr, c + dc];
          if (!open(nr, nc) || seen.has(`${nr},${nc}`)) continue;
          const step = { r: nr, c: nc, path: [...path, name] };
          if (nr === er && nc === ec) shortest.push(step.path);
          reachedNow.add(`${nr},${nc}`);
          next.push(step);
        }
      }
      for (const cell of reachedNow) seen.add(cell);
      frontier = next;
    }
    expect(shortest).toEqual([def.correctAnswer.split(',').map((s) => s.trim())]);
  });
});

// -------------------------------------------------------------------------------------------------
// Logic puzzles: the clues admit exactly the stored solution
// -------------------------------------------------------------------------------------------------

describe('deduction and ordering puzzles have one solution', () => {
  it('deduction 6-8, 9-11 and tous-âges', () => {
    const pets = permutations(['chat', 'chien']).filter(([leo]) => leo !== 'chat');
    expect(pets).toEqual([['chien', 'chat']]);
    const trips = permutations(['Mars', 'Vénus', 'Jupiter']).filter(
      ([ana, ben]) => ben === 'Vénus' && ana !== 'Mars',
    );
    expect(trips).toEqual([['Jupiter', 'Vénus', 'Mars']]);
    const tools = permutations(['clé', 'loupe', 'pinceau']).filter(
      ([bip, bop]) => bip !== 'clé' && bip !== 'loupe' && bop !== 'clé',
    );
    expect(tools).toEqual([['pinceau', 'loupe', 'clé']]);
    for (const key of [
      'deduction-6-8-animaux',
      'deduction-9-11-planetes',
      'deduction-tous-ages-outils-robots',
    ]) {
      const def = byKey(key);
      expect(solves(def, def.correctAnswer)).toBe(true);
    }
    expect(solves(byKey('deduction-6-8-animaux'), 'Léo:chien,Nina:chat')).toBe(true);
    expect(solves(byKey('deduction-9-11-planetes'), 'Ana:Jupiter,Ben:Vénus,Céa:Mars')).toBe(true);
    expect(
      solves(byKey('deduction-tous-ages-outils-robots'), 'Bip:pinceau,Bop:loupe,Bup:clé'),
    ).toBe(true);
  });

  it('deduction 12-14: the workshops', () => {
    const people = ['Emma', 'Lucas', 'Zoé'];
    const solutions: string[] = [];
    for (const workshop of permutations(['robotique', 'astronomie', 'musique'])) {
      for (const room of permutations(['101', '102', '103'])) {
        const at = (p: string) => people.indexOf(p);
        const music = workshop.indexOf('musique');
        if (room[at('Lucas')] !== '102' || room[music] !== '103') continue;
        if (workshop[at('Zoé')] === 'musique' || workshop[at('Lucas')] === 'astronomie') continue;
        solutions.push(people.map((p, i) => `${p}:${workshop[i]}:${room[i]}`).join(','));
      }
    }
    expect(solutions).toEqual([byKey('deduction-12-14-ateliers').correctAnswer]);
  });

  it('deduction 15-17: the take-offs', () => {
    const pilots = ['Alex', 'Bea', 'Chris', 'Dana'];
    const ranks = ['1er', '2e', '3e', '4e'];
    const solutions: string[] = [];
    for (const ship of permutations(['Aurore', 'Comète', 'Nébuleuse', 'Quasar'])) {
      for (const order of permutations([1, 2, 3, 4])) {
        const rank = (p: string) => order[pilots.indexOf(p)] ?? 0;
        const shipRank = (s: string) => order[ship.indexOf(s)] ?? 0;
        const shipOf = (p: string) => ship[pilots.indexOf(p)];
        if (shipRank('Comète') !== 1 || shipRank('Quasar') !== 2) continue;
        if (shipOf('Bea') === 'Quasar' || shipOf('Bea') === 'Nébuleuse') continue;
        if (rank('Dana') + 1 !== rank('Bea') || shipOf('Alex') === 'Comète') continue;
        if (rank('Alex') >= rank('Dana')) continue;
        solutions.push(
          pilots.map((p, i) => `${p}:${ship[i]}:${ranks[(order[i] ?? 1) - 1]}`).join(','),
        );
      }
    }
    expect(solutions).toEqual([byKey('deduction-15-17-decollages').correctAnswer]);
  });

  it('deduction adulte: the laboratory', () => {
    const people = ['Ada', 'Boris', 'Chen', 'Djamila', 'Eliott'];
    const solutions: string[] = [];
    for (const planet of permutations(['Mercure', 'Vénus', 'Mars', 'Jupiter', 'Saturne'])) {
      for (const tool of permutations([
        'télescope',
        'sismographe',
        'spectromètre',
        'radar',
        'magnétomètre',
      ])) {
        const p = (who: string) => planet[people.indexOf(who)];
        const t = (who: string) => tool[people.indexOf(who)];
        const on = (where: string) => tool[planet.indexOf(where)];
        if (on('Mars') !== 'radar' || t('Boris') !== 'télescope') continue;
        if (p('Boris') === 'Mars' || p('Boris') === 'Jupiter' || on('Vénus') !== 'sismographe')
          continue;
        if (t('Djamila') === 'radar' || t('Djamila') === 'spectromètre') continue;
        if (p('Eliott') === 'Mercure' || p('Eliott') === 'Mars') continue;
        if (on('Jupiter') === 'spectromètre' || on('Saturne') === 'spectromètre') continue;
        if (t('Chen') === 'radar' || t('Eliott') === 'magnétomètre') continue;
        solutions.push(people.map((who, i) => `${who}:${planet[i]}:${tool[i]}`).join(','));
      }
    }
    expect(solutions).toEqual([byKey('deduction-adulte-chercheurs').correctAnswer]);
  });

  it('puzzle 9-11, 12-14 and 15-17: the orderings', () => {
    const queue = permutations(['Ana', 'Bilal', 'Chloé', 'Dario']).filter(
      (o) => o[0] === 'Dario' && o[3] === 'Bilal' && o.indexOf('Chloé') + 1 === o.indexOf('Ana'),
    );
    expect(queue.map((o) => o.join(', '))).toEqual([
      byKey('puzzle-9-11-file-astronautes').correctAnswer,
    ]);
    const modules = permutations(['A', 'B', 'C', 'D', 'E']).filter(
      (o) =>
        o[4] === 'A' &&
        o[2] === 'E' &&
        o.indexOf('C') + 1 === o.indexOf('A') &&
        Math.abs(o.indexOf('D') - o.indexOf('E')) !== 1,
    );
    expect(modules.map((o) => o.join(', '))).toEqual([
      byKey('puzzle-12-14-modules-station').correctAnswer,
    ]);
    const landings = permutations([
      'Aigle',
      'Bison',
      'Comète',
      'Dauphin',
      'Éclair',
      'Faucon',
    ]).filter((o) => {
      const at = (s: string) => o.indexOf(s);
      return (
        at('Dauphin') === 5 &&
        at('Comète') === at('Aigle') + 1 &&
        at('Éclair') + 1 === at('Aigle') &&
        at('Bison') > at('Comète') &&
        at('Faucon') < at('Bison') &&
        at('Faucon') + 1 !== at('Bison')
      );
    });
    expect(landings.map((o) => o.join(', '))).toEqual([
      byKey('puzzle-15-17-atterrissages').correctAnswer,
    ]);
  });

  it('puzzle adulte: the magic square with 2 and 7 in place', () => {
    const squares = permutations([1, 3, 4, 5, 6, 8, 9])
      .map((rest) => [2, 7, ...rest])
      .filter((s) => {
        const v = (i: number) => s[i] ?? 0;
        const lines = [
          [0, 1, 2],
          [3, 4, 5],
          [6, 7, 8],
          [0, 3, 6],
          [1, 4, 7],
          [2, 5, 8],
          [0, 4, 8],
          [2, 4, 6],
        ];
        return lines.every((line) => line.reduce((sum, i) => sum + v(i), 0) === 15);
      });
    expect(squares.map((s) => s.slice(2).join(', '))).toEqual([
      byKey('puzzle-adulte-carre-magique').correctAnswer,
    ]);
  });
});

// -------------------------------------------------------------------------------------------------
// Numbers: sequences, probabilities, riddles
// -------------------------------------------------------------------------------------------------

describe('number answers are recomputed', () => {
  it.each([
    ['sequence-6-8-marches-fusee', (s: number[]) => (s.at(-1) ?? 0) + 2],
    ['sequence-9-11-signal-balises', (s: number[]) => (s.at(-1) ?? 0) * 2],
    ['sequence-12-14-anneaux-saturne', (s: number[]) => (s.at(-1) ?? 0) + s.length + 1],
    ['sequence-15-17-serre-fibonacci', (s: number[]) => (s.at(-1) ?? 0) + (s.at(-2) ?? 0)],
    ['sequence-tous-ages-escalier-magique', (s: number[]) => (s.at(-1) ?? 0) + s.length],
    [
      'sequence-adulte-regarde-et-dis',
      (s: number[]) =>
        Number(String(s.at(-1)).replace(/(\d)\1*/g, (run, d: string) => `${run.length}${d}`)),
    ],
  ] as const)('%s', (key, next) => {
    const def = byKey(key);
    const sequence = def.visualData.sequence as number[];
    // The rule holds on the given terms too, then gives the answer.
    for (let i = 2; i < sequence.length; i += 1) {
      expect(next(sequence.slice(0, i)), `${key} term ${i}`).toBe(sequence[i]);
    }
    expect(String(next(sequence))).toBe(def.correctAnswer);
  });

  it('probabilities', () => {
    const value = (key: string) => {
      const [p = 0, q = 1] = byKey(key).correctAnswer.split('/').map(Number);
      return p / q;
    };
    expect(value('probability-6-8-sac-billes')).toBe(3 / 4);
    expect(value('probability-9-11-de-pair')).toBe([2, 4, 6].length / 6);
    let sevens = 0;
    for (let a = 1; a <= 6; a += 1) for (let b = 1; b <= 6; b += 1) if (a + b === 7) sevens += 1;
    expect(value('probability-12-14-deux-des-somme-7')).toBe(sevens / 36);
    expect(value('probability-15-17-tirage-sans-remise')).toBeCloseTo((5 / 8) * (4 / 7), 12);
    expect(value('probability-tous-ages-roue')).toBe(4 / 8);
    // Monty Hall, enumerated: the prize behind each door, the first pick on door 0, always switch.
    let wins = 0;
    for (let prize = 0; prize < 3; prize += 1) {
      const opened = [1, 2].find((d) => d !== prize) ?? 1;
      const switched = [1, 2].find((d) => d !== opened) ?? 2;
      if (switched === prize) wins += 1;
    }
    expect(value('probability-adulte-trois-portes')).toBe(wins / 3);
  });

  it('riddles', () => {
    expect(byKey('riddle-6-8-nombre-cache').correctAnswer).toBe(
      String([1, 2, 3, 4, 5, 6, 7, 8, 9].filter((n) => n > 5 && n < 7)),
    );
    expect(byKey('riddle-9-11-jumeaux-chiffres').correctAnswer).toBe(
      String([11, 22, 33, 44, 55, 66, 77, 88, 99].filter((n) => 2 * (n % 10) === 8)),
    );
    let height = 0;
    let day = 0;
    for (;;) {
      day += 1;
      height += 3;
      if (height >= 10) break;
      height -= 2;
    }
    expect(byKey('riddle-12-14-escargot-puits').correctAnswer).toBe(String(day));
    expect(Number(byKey('riddle-15-17-raquette-balle').correctAnswer)).toBeCloseTo(
      (1.1 - 1) / 2,
      12,
    );
    let eggs = 1;
    while (![2, 3, 4, 5, 6].every((d) => eggs % d === 1) || eggs % 7 !== 0) eggs += 1;
    expect(byKey('riddle-adulte-restes-301').correctAnswer).toBe(String(eggs));
  });

  it('the squares of a 4 × 4 grid', () => {
    expect(byKey('visual-15-17-compter-carres').correctAnswer).toBe(String(16 + 9 + 4 + 1));
  });
});
