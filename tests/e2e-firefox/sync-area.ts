/**
 * An add-on's `storage.sync` area in Firefox, seen from outside the add-on,
 * as Firefox Sync sees it: read what the add-on wrote there, and deliver
 * items as if from another computer. Firefox's sync store lives in the
 * browser's own process (ExtensionStorageSync.sys.mjs), keyed by the add-on's
 * id; writing through it fires the add-on's `storage.onChanged` for the
 * "sync" area, which is what an incoming Firefox Sync does too.
 *
 * The code below runs with system privileges in the browser's window, over
 * WebDriver BiDi (`script.callFunction` in the chrome-scope context), which
 * Firefox allows only when started with `--remote-allow-system-access`
 * (the harness's `systemAccess`). It is a string, not a function, because
 * the test runner's transforms would rewrite a function's body with helpers
 * that don't exist in that scope.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'puppeteer-core';

/** `(request) => result` in the browser's own scope; every value crosses as JSON. */
const SYNC_STORE = `async (requestJson) => {
  const { id, op, items, keys } = JSON.parse(requestJson);
  const { extensionStorageSync } = ChromeUtils.importESModule('resource://gre/modules/ExtensionStorageSync.sys.mjs');
  const extension = WebExtensionPolicy.getByID(id)?.extension;
  if (!extension) throw new Error('no add-on installed with the id ' + id);
  if (op === 'get') return JSON.stringify(await extensionStorageSync.get(extension, null));
  if (op === 'set') await extensionStorageSync.set(extension, items);
  else await extensionStorageSync.remove(extension, keys);
  return 'null';
}`;

/** The part of puppeteer's BiDi connection used here (internal to puppeteer, hence untyped there). */
interface BidiConnection {
  send(method: string, params: object): Promise<{ result: unknown }>;
}

interface ChromeTree {
  contexts: Array<{ context: string }>;
}

type CallResult =
  | { type: 'success'; result: { type: 'string'; value: string } }
  | { type: 'exception'; exceptionDetails: { text: string } };

export interface SyncArea {
  /** Every item in the add-on's sync area. */
  items(): Promise<Record<string, unknown>>;
  /** Delivers items as Firefox Sync would: stored, then the add-on's change listeners told. */
  deliver(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
}

/** The add-on id of the Firefox build at `extensionPath`, from its manifest. */
export function addonId(extensionPath: string): string {
  const manifest = JSON.parse(readFileSync(join(extensionPath, 'manifest.json'), 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id) throw new Error(`${extensionPath}/manifest.json names no add-on id: Firefox gives the sync area only to add-ons with one`);
  return id;
}

export async function firefoxSyncArea(browser: Browser, id: string): Promise<SyncArea> {
  const connection = (browser as unknown as { connection?: BidiConnection }).connection;
  if (!connection) throw new Error('the browser is not driven over WebDriver BiDi');
  const tree = (await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome', maxDepth: 0 })).result as ChromeTree;
  const context = tree.contexts[0]?.context;
  if (!context) throw new Error('Firefox shows no browser window to run privileged code in');

  const call = async (request: object): Promise<unknown> => {
    const { result } = (await connection.send('script.callFunction', {
      functionDeclaration: SYNC_STORE,
      arguments: [{ type: 'string', value: JSON.stringify({ id, ...request }) }],
      target: { context },
      awaitPromise: true,
      resultOwnership: 'none',
    })) as { result: CallResult };
    if (result.type === 'exception') throw new Error(`Firefox's sync store refused: ${result.exceptionDetails.text}`);
    return JSON.parse(result.result.value);
  };

  return {
    items: async () => (await call({ op: 'get' })) as Record<string, unknown>,
    deliver: async (items) => void (await call({ op: 'set', items })),
    remove: async (keys) => void (await call({ op: 'remove', keys })),
  };
}
