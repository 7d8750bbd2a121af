/** Loading the Library's rows, with the performance marks the bench reads. */
import type { LibraryRow } from '../../utils/db/library';
import { request } from '../../utils/messaging/client';

/** Marks the page sets for the bench (scripts/bench/library.ts) and for anyone profiling. */
export const MARKS = {
  data: 'sm-library-data',
  rendered: 'sm-library-rendered',
  render: 'sm-library-render',
  filterStart: 'sm-library-filter-start',
  filter: 'sm-library-filter',
} as const;

export async function loadLibrary(): Promise<LibraryRow[]> {
  const { rows } = await request({ type: 'library/list' });
  performance.clearMarks(MARKS.data);
  performance.mark(MARKS.data);
  return rows;
}
