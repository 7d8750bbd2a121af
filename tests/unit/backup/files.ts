/** Backup files for tests: a real export of a realistic database, and ways to spoil it. */
import { exportBackupText } from '../../../utils/backup/export';
import type { ShelfmarkDb } from '../../../utils/db/schema';
import { recordVisit, storeWorkSnapshots } from '../../../utils/db/tracking';
import { setSaved } from '../../../utils/db/saved';
import { putRule } from '../../../utils/db/rules';
import { setSettings } from '../../../utils/db/settings';
import { markChapters } from '../../../utils/db/tracking';
import { saveLearnedFamily } from '../../../utils/db/tag-families';
import type { TagFamily } from '../../../utils/rules/tag-family';
import { DAY, manyWorks, T0, work } from '../db/fixtures';

/** Fills `db` through the same functions the messages use. */
export async function fillLibrary(db: ShelfmarkDb, firstId = 1_000_000): Promise<void> {
  const works = manyWorks(30, firstId);
  await storeWorkSnapshots(db, works, T0);
  for (let i = 0; i < 12; i++) await recordVisit(db, works[i]!, { id: null, position: 1 }, T0 + i * DAY);
  await recordVisit(db, work(), { id: 301, position: 1 }, T0 + 2 * DAY);
  await markChapters(db, work().workId, [{ id: 301, position: 1 }], true, T0 + 2 * DAY);
  await setSaved(db, { workId: works[3]!.workId, status: 'reading', note: 'halfway through' }, T0);
  await setSaved(db, { workId: works[4]!.workId, status: 'to-read' }, T0);
  await putRule(db, { id: 'no-mcd', action: 'hide', match: { kind: 'tag', slot: 'warning', text: 'Major Character Death', mode: 'exact' }, enabled: true, label: 'No MCD' }, T0);
  await setSettings(db, { recordPrivateWindows: true }, T0);
  await saveLearnedFamily(db, 'Major Character Death', MCD_FAMILY);
}

/** The family fillLibrary stores for its rule's tag. */
export const MCD_FAMILY: TagFamily = {
  name: 'Major Character Death',
  canonical: 'Major Character Death',
  synonyms: ['MCD', 'Character Death'],
  subtags: [{ name: 'Permanent Character Death', parent: 'Major Character Death', synonyms: ['PCD'] }],
  learnedAt: T0 + DAY,
  pages: 2,
  complete: true,
};

export async function exportText(db: ShelfmarkDb): Promise<string> {
  return exportBackupText(db, T0 + 10 * DAY, '0.1.0');
}

/** A valid file with one value changed: `edit` gets the parsed file. */
export function spoiled(text: string, edit: (file: { formatVersion: number; data: Record<string, Array<Record<string, unknown>>> } & Record<string, unknown>) => void): string {
  const file = JSON.parse(text);
  edit(file);
  return JSON.stringify(file);
}
