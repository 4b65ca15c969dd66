/**
 * One page of a catalogue list (exercises, logic challenges) read as ids first, then one query for the
 * rows (no N+1), in the ids' order. The `random` order draws a fresh page per call without sorting the
 * table by `random()`: the page is the window of `limit` matching ids (primary-key order, wrapping
 * around) that starts `skip` after a random offset, shuffled.
 */
export interface IdPageQuery {
  skip: number;
  limit: number;
  order: string;
}

export interface IdPageSource<Row extends { id: number }> {
  count: () => Promise<number>;
  /** The page's ids in `recent` order. */
  recentIds: () => Promise<number[]>;
  /** `size` matching ids in primary-key order, from position `start`. */
  idWindow: (start: number, size: number) => Promise<number[]>;
  rowsByIds: (ids: number[]) => Promise<Row[]>;
}

export interface RandomDraw {
  /** A random position in `[0, total)`. */
  offset: (total: number) => number;
  shuffle: (ids: number[]) => number[];
}

export interface IdPage<Item> {
  items: Item[];
  total: number;
  skip: number;
  limit: number;
  hasMore: boolean;
}

const randomWindowIds = async (
  query: IdPageQuery,
  source: Pick<IdPageSource<{ id: number }>, 'idWindow'>,
  draw: RandomDraw,
  total: number,
): Promise<number[]> => {
  const size = Math.min(query.limit, total - query.skip);
  if (size <= 0) return [];
  const start = (draw.offset(total) + query.skip) % total;
  const head = await source.idWindow(start, size);
  const tail = head.length < size ? await source.idWindow(0, size - head.length) : [];
  return draw.shuffle([...head, ...tail]);
};

export const readIdPage = async <Row extends { id: number }, Item>(
  query: IdPageQuery,
  source: IdPageSource<Row>,
  draw: () => RandomDraw,
  toItem: (row: Row) => Item,
): Promise<IdPage<Item>> => {
  const total = await source.count();
  const ids =
    query.order === 'recent'
      ? await source.recentIds()
      : await randomWindowIds(query, source, draw(), total);
  const rows = ids.length === 0 ? [] : await source.rowsByIds(ids);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const items = ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [toItem(row)] : [];
  });
  return {
    items,
    total,
    skip: query.skip,
    limit: query.limit,
    hasMore: query.skip + items.length < total,
  };
};
