/** The thin layer over the browser's runtime messaging: the only place Chrome/Firefox differences live. */
import { browser, type Browser } from 'wxt/browser';
import type { OwnIdentity, SenderInfo } from './sender';

export function ownIdentity(): OwnIdentity {
  // getURL('/') gives the origin with its trailing slash in both browsers (moz-extension:// carries a per-install UUID).
  return { runtimeId: browser.runtime.id, extensionOrigin: browser.runtime.getURL('/') };
}

export function senderInfo(sender: Browser.runtime.MessageSender): SenderInfo {
  return {
    id: sender.id,
    url: sender.url,
    tab: sender.tab ? { id: sender.tab.id, incognito: Boolean(sender.tab.incognito) } : undefined,
  };
}

export function extensionVersion(): string {
  return browser.runtime.getManifest().version;
}

/**
 * Whether the browser syncs extension data: not Firefox for Android, which keeps a sync area
 * but never syncs it (Mozilla bug 1625257). Chrome and Edge sync it once the reader signs in;
 * Firefox desktop with a Mozilla account and add-ons in its sync choices.
 */
export async function browserSyncsExtensionData(): Promise<boolean> {
  if (!browser.storage?.sync) return false;
  const isFirefox = browser.runtime.getURL('/').startsWith('moz-extension:');
  if (!isFirefox) return true;
  return (await browser.runtime.getPlatformInfo()).os !== 'android';
}
