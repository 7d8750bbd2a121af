/**
 * A sync area that enforces the browser's limits as Chrome does (limits.ts):
 * a write that would pass the total bytes, an item's bytes, the item count or
 * the per-minute / per-hour write operations fails, and is not applied.
 * `deliverTo` plays the browser's sync: it copies this area's items into
 * another and fires that one's change events.
 */
import { SYNC_LIMITS, itemBytes } from '../../../utils/sync/limits';
import type { SyncArea } from '../../../utils/sync/engine';

type Listener = (changes: Record<string, { oldValue?: unknown; newValue?: unknown }>) => void;

export class FakeSyncArea implements SyncArea {
  items = new Map<string, string>();
  /** When each write operation was made (by this area's clock). */
  writes: number[] = [];
  listeners: Listener[] = [];
  rejected = 0;
  constructor(private readonly clock: () => number) {}

  async get(keys?: string | string[] | null): Promise<Record<string, unknown>> {
    const wanted = keys == null ? [...this.items.keys()] : typeof keys === 'string' ? [keys] : keys;
    const out: Record<string, unknown> = {};
    for (const key of wanted) {
      const text = this.items.get(key);
      if (text !== undefined) out[key] = JSON.parse(text);
    }
    return out;
  }

  private countWrite(): void {
    const now = this.clock();
    const minute = this.writes.filter((at) => at > now - 60_000).length;
    const hour = this.writes.filter((at) => at > now - 3_600_000).length;
    if (minute >= SYNC_LIMITS.maxWritesPerMinute) throw this.reject('MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded');
    if (hour >= SYNC_LIMITS.maxWritesPerHour) throw this.reject('MAX_WRITE_OPERATIONS_PER_HOUR quota exceeded');
    this.writes.push(now);
  }

  private reject(message: string): Error {
    this.rejected++;
    return new Error(message);
  }

  bytes(items: Map<string, string> = this.items): number {
    let total = 0;
    for (const [key, text] of items) total += key.length + new TextEncoder().encode(text).length;
    return total;
  }

  async set(items: Record<string, unknown>): Promise<void> {
    const next = new Map(this.items);
    for (const [key, value] of Object.entries(items)) {
      if (itemBytes(key, value) > SYNC_LIMITS.quotaBytesPerItem) throw this.reject('QUOTA_BYTES_PER_ITEM quota exceeded');
      next.set(key, JSON.stringify(value));
    }
    if (next.size > SYNC_LIMITS.maxItems) throw this.reject('MAX_ITEMS quota exceeded');
    if (this.bytes(next) > SYNC_LIMITS.quotaBytes) throw this.reject('QUOTA_BYTES quota exceeded');
    this.countWrite();
    this.replace(next);
  }

  async remove(keys: string | string[]): Promise<void> {
    this.countWrite();
    const next = new Map(this.items);
    for (const key of typeof keys === 'string' ? [keys] : keys) next.delete(key);
    this.replace(next);
  }

  /** Replaces the items as the browser's sync would deliver another device's, firing the change events (not counted as writes). */
  receive(items: Map<string, string>): void {
    this.replace(new Map(items));
  }

  deliverTo(other: FakeSyncArea): void {
    other.receive(this.items);
  }

  private replace(next: Map<string, string>): void {
    const changes: Record<string, { oldValue?: unknown; newValue?: unknown }> = {};
    for (const key of new Set([...this.items.keys(), ...next.keys()])) {
      const before = this.items.get(key);
      const after = next.get(key);
      if (before === after) continue;
      changes[key] = { ...(before !== undefined ? { oldValue: JSON.parse(before) } : {}), ...(after !== undefined ? { newValue: JSON.parse(after) } : {}) };
    }
    this.items = next;
    if (Object.keys(changes).length > 0) for (const listener of this.listeners) listener(changes);
  }
}
