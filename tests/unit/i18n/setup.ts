/**
 * Unit tests run under Node, where `browser.i18n` does not exist: utils/i18n.ts
 * reads the English messages instead, as the browser would in English.
 */
import { vi } from 'vitest';
import { messageReader, readMessages } from './english-messages';

vi.mock('wxt/browser', () => ({
  browser: { i18n: { getMessage: messageReader(readMessages('en')), getUILanguage: () => 'en' } },
}));
