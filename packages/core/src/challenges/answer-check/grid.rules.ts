/**
 * Grid analysis (AnalyzeCell, spec/api-rest-challenges-admin.md §4.9): guesses the symbol of a `?` cell of
 * a pattern grid from a Latin square, a checkerboard, a mirror, then row / column / diagonal heuristics.
 * Used only when a pattern challenge has no stored answer (§4.8; the legacy let it override the stored
 * answer). Pure and total: any JSON in, never a throw.
 */

export type Grid = readonly (readonly string[])[];

/** Grids past this size are not analysed (pattern grids are a few cells wide). */
export const GRID_MAX_SIDE = 30;

const cellText = (value: unknown): string => {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return '';
};

/**
 * `visual_data.grid` as rows of strings (numbers become text, other cells `""`); null when there is no
 * non-empty grid of arrays, or when it is larger than {@link GRID_MAX_SIDE} either way.
 */
export const readGrid = (visualData: unknown): Grid | null => {
  if (typeof visualData !== 'object' || visualData === null || Array.isArray(visualData)) {
    return null;
  }
  const grid: unknown = (visualData as Record<string, unknown>).grid;
  if (!Array.isArray(grid) || grid.length === 0 || grid.length > GRID_MAX_SIDE) return null;
  const rows: string[][] = [];
  for (const row of grid) {
    if (!Array.isArray(row) || row.length > GRID_MAX_SIDE) return null;
    rows.push(row.map(cellText));
  }
  return rows;
};

const isHole = (value: string): boolean => value.includes('?');
const isQuestionCell = (value: string): boolean => value.trim() === '?';
/** A usable answer: non-empty once trimmed, no `?`. */
const usable = (value: string | undefined): string | null => {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' || isHole(trimmed) ? null : trimmed;
};

const at = (grid: Grid, r: number, c: number): string => grid[r]?.[c] ?? '';

/** Step 1: the one value a row (or column, or both) of a Latin square misses (a blank one does not count). */
const latinSquare = (grid: Grid, r: number, c: number): string | null => {
  const original = new Map<string, string>();
  for (const row of grid) {
    for (const cell of row) {
      const trimmed = cell.trim();
      if (isHole(trimmed)) continue;
      const key = trimmed.toLowerCase();
      if (!original.has(key)) original.set(key, trimmed);
    }
  }
  if (original.size < 2) return null;
  const missing = (values: string[]): Set<string> => {
    const present = new Set(values.map((v) => v.trim().toLowerCase()));
    return new Set([...original.keys()].filter((k) => !present.has(k)));
  };
  const pick = (keys: Set<string>): string | null => {
    const [only] = keys;
    return keys.size === 1 && only !== undefined ? usable(original.get(only)) : null;
  };
  const inRow = missing([...(grid[r] ?? [])]);
  const fromRow = pick(inRow);
  if (fromRow !== null) return fromRow;
  const inCol = missing(grid.map((row) => row[c] ?? ''));
  const fromCol = pick(inCol);
  if (fromCol !== null) return fromCol;
  if (inRow.size === 0) return null;
  return pick(new Set([...inRow].filter((k) => inCol.has(k))));
};

/** Two rows match when every column is equal, or `?` / `""` on either side (trimmed). */
const rowsMatch = (grid: Grid, a: number, b: number, cols: number): boolean => {
  for (let c = 0; c < cols; c += 1) {
    const x = at(grid, a, c).trim();
    const y = at(grid, b, c).trim();
    if (x !== y && x !== '?' && y !== '?' && x !== '' && y !== '') return false;
  }
  return true;
};

/** Step 2: rows 0/2 (or 1/3) repeat each other. */
const checkerboard = (grid: Grid, r: number, c: number, cols: number): string | null => {
  const rows = grid.length;
  if (rows < 3) return null;
  if ((r === 0 || r === 2) && rowsMatch(grid, 0, 2, cols)) {
    const other = usable(at(grid, r === 0 ? 2 : 0, c));
    if (other !== null) return other;
  }
  if ((r === 1 || r === 3) && rows >= 4 && rowsMatch(grid, 1, 3, cols)) {
    return usable(at(grid, r === 1 ? 3 : 1, c));
  }
  return null;
};

/** Step 3: the mirrored cell, vertically, horizontally, then both. */
const mirror = (grid: Grid, r: number, c: number, cols: number): string | null => {
  const mr = grid.length - 1 - r;
  const mc = cols - 1 - c;
  const candidates: [number, number][] = [];
  if (mr !== r) candidates.push([mr, c]);
  if (mc !== c) candidates.push([r, mc]);
  candidates.push([mr, mc]);
  for (const [cr, cc] of candidates) {
    const value = usable(at(grid, cr, cc));
    if (value !== null) return value;
  }
  return null;
};

/** Steps 4–7: `X, O` → `X`; `O, X` → `O`; two equal cells → that cell (raw values). */
const pairRule = (first: string, second: string): string | null => {
  if (first === 'X' && second === 'O') return 'X';
  if (first === 'O' && second === 'X') return 'O';
  if (first === second) return usable(first);
  return null;
};

/** The legacy AnalyzeCell: the symbol the `?` at (r, c) most likely stands for, or null. */
export const analyzeCell = (grid: Grid, r: number, c: number): string | null => {
  const rows = grid.length;
  const cols = grid[0]?.length ?? 0;
  if (rows === 0 || r < 0 || c < 0 || r >= rows || c >= cols) return null;
  const found =
    latinSquare(grid, r, c) ?? checkerboard(grid, r, c, cols) ?? mirror(grid, r, c, cols);
  if (found !== null) return found;
  const row = grid[r] ?? [];
  if (c === 2 && row.length >= 2) {
    const result = pairRule(at(grid, r, 0), at(grid, r, 1));
    if (result !== null) return result;
  }
  if (r === 2) {
    const result = pairRule(at(grid, 0, c), at(grid, 1, c));
    if (result !== null) return result;
  }
  if (r === c) {
    const result = pairRule(at(grid, 0, 0), at(grid, 1, 1));
    if (result !== null) return result;
  }
  if (r + c === rows - 1) {
    const result = pairRule(at(grid, 0, cols - 1), at(grid, 1, cols - 2));
    if (result !== null) return result;
  }
  return null;
};

/**
 * The answer a grid implies (§4.8 step 1): every `?` cell in reading order, each analysed on the
 * original grid, joined with `", "`; if one of them cannot be analysed, the first analysable `?` of the
 * first row that has one. Null when nothing can be inferred.
 */
export const answerFromGrid = (grid: Grid): string | null => {
  const holes: [number, number][] = [];
  grid.forEach((row, r) => {
    row.forEach((cell, c) => {
      if (isQuestionCell(cell)) holes.push([r, c]);
    });
  });
  if (holes.length === 0) return null;
  const all = holes.map(([r, c]) => analyzeCell(grid, r, c));
  if (all.every((value) => value !== null)) return all.join(', ');
  for (let r = 0; r < grid.length; r += 1) {
    const c = (grid[r] ?? []).findIndex(isQuestionCell);
    if (c === -1) continue;
    const value = analyzeCell(grid, r, c);
    if (value !== null) return value;
  }
  return null;
};
