/**
 * "Always show this work": the `alwaysShow` setting changed one work at a time (from a
 * placeholder, a dimmed blurb, a work page's banner or the options page), and the list
 * with what the works store knows of each work, for the options page.
 */
import { getSettings, updateSettings, type Settings } from './settings';
import type { ShelfmarkDb } from './schema';
import { isSeen } from './stored-work';
import { inTransaction } from './transaction';
import type { Millis } from './types';

/** One always-shown work: its title and creators when the works store has them (a work read or saved). */
export interface AlwaysShownWork {
  workId: number;
  title: string | null;
  authors: string[];
}

/** Adds `workId` to the always-shown works (at the end) or takes it off; a no-op when already so. */
export function setAlwaysShow(db: ShelfmarkDb, workId: number, show: boolean, now: Millis): Promise<Settings> {
  return updateSettings(db, ({ alwaysShow }) => {
    const others = alwaysShow.filter((id) => id !== workId);
    return { alwaysShow: show ? [...others, workId] : others };
  }, now);
}

/** The always-shown works in the order they were added, named where the works store can. */
export async function listAlwaysShown(db: ShelfmarkDb): Promise<AlwaysShownWork[]> {
  const { alwaysShow } = await getSettings(db);
  return inTransaction(db, ['works'], 'readonly', async (tx) => {
    const store = tx.objectStore('works');
    const entries = await Promise.all(alwaysShow.map((workId) => store.get(workId)));
    return alwaysShow.map((workId, i) => {
      const entry = entries[i];
      if (!entry || !isSeen(entry)) return { workId, title: null, authors: [] };
      return { workId, title: entry.title, authors: entry.authors.map((author) => author.pseud || author.login) };
    });
  });
}
