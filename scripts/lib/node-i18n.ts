/**
 * The English messages as `browser.i18n` for scripts run under Node (the rules
 * word their reasons through it). Import it first: `wxt/browser` reads the
 * global when it is first loaded.
 */
import { messageReader, readMessages } from '../../tests/unit/i18n/english-messages';

const global = globalThis as { chrome?: unknown; browser?: unknown };
if (global.chrome === undefined && global.browser === undefined) {
  global.chrome = { i18n: { getMessage: messageReader(readMessages('en')), getUILanguage: () => 'en' } };
}
