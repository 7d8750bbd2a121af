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
