/**
 * A reader's worth of rules for the bench: 500 in all, 100 of them
 * wildcards, one of every reading state and trait, shaped like real ones (fandoms, pairings, characters, tropes),
 * a few of which match works on the real listings. Deterministic, so every
 * run measures the same rules.
 */
import type { Page } from 'playwright-core';
import type { RuleInput } from '../../utils/db/rule-checks';
import type { ExtensionSession } from '../../tests/e2e/harness';
import { requestFromPage } from '../../tests/e2e/extension-messages';
import type { RuleMatch, TagSlot } from '../../utils/rules/types';
import type { TagFamily } from '../../utils/rules/tag-family';
import { normalizeTagText } from '../../utils/rules/normalize';
import { DB_NAME } from '../../utils/db/schema';

const NAMES = ['Harry Potter', 'Draco Malfoy', 'Hermione Granger', 'Steve Rogers', 'Tony Stark', 'Bucky Barnes', 'Dean Winchester', 'Sam Winchester', 'Castiel', 'Kirk', 'Spock', 'Aziraphale', 'Crowley', 'Geralt', 'Jaskier', 'Link', 'Zelda', 'Wei Wuxian', 'Lan Zhan', 'Jon Snow'];
const TROPES = ['Slow Burn', 'Enemies to Lovers', 'Hurt/Comfort', 'Fluff', 'Angst', 'Canon Divergence', 'Time Travel', 'Soulmates', 'Found Family', 'Fake Dating'];
const AU = ['Coffee Shop', 'Modern', 'College/University', 'Royalty', 'Soulmates', 'Space', 'Office', 'No Powers', 'Human', 'Hogwarts'];
const SLOTS: TagSlot[] = ['relationship', 'character', 'freeform', 'any'];

/** Tags that do occur on the real Sherlock Holmes listing, so the rules really hide and highlight. */
const REAL_TAGS: Array<[TagSlot, string]> = [
  ['freeform', 'Established Relationship'],
  ['freeform', 'Platonic Cuddling'],
  ['relationship', 'Sherlock Holmes/William James Moriarty (Yuukoku no Moriarty)'],
  ['freeform', 'Slice of Life'],
];

/** Reading rules and traits (issue 16 and before), each once; the thresholds hide few works. */
const EVERY_OTHER_KIND: RuleMatch[] = [
  { kind: 'reading', state: 'finished' },
  { kind: 'reading', state: 'started' },
  { kind: 'reading', state: 'opened' },
  { kind: 'reading', state: 'saved', status: 'dropped' },
  { kind: 'reading', state: 'newChapters' },
  { kind: 'trait', trait: { type: 'anonymous' } },
  { kind: 'trait', trait: { type: 'orphaned' } },
  { kind: 'trait', trait: { type: 'tagCount', slot: 'any', moreThan: 60 } },
  { kind: 'trait', trait: { type: 'tagCount', slot: 'character', moreThan: 30 } },
  { kind: 'trait', trait: { type: 'wordsPerChapterBelow', below: 50 } },
  { kind: 'trait', trait: { type: 'notUpdatedFor', amount: 15, unit: 'years' } },
  { kind: 'trait', trait: { type: 'stat', stat: 'hits', max: 3 } },
  { kind: 'trait', trait: { type: 'stat', stat: 'kudos', min: 1_000_000 } },
  { kind: 'trait', trait: { type: 'stat', stat: 'bookmarks', min: 1_000_000 } },
  { kind: 'trait', trait: { type: 'stat', stat: 'comments', min: 1_000_000 } },
  { kind: 'trait', trait: { type: 'chapterKudosRatioBelow', ratio: 0.001 } },
  { kind: 'trait', trait: { type: 'kudosRatioBelow', ratio: 0.001 } },
  { kind: 'trait', trait: { type: 'notUpdatedSince', date: '2009-01-01' } },
  { kind: 'trait', trait: { type: 'titleOrSummary', phrase: 'shelfmark bench phrase' } },
  { kind: 'trait', trait: { type: 'language', language: 'tlh' } },
];

