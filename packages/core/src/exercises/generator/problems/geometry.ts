import { formatHundredths, toFrench } from '../../../lib/rational.ts';
import {
  DIFFICULTY_LIMITS,
  levelOf,
  type Problem,
  type ProblemContext,
  type Range,
} from '../limits.ts';
import { hypotenuse, recomputeAnswer, type GenerationParams } from '../params.ts';
import type { Random } from '../random.ts';

/**
 * GEOMETRIE (domain-rules §2.3.6 plain, §2.4 themed). π is always the value stated in the question
 * (3,14) and the answer is computed with exactly that value. Triangle perimeters use whole sides
 * (three given sides, or a right triangle whose sides form a Pythagorean triple) instead of the
 * legacy "approximate" hypotenuse. Themed MAITRE/GRAND_MAITRE volumes are real volumes (cube,
 * rectangular box).
 */

export const PI_VALUE = 3.14;
const PI_FR = '3,14';

type Shape = 'carré' | 'rectangle' | 'triangle' | 'cercle' | 'cube' | 'pavé';
type Property = 'périmètre' | 'aire' | 'volume';

const PRIMITIVE_TRIPLES: readonly [number, number][] = [
  [3, 4],
  [5, 12],
  [8, 15],
  [7, 24],
  [20, 21],
  [12, 35],
  [9, 40],
];

/** Legs of a right triangle with a whole hypotenuse, both legs in [min, max]; (3, 4)·k always fits. */
const rightTriangleLegs = (random: Random, range: Range): [number, number] => {
  const kRange = ([x, y]: readonly [number, number]): [number, number] => [
    Math.max(1, Math.ceil(range.min / x)),
    Math.floor(range.max / y),
  ];
  const fitting = PRIMITIVE_TRIPLES.filter((triple) => {
    const [kMin, kMax] = kRange(triple);
    return kMin <= kMax;
  });
  const triple = fitting.length > 0 ? random.pick(fitting) : ([3, 4] as const);
  const [kMin, kMax] = kRange(triple);
  const k = random.int(kMin, Math.max(kMin, kMax));
  const [x, y] = triple;
  return random.chance(0.5) ? [x * k, y * k] : [y * k, x * k];
};

/** Three whole sides in [min, max] that make a real (non-flat) triangle. */
const triangleSides = (random: Random, range: Range): [number, number, number] => {
  const a = random.int(range.min, range.max);
  const b = random.int(range.min, range.max);
  const low = Math.max(range.min, Math.abs(a - b) + 1);
  const high = Math.min(range.max, a + b - 1);
  const c = low <= high ? random.int(low, high) : Math.max(a, b);
  return [a, b, c];
};

const rectangle = (random: Random, length: Range, widthMin: number): [number, number] => {
  const l = random.int(Math.max(length.min, widthMin + 1), length.max);
  return [l, random.int(widthMin, l - 1)];
};

interface Dims {
  square: Range;
  rectangle: Range;
  rectangleWidthMin: number;
  triangleBase: Range;
  triangleHeight: Range;
  triangleSides: Range;
  rightLegs: Range;
  radius: Range;
  solid: Range;
}

const plainDims = (level: number): Dims =>
  level === 0
    ? {
        square: { min: 3, max: 10 },
        rectangle: { min: 4, max: 10 },
        rectangleWidthMin: 3,
        triangleBase: { min: 5, max: 15 },
        triangleHeight: { min: 4, max: 12 },
        triangleSides: { min: 4, max: 15 },
        rightLegs: { min: 3, max: 24 },
        radius: { min: 3, max: 10 },
        solid: { min: 2, max: 10 },
      }
    : {
        square: { min: 5, max: 15 },
        rectangle: { min: 6, max: 20 },
        rectangleWidthMin: 4,
        triangleBase: { min: 5, max: 15 },
        triangleHeight: { min: 4, max: 12 },
        triangleSides: { min: 4, max: 15 },
        rightLegs: { min: 3, max: 24 },
        radius: { min: 3, max: 10 },
        solid: { min: 2, max: 10 },
      };

const themedDims = (range: Range): Dims => ({
  square: range,
  rectangle: range,
  rectangleWidthMin: range.min,
  triangleBase: range,
  triangleHeight: range,
  triangleSides: range,
  rightLegs: range,
  radius: range,
  solid: range,
});

/** Shapes × properties per difficulty; themed follows §2.4 (volume only for solids). */
const pickFigure = (level: number, themed: boolean, random: Random): [Shape, Property] => {
  const themedShapes: readonly Shape[][] = [
    ['carré', 'rectangle'],
    ['carré', 'rectangle', 'triangle'],
  ];
  const all: Shape[] = ['carré', 'rectangle', 'triangle', 'cercle'];
  const flat: Shape[] = themed
    ? (themedShapes[level] ?? all)
    : level === 0
      ? ['carré', 'rectangle']
      : all;
  const withVolume = themed && level >= 3;
  const property: Property = random.pick<Property>(
    withVolume ? ['périmètre', 'aire', 'volume'] : ['périmètre', 'aire'],
  );
  if (property === 'volume') return [random.pick<Shape>(['cube', 'pavé']), property];
  return [random.pick(flat), property];
};

