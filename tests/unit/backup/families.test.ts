/** Backups carry the tag families learned from the archive: export, merge (the family learned last wins), replace, restore. */
import { describe, expect, it } from 'vitest';
import { importBackupText, restoreSnapshot } from '../../../utils/backup/restore';
import { takeSnapshot } from '../../../utils/backup/snapshots';
import { readBackupData } from '../../../utils/db/data-transfer';
import { getFamilyRecords, listFamilies, saveFamilyFailure, saveLearnedFamily } from '../../../utils/db/tag-families';
import type { TagFamily } from '../../../utils/rules/tag-family';
import { DAY, freshDb, T0 } from '../db/fixtures';
import { exportText, fillLibrary, MCD_FAMILY, spoiled } from './files';

const context = { now: T0 + 20 * DAY, extensionVersion: '0.1.0' };
const angst = (learnedAt: number, synonyms: string[]): TagFamily => ({ name: 'a shit ton of angst', canonical: 'Angst', synonyms, subtags: [], learnedAt, pages: 2, complete: true });

describe('tag families in backups', () => {
  it('are exported as learned, without the failures noted beside them', async () => {
    const db = await freshDb();
    await fillLibrary(db);
    await saveFamilyFailure(db, 'Never Learned', 'offline', T0);
    await saveFamilyFailure(db, 'Major Character Death', 'HTTP 503', T0 + 2 * DAY);
    const file = JSON.parse(await exportText(db));
    expect(file.formatVersion).toBe(2);
    expect(file.data.families).toEqual([MCD_FAMILY]);
  });

  it('merge: per tag, the family learned last wins; the others come in', async () => {
    const source = await freshDb();
    await fillLibrary(source);
    await saveLearnedFamily(source, 'a shit ton of angst', angst(T0 + 5 * DAY, ['from the file']));
    const text = await exportText(source);

    const db = await freshDb();
    await saveLearnedFamily(db, 'A Shit Ton of Angst', angst(T0 + 9 * DAY, ['kept: learned later']));
    await importBackupText(db, text, 'merge', context);
    const records = await getFamilyRecords(db, ['a shit ton of angst', 'major character death']);
    expect(records.get('a shit ton of angst')?.family?.synonyms).toEqual(['kept: learned later']);
    expect(records.get('major character death')?.family).toEqual(MCD_FAMILY);

    const older = await freshDb();
    await saveLearnedFamily(older, 'a shit ton of angst', angst(T0, ['older']));
    await importBackupText(older, text, 'merge', context);
    expect((await getFamilyRecords(older, ['a shit ton of angst'])).get('a shit ton of angst')?.family?.synonyms).toEqual(['from the file']);
  });

  it('replace: the file\'s families only; a restore puts them back', async () => {
    const db = await freshDb();
    await fillLibrary(db);
    const text = spoiled(await exportText(db), (f) => (f.data.families = []));
    await saveLearnedFamily(db, 'a shit ton of angst', angst(T0, ['x']));
    const summary = await importBackupText(db, text, 'replace', context);
    expect(await listFamilies(db)).toEqual([]);
    // The backup taken before the replace holds the families, and restoring it brings them back.
    await restoreSnapshot(db, summary.undoBackupId!, { ...context, now: context.now + 1 });
    expect((await listFamilies(db)).map((f) => f.name).sort()).toEqual(['Major Character Death', 'a shit ton of angst']);
    expect((await readBackupData(db)).families).toHaveLength(2);
    await takeSnapshot(db, 'daily', context.now + 2, '0.1.0');
  });
});