export function benchRules(): RuleInput[] {
  const rules: RuleInput[] = [];
  const add = (slot: TagSlot, text: string, mode: 'exact' | 'wildcard', action: 'hide' | 'highlight' = 'hide') => {
    rules.push({
      id: `bench-${rules.length}`,
      action,
      ...(action === 'highlight' ? { color: '#5b8def' } : {}),
      match: { kind: 'tag', slot, text, mode },
      enabled: true,
    });
  };
  for (const [slot, text] of REAL_TAGS) add(slot, text, 'exact', slot === 'freeform' && text === 'Slice of Life' ? 'highlight' : 'hide');
  // One rule of every reading state and every trait, so the bench measures them too.
  for (const match of EVERY_OTHER_KIND) rules.push({ id: `bench-${rules.length}`, action: 'hide', match, enabled: true, ...(rules.length % 2 ? { severity: 'dim' as const } : {}) });
  for (let i = 0; rules.length < 400; i++) {
    const a = NAMES[i % NAMES.length]!;
    const b = NAMES[(i * 7 + 3) % NAMES.length]!;
    const trope = TROPES[i % TROPES.length]!;
    const variants = [`${a}/${b}`, `${a} & ${b}`, `${a} (${trope})`, `${trope} - ${a} ${i}`];
    add(SLOTS[i % SLOTS.length]!, variants[i % variants.length]!, 'exact');
  }
  for (let i = 0; rules.length < 500; i++) {
    const a = NAMES[i % NAMES.length]!;
    const patterns = [`Alternate Universe - ${AU[i % AU.length]}*`, `*/${a}`, `${a}/*`, `*${TROPES[i % TROPES.length]} ${i}*`];
    add(SLOTS[i % SLOTS.length]!, patterns[i % patterns.length]!, 'wildcard');
  }
  return rules;
}

/**
 * Saves the bench rules through `control` (an extension page) and waits until
 * the background's mirror, which content scripts read, holds all of them.
 */
export async function saveBenchRules(session: ExtensionSession, control: Page): Promise<void> {
  const rules = benchRules();
  // One message, as a rules file would bring them: 500 `rules/put` rewrite the mirror 500 times (~30 s).
  await requestFromPage(control, { type: 'rules/import', rules, mode: 'merge' });
  const worker = await session.serviceWorker();
  await worker.evaluate(async (count) => {
    for (;;) {
      const { listingConfig } = await chrome.storage.local.get('listingConfig');
      if (typeof listingConfig === 'string' && (JSON.parse(listingConfig) as { rules: unknown[] }).rules.length === count) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }, rules.length);
}

/** The names the bench's families hold in all (issue #14: 500 rules whose families total 50,000 names). */
export const FAMILY_NAMES = 50_000;

/** A family for each distinct tag of the rules' exact tag rules, as if learned from the archive; `total` names in all. */
export function benchFamilies(rules: readonly Pick<RuleInput, 'match'>[], total: number): TagFamily[] {
  // Rules with the same tag share one family (as the mirror stores them): one per distinct tag.
  const texts = [...new Set(rules.flatMap((r) => (r.match.kind === 'tag' && r.match.mode === 'exact' ? [r.match.text] : [])))];
  const each = Math.ceil(total / texts.length);
  return texts.map((text, r) => {
    const synonyms = Array.from({ length: Math.floor(each * 0.8) }, (_, i) => `${text} (spelled another way, ${r}-${i})`);
    const subtags = Array.from({ length: 5 }, (_, s) => ({
      name: `${text}: narrower ${s}`,
      parent: text,
      synonyms: Array.from({ length: Math.floor((each - synonyms.length - 5) / 5) }, (_, i) => `narrower ${text} ${s}.${i}`),
    }));
    return { name: text, canonical: text, synonyms, subtags, learnedAt: 1, pages: 6, complete: true };
  });
}

/**
 * Stores `families` in the extension's database as learned ones (through its service worker: no
 * request learns them) and turns learning on, so the background mirrors them for content scripts.
 * Resolves once the mirror holds them.
 */
export async function saveBenchFamilies(session: ExtensionSession, control: Page, families: readonly TagFamily[]): Promise<void> {
  const records = families.map((family) => ({ key: normalizeTagText(family.name), name: family.name, family, failedAt: null, error: null }));
  const worker = await session.serviceWorker();
  await worker.evaluate(async ({ name, records }) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open(name);
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('tagFamilies', 'readwrite');
      for (const record of records) tx.objectStore('tagFamilies').put(record);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, { name: DB_NAME, records });
  await requestFromPage(control, { type: 'settings/set', values: { learnTagFamilies: true } });
  await control.waitForFunction(async () => {
    const { listingConfig } = await chrome.storage.local.get('listingConfig');
    return typeof listingConfig === 'string' && Boolean((JSON.parse(listingConfig) as { families?: unknown }).families);
  }, null, { timeout: 60_000 });
}
