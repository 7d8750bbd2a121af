/**
 * The background's tag family learner: which tags the rules need families
 * for, when to learn them, one at a time, and what the rule editor is told.
 *
 * - The tags: every enabled exact tag rule's text, and the plain names (no
 *   `*`) in its scope (fandoms) and exceptions, which are family-aware too.
 * - When: a tag without a family, or with one older than 30 days, is learned
 *   at the worker's start and after every change to rules or settings
 *   (`sync`); on demand from the rule editor (`refresh`). A tag whose last
 *   attempt failed is tried again after 6 hours, or on demand.
 * - A failure (offline, refused, no such tag) is stored beside the last
 *   family, which stays in use.
 * - With the setting off nothing is learned, and the loader refuses any page
 *   still asked for (see the background's wiring).
 *
 * After each family stored, `changed` rebuilds the rules mirror, so open
 * archive tabs re-classify without a reload.
 */
import type { ShelfmarkDb } from '../db/schema';
import { listRules } from '../db/rules';
import { getSettings } from '../db/settings';
import { familyKey, getFamilyRecords, saveFamilyFailure, saveLearnedFamily, type TagFamilyRecord } from '../db/tag-families';
import type { LearnResult } from '../rules/learn-family';
import type { TagFamily } from '../rules/tag-family';
import type { Rule } from '../rules/types';

export const FAMILY_MAX_AGE_MS = 30 * 24 * 3600_000;
export const FAILED_RETRY_MS = 6 * 3600_000;

export interface LearningProgress {
  /** Pages read so far. */
  done: number;
  /** Pages the walk expects to read (grows as subtags are found). */
  total: number;
}

/** What the rule editor shows for one tag. */
export interface FamilyStatus {
  /** The tag's normalised name. */
  key: string;
  name: string;
  family: TagFamily | null;
  /** Being learned now. */
  learning: LearningProgress | null;
  /** Waiting for its turn. */
  queued: boolean;
  failedAt: number | null;
  error: string | null;
}

export interface FamilyServiceDeps {
  getDb(): Promise<ShelfmarkDb>;
  now(): number;
  learn(name: string, onProgress: (done: number, total: number) => void): Promise<LearnResult>;
  /** A family was stored: the rules mirror is rebuilt. */
  changed(): Promise<void>;
  /** The queue ran dry (the parser's offscreen document may go). */
  idle?(): Promise<void>;
  /** Failure texts for the reader. */
  messages: { missing: string; failed: (error: string) => string };
}

const plainName = (text: string): boolean => text.trim() !== '' && !text.includes('*');

/** The tags whose families the rules use, as the rules name them (once each, by normalised name). */
export function familyNamesOf(rules: readonly Rule[]): string[] {
  const names = new Map<string, string>();
  const add = (name: string) => {
    const key = familyKey(name);
    if (key && !names.has(key)) names.set(key, name.trim());
  };
  for (const rule of rules) {
    if (!rule.enabled || rule.match.kind !== 'tag' || rule.match.mode !== 'exact') continue;
    add(rule.match.text);
    for (const fandom of rule.scope?.fandoms ?? []) if (plainName(fandom)) add(fandom);
    for (const tag of rule.exceptions?.tags ?? []) if (plainName(tag)) add(tag);
  }
  return [...names.values()];
}

/** Whether a tag's family should be learned now, `record` being what the store holds for it. */
export function isDue(record: TagFamilyRecord | undefined, now: number): boolean {
  if (!record) return true;
  const learnedAt = record.family?.learnedAt ?? null;
  if (record.failedAt !== null && (learnedAt === null || record.failedAt > learnedAt) && now - record.failedAt < FAILED_RETRY_MS) return false;
  return learnedAt === null || now - learnedAt >= FAMILY_MAX_AGE_MS;
}

export class FamilyService {
  private readonly waiting: string[] = [];
  private current: { key: string; name: string; progress: LearningProgress } | null = null;
  private running: Promise<void> | null = null;
  /** Bumped by `forget`: a family learned from before it is not stored. */
  private generation = 0;

