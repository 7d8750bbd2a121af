/** Who may talk to the background: this extension's own pages, and its content scripts on the archive. */
import { isArchiveHost } from '../hosts';

/** The parts of a message sender the background relies on, the same in Chrome and Firefox. */
export interface SenderInfo {
  /** The sending extension's id. */
  id: string | undefined;
  /** The sending page's or frame's URL. */
  url: string | undefined;
  /** Present for content scripts and for extension pages open in a tab. */
  tab: { id: number | undefined; incognito: boolean } | undefined;
}

export interface OwnIdentity {
  runtimeId: string;
  /** The extension's origin with a trailing slash, e.g. `chrome-extension://abc…/`. */
  extensionOrigin: string;
}

export function isExtensionPage(sender: SenderInfo, own: OwnIdentity): boolean {
  return sender.id === own.runtimeId && sender.url !== undefined && sender.url.startsWith(own.extensionOrigin);
}

export function isTrustedSender(sender: SenderInfo, own: OwnIdentity): boolean {
  if (sender.id !== own.runtimeId || !sender.url) return false;
  if (isExtensionPage(sender, own)) return true;
  if (!sender.tab) return false;
  let url: URL;
  try {
    url = new URL(sender.url);
  } catch {
    return false;
  }
  return url.protocol === 'https:' && isArchiveHost(url.hostname);
}