const cm = (n: number, unit: string): string => `${toFrench(String(n))} ${unit}`;

export const geometryProblem = ({ difficulty, themed, random }: ProblemContext): Problem => {
  const level = levelOf(difficulty);
  const dims = themed ? themedDims(DIFFICULTY_LIMITS[difficulty].default) : plainDims(level);
  const unit = themed ? 'm' : 'cm';
  const [shape, property] = pickFigure(level, themed, random);
  const intro = themed
    ? random.pick([
        "Les ingénieurs de l'Académie dessinent une nouvelle plateforme d'atterrissage. ",
        'Un robot cartographe mesure une zone de la base lunaire. ',
        'Le hangar à vaisseaux doit être agrandi. ',
      ])
    : '';
  let params: GenerationParams;
  let question: string;
  let formula: (answer: string) => string;
  let hint: string;
  let distractors: (answer: string) => string[];
  const area = `${unit}²`;

  switch (shape) {
    case 'carré': {
      const side = random.int(dims.square.min, dims.square.max);
      const perimeter = property === 'périmètre';
      params = { kind: perimeter ? 'square_perimeter' : 'square_area', side };
      question = `${intro}Un carré a des côtés de ${cm(side, unit)}. ${perimeter ? 'Quel est son périmètre' : 'Quelle est son aire'}, en ${perimeter ? unit : area} ?`;
      formula = (ans) =>
        perimeter
          ? `Le périmètre d'un carré est 4 × côté : 4 × ${side} = ${ans} ${unit}.`
          : `L'aire d'un carré est côté × côté : ${side} × ${side} = ${ans} ${area}.`;
      hint = perimeter
        ? 'Le périmètre est la longueur du tour de la figure : un carré a 4 côtés égaux.'
        : "L'aire mesure la surface : pour un carré, on multiplie le côté par lui-même.";
      distractors = () => [
        String(perimeter ? side * side : 4 * side),
        String(2 * side),
        String(perimeter ? 3 * side : 2 * side * side),
      ];
      break;
    }
    case 'rectangle': {
      const [l, w] = rectangle(random, dims.rectangle, dims.rectangleWidthMin);
      const perimeter = property === 'périmètre';
      params = { kind: perimeter ? 'rectangle_perimeter' : 'rectangle_area', length: l, width: w };
      question = `${intro}Un rectangle mesure ${cm(l, unit)} de longueur et ${cm(w, unit)} de largeur. ${perimeter ? 'Quel est son périmètre' : 'Quelle est son aire'}, en ${perimeter ? unit : area} ?`;
      formula = (ans) =>
        perimeter
          ? `Le périmètre d'un rectangle est 2 × (longueur + largeur) : 2 × (${l} + ${w}) = ${ans} ${unit}.`
          : `L'aire d'un rectangle est longueur × largeur : ${l} × ${w} = ${ans} ${area}.`;
      hint = perimeter
        ? 'Le périmètre est la longueur du tour : additionne les quatre côtés du rectangle.'
        : "L'aire d'un rectangle se calcule en multipliant la longueur par la largeur.";
      distractors = () => [
        String(perimeter ? l * w : 2 * (l + w)),
        String(l + w),
        String(perimeter ? 2 * l + w : l * w + l),
      ];
      break;
    }
    case 'triangle': {
      if (property === 'aire') {
        const base = random.int(dims.triangleBase.min, dims.triangleBase.max);
        const height = random.int(dims.triangleHeight.min, dims.triangleHeight.max);
        params = { kind: 'triangle_area', base, height };
        question = `${intro}Un triangle a une base de ${cm(base, unit)} et une hauteur de ${cm(height, unit)}. Quelle est son aire, en ${area} ?`;
        formula = (ans) =>
          `L'aire d'un triangle est (base × hauteur) ÷ 2 : (${base} × ${height}) ÷ 2 = ${toFrench(ans)} ${area}.`;
        hint =
          "L'aire d'un triangle est la moitié de celle du rectangle de même base et de même hauteur.";
        distractors = () => [
          String(base * height),
          String(base + height),
          formatHundredths(base * height * 25),
        ];
      } else if (level >= 2) {
        const [a, b] = rightTriangleLegs(random, dims.rightLegs);
        const h = hypotenuse(a, b) ?? 0;
        params = { kind: 'right_triangle_perimeter', legs: [a, b] };
        question = `${intro}Un triangle rectangle a deux côtés de l'angle droit qui mesurent ${cm(a, unit)} et ${cm(b, unit)}. Quel est son périmètre, en ${unit} ?`;
        formula = (ans) =>
          `Avec le théorème de Pythagore, l'hypoténuse mesure √(${a}² + ${b}²) = √${a * a + b * b} = ${h} ${unit}. Le périmètre est ${a} + ${b} + ${h} = ${ans} ${unit}.`;
        hint =
          "Calcule d'abord le troisième côté avec le théorème de Pythagore, puis additionne les trois côtés.";
        distractors = () => [
          String(a + b),
          String(a + b + a + b),
          String((a * b) / 2),
          String(2 * (a + b)),
        ];
      } else {
        const sides = triangleSides(random, dims.triangleSides);
        params = { kind: 'triangle_perimeter', sides };
        question = `${intro}Un triangle a des côtés de ${cm(sides[0], unit)}, ${cm(sides[1], unit)} et ${cm(sides[2], unit)}. Quel est son périmètre, en ${unit} ?`;
        formula = (ans) =>
          `Le périmètre d'un triangle est la somme de ses trois côtés : ${sides[0]} + ${sides[1]} + ${sides[2]} = ${ans} ${unit}.`;
        hint = 'Le périmètre est la longueur du tour de la figure : additionne tous ses côtés.';
        distractors = () => [
          String(sides[0] + sides[1]),
          String(sides[0] * sides[1]),
          String(sides[0] + sides[1] + sides[2] + sides[2]),
        ];
      }
      break;
    }
    case 'cercle': {
      const radius = random.int(dims.radius.min, dims.radius.max);
      const perimeter = property === 'périmètre';
      params = { kind: perimeter ? 'circle_perimeter' : 'circle_area', radius, pi: PI_VALUE };
      question = `${intro}Un cercle a un rayon de ${cm(radius, unit)}. ${perimeter ? 'Quel est son périmètre' : 'Quelle est son aire'}, en ${perimeter ? unit : area} ? Utilise π ≈ ${PI_FR}.`;
      formula = (ans) =>
        perimeter
          ? `Le périmètre d'un cercle est 2 × π × rayon : 2 × ${PI_FR} × ${radius} = ${toFrench(ans)} ${unit}.`
          : `L'aire d'un disque est π × rayon × rayon : ${PI_FR} × ${radius} × ${radius} = ${toFrench(ans)} ${area}.`;
      hint = perimeter
        ? 'Le périmètre d’un cercle vaut 2 × π × rayon.'
        : 'L’aire d’un disque vaut π × rayon × rayon.';
      distractors = () => [
        formatHundredths(perimeter ? 314 * radius * radius : 628 * radius),
        formatHundredths(314 * radius),
        formatHundredths(perimeter ? 1256 * radius : 628 * radius * radius),
        String(perimeter ? 2 * radius : radius * radius),
      ];
      break;
    }
    case 'cube': {
      const side = random.int(dims.solid.min, dims.solid.max);
      params = { kind: 'cube_volume', side };
      question = `${intro}Un conteneur en forme de cube a des arêtes de ${cm(side, unit)}. Quel est son volume, en ${unit}³ ?`;
      formula = (ans) =>
        `Le volume d'un cube est côté × côté × côté : ${side} × ${side} × ${side} = ${ans} ${unit}³.`;
      hint = 'Le volume d’un cube se calcule en multipliant son arête trois fois par elle-même.';
      distractors = () => [String(side * side), String(6 * side * side), String(3 * side)];
      break;
    }
    case 'pavé': {
      const length = random.int(dims.solid.min, dims.solid.max);
      const width = random.int(dims.solid.min, dims.solid.max);
      const height = random.int(dims.solid.min, dims.solid.max);
      params = { kind: 'cuboid_volume', length, width, height };
      question = `${intro}Un conteneur en forme de pavé droit mesure ${cm(length, unit)} de longueur, ${cm(width, unit)} de largeur et ${cm(height, unit)} de hauteur. Quel est son volume, en ${unit}³ ?`;
      formula = (ans) =>
        `Le volume d'un pavé droit est longueur × largeur × hauteur : ${length} × ${width} × ${height} = ${ans} ${unit}³.`;
      hint = 'Le volume d’un pavé droit se calcule en multipliant ses trois dimensions.';
      distractors = () => [
        String(length * width),
        String(length + width + height),
        String(2 * (length * width + width * height + length * height)),
      ];
      break;
    }
  }
  const answer = recomputeAnswer(params);
  return {
    params,
    question,
    explanation: formula(answer),
    hint,
    distractors: [
      ...distractors(answer),
      formatHundredths(Math.round(Number(answer) * 50)),
      formatHundredths(Math.round(Number(answer) * 200)),
    ],
    tags: ['geometrie', shape, property],
  };
};
