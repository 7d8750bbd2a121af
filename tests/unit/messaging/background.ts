/** The background's message handling in-process, over a fresh fake database, for tests. */
import type { DailySnapshots } from '../../../utils/backup/snapshots';
import type { TransferArea } from '../../../utils/backup/transfer-area';
import { MAX_BACKUP_BYTES } from '../../../utils/backup/format';
import { createDbConnection } from '../../../utils/db/open';
import type { ShelfmarkDb } from '../../../utils/db/schema';
import type { SendRequest } from '../../../utils/messaging/client';
import { createListingMirror, type ListingMirror, type LocalArea } from '../../../utils/messaging/listing-mirror';
import { createPageReports, type SessionArea } from '../../../utils/messaging/page-reports';
import { recoverAtStart } from '../../../utils/messaging/recovery';
import { createStateFilterMirror, type FilterArea, type StateFilterMirror } from '../../../utils/messaging/state-filter-mirror';
import type { Reply, RequestType } from '../../../utils/messaging/protocol';
import { createMessageHandler, type MessageHandler } from '../../../utils/messaging/router';
import type { SenderInfo } from '../../../utils/messaging/sender';
import { LISTING_CONFIG_KEY } from '../../../utils/rules/listing-config';
import { T0, uniqueDbName } from '../db/fixtures';

export const OWN_ID = 'abcdefghijklmnopabcdefghijklmnop';
export const ORIGIN = `chrome-extension://${OWN_ID}/`;

export const optionsPage: SenderInfo = { id: OWN_ID, url: `${ORIGIN}options.html`, tab: { id: 3, incognito: false } };
export const popup: SenderInfo = { id: OWN_ID, url: `${ORIGIN}popup.html`, tab: undefined };
export const archiveTab = (tabId = 7, incognito = false): SenderInfo => ({
  id: OWN_ID,
  url: 'https://archiveofourown.org/works/11111111/chapters/301',
  tab: { id: tabId, incognito },
});

export function memorySessionArea(): SessionArea & { items: Map<string, unknown> } {
  const items = new Map<string, unknown>();
  return {
    items,
    async get(key) {
      return items.has(key) ? { [key]: structuredClone(items.get(key)) } : {};
    },
    async set(values) {
      for (const [k, v] of Object.entries(values)) items.set(k, structuredClone(v));
    },
    async remove(key) {
      items.delete(key);
    },
  };
}

/** `storage.local` in memory, over `items`. */
export function memoryLocalArea(items: Map<string, unknown>): LocalArea & FilterArea {
  return {
    async get(key) {
      return items.has(key) ? { [key]: structuredClone(items.get(key)) } : {};
    },
    async set(values) {
      for (const [k, v] of Object.entries(values)) items.set(k, structuredClone(v));
    },
    async clear() {
      items.clear();
    },
    async remove(key) {
      items.delete(key);
    },
  };
}

/** The transfer area in memory (Cache Storage is the browser's; the e2e suite covers the real one). */
export function memoryTransferArea(): TransferArea & { files: Map<string, Blob> } {
  const files = new Map<string, Blob>();
  return {
    files,
    async put(id, body) {
      files.set(id, typeof body === 'string' ? new Blob([body]) : body);
    },
    async get(id) {
      return files.get(id) ?? null;
    },
    async remove(id) {
      files.delete(id);
    },
    async ids() {
      return [...files.keys()];
    },
  };
}

export interface TestBackground {
  /** `storage.local`: the mirror the background keeps for content scripts (content scripts keep History-import progress there too). */
  local: Map<string, unknown>;
  /** The listing mirror in `local` as content scripts read it (its JSON text, parsed); undefined before it is written. */
  mirror: () => unknown;
  handle: MessageHandler;
  db: () => Promise<ShelfmarkDb>;
  clock: { now: number };
  /** Sends as `sender` (the options page by default), as runtime messaging would: through a structured clone. */
  send: (message: unknown, sender?: SenderInfo) => Promise<Reply<RequestType> | undefined>;
  sendAs: (sender: SenderInfo) => SendRequest;
  transfers: ReturnType<typeof memoryTransferArea>;
  listingMirror: ListingMirror;
  stateFilter: StateFilterMirror;
  /** What the background does at every start of its worker. */
  start: () => Promise<void>;
}

export interface TestBackgroundOptions {
  maxImportBytes?: number;
  dailySnapshots?: DailySnapshots;
  /** Wraps the `storage.local` the background writes (to watch or fail its writes). */
  wrapLocal?: (area: LocalArea & FilterArea) => LocalArea & FilterArea;
}

export function testBackground(options: TestBackgroundOptions = {}): TestBackground {
  const connection = createDbConnection({ name: uniqueDbName() });
  const clock = { now: T0 };
  const now = () => clock.now;
  const transfers = memoryTransferArea();
  const local = new Map<string, unknown>();
  const getDb = () => connection.get();
  const area = options.wrapLocal ? options.wrapLocal(memoryLocalArea(local)) : memoryLocalArea(local);
  const listingMirror = createListingMirror(getDb, area);
  const stateFilter = createStateFilterMirror(getDb, area);
  const handle = createMessageHandler({
    getDb,
    now,
    extensionVersion: '0.1.0',
    identity: { runtimeId: OWN_ID, extensionOrigin: ORIGIN },
    pageReports: createPageReports(memorySessionArea()),
    transfers,
    maxImportBytes: options.maxImportBytes ?? MAX_BACKUP_BYTES,
    listingMirror,
    stateFilter,
    ...(options.dailySnapshots ? { dailySnapshots: options.dailySnapshots } : {}),
  });
  const send = async (message: unknown, sender: SenderInfo = optionsPage) => {
    const reply = handle(structuredClone(message), sender);
    return reply ? structuredClone(await reply) : undefined;
  };
  const sendAs = (sender: SenderInfo): SendRequest => (async (request) => (await send(request, sender))!) as SendRequest;
  const start = () => recoverAtStart({ getDb, listingMirror, transfers, stateFilter });
  const mirror = () => {
    const text = local.get(LISTING_CONFIG_KEY);
    return typeof text === 'string' ? JSON.parse(text) : undefined;
  };
  return { handle, db: getDb, clock, send, sendAs, transfers, local, mirror, listingMirror, stateFilter, start };
}