  constructor(private readonly deps: FamilyServiceDeps) {}

  private isWaiting(key: string): boolean {
    return this.current?.key === key || this.waiting.some((name) => familyKey(name) === key);
  }

  /** Learns, one after another, the families the rules need that are missing or older than 30 days. */
  async sync(): Promise<void> {
    const db = await this.deps.getDb();
    if (!(await getSettings(db)).learnTagFamilies) {
      this.waiting.length = 0;
      return;
    }
    const names = familyNamesOf(await listRules(db));
    const records = await getFamilyRecords(db, names.map(familyKey));
    const now = this.deps.now();
    for (const name of names) {
      const key = familyKey(name);
      if (!this.isWaiting(key) && isDue(records.get(key), now)) this.waiting.push(name);
    }
    this.pump();
  }

  /** "Refresh from the archive": this tag next, whatever its age or last failure. */
  async refresh(name: string): Promise<void> {
    const db = await this.deps.getDb();
    if (!(await getSettings(db)).learnTagFamilies) throw new Error('learning tag families is off');
    const key = familyKey(name);
    if (!key) throw new Error('no tag to learn');
    if (!this.isWaiting(key)) this.waiting.unshift(name.trim());
    this.pump();
  }

  /** What the store holds and what is under way, for each of these tags. */
  async status(names: readonly string[]): Promise<FamilyStatus[]> {
    const keys = names.map(familyKey);
    const records = await getFamilyRecords(await this.deps.getDb(), keys);
    return names.map((name, i) => {
      const key = keys[i]!;
      const record = records.get(key);
      const learning = this.current?.key === key ? { ...this.current.progress } : null;
      return {
        key,
        name: record?.name ?? name,
        family: record?.family ?? null,
        learning,
        queued: !learning && this.waiting.some((n) => familyKey(n) === key),
        failedAt: record?.failedAt ?? null,
        error: record?.error ?? null,
      };
    });
  }

  /**
   * All data is being deleted: nothing queued is learned, and the family being learned now is not
   * stored when its pages come in (it would bring a record back into the emptied store).
   */
  forget(): void {
    this.waiting.length = 0;
    this.generation++;
  }

  /** Resolves once the queue has run dry (for tests and the worker's own bookkeeping). */
  whenIdle(): Promise<void> {
    return this.running ?? Promise.resolve();
  }

  private pump(): void {
    if (this.running || this.waiting.length === 0) return;
    this.running = this.loop().finally(() => {
      this.running = null;
      // A name queued while the last one finished.
      if (this.waiting.length > 0) this.pump();
    });
  }

  private async loop(): Promise<void> {
    try {
      for (let name = this.waiting.shift(); name !== undefined; name = this.waiting.shift()) {
        await this.learnOne(name).catch((error: unknown) => {
          console.warn(`Shelfmark: could not learn the tag family of ${JSON.stringify(name)}.`, error);
        });
      }
    } finally {
      this.current = null;
      await this.deps.idle?.().catch(() => undefined);
    }
  }

  private async learnOne(name: string): Promise<void> {
    const key = familyKey(name);
    const generation = this.generation;
    this.current = { key, name, progress: { done: 0, total: 1 } };
    let result: LearnResult;
    try {
      result = await this.deps.learn(name, (done, total) => {
        if (this.current?.key === key) this.current.progress = { done, total };
      });
    } finally {
      this.current = null;
    }
    const db = await this.deps.getDb();
    // Turned off meanwhile: its pages were refused; that is not the archive's failure.
    if (!(await getSettings(db)).learnTagFamilies) return;
    // Checked with no wait before the write below begins: a wipe that came meanwhile wins.
    if (generation !== this.generation) return;
    if (result.ok) {
      await saveLearnedFamily(db, name, result.family);
      await this.deps.changed();
      return;
    }
    const error = result.status === 'missing' ? this.deps.messages.missing : this.deps.messages.failed(result.error ?? '');
    await saveFamilyFailure(db, name, error, this.deps.now());
  }
}
