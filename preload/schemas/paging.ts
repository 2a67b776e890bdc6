// One page of a worklist: the request (what to find, where to start, how many) and the answer (the rows and the
// total they are a page of, so a screen always says "Showing 1–50 of 641").
import { z } from 'zod';

export const PAGE_SIZE = 50;

/** The paging fields a worklist request adds to its own: search by name or date of birth (MM/DD/YYYY). */
export const pageFields = {
  search: z.string().trim().max(100, 'Search for at most 100 characters').optional(),
  offset: z.number().int().min(0, 'The page cannot start before the first row').default(0),
  limit: z.number().int().min(1, 'Ask for at least one row').max(200, 'At most 200 rows a page').default(PAGE_SIZE),
};
export const pageRequest = z.object(pageFields).strict();
export type PageRequest = z.output<typeof pageRequest>;

export interface Page<T> {
  items: T[];
  /** Every row that matches, across all pages. */
  total: number;
  offset: number;
  limit: number;
}

/** "Showing 1–50 of 641", "Showing 641 of 641", or "None". */
export function showing({ total, offset, items }: Pick<Page<unknown>, 'total' | 'offset' | 'items'>): string {
  if (total === 0 || items.length === 0) return total === 0 ? 'None' : `Showing none of ${total}`;
  const first = offset + 1;
  const last = offset + items.length;
  return `Showing ${first === last ? first : `${first}–${last}`} of ${total}`;
}

/** A page of a list already in hand (short lists the screen holds whole). */
export function pageOf<T>(rows: readonly T[], offset: number, limit: number): Page<T> {
  return { items: rows.slice(offset, offset + limit), total: rows.length, offset, limit };
}
