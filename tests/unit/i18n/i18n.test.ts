/** utils/i18n.ts: messages with their substitutions, plural variants chosen by count, and the pages' language. */
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { applyPageLanguage, pageLanguage, t, tn } from '../../../utils/i18n';

describe('t', () => {
  it('gives the message with its placeholders filled in order', () => {
    expect(t('extName')).toBe('Shelfmark');
    expect(t('libraryStatusChanged', 'The Long Way Home', 'Reading')).toBe('“The Long Way Home” is now “Reading”.');
  });

  it('asks the browser once per message, and puts any text in as it is', () => {
    const getMessage = vi.spyOn(browser.i18n, 'getMessage');
    const titles = ['$1 and $2', '\uE001 a private-use character', 'Plain'];
    for (const title of titles) expect(t('libraryStatusChanged', title, 'Reading')).toBe(`“${title}” is now “Reading”.`);
    expect(getMessage.mock.calls.filter(([key]) => key === 'libraryStatusChanged').length).toBeLessThanOrEqual(1);
    getMessage.mockRestore();
  });
});

describe('tn', () => {
  it('picks the variant for the count, with the count formatted as $1', () => {
    expect(tn('countWorks', 1)).toBe('1 work');
    expect(tn('countWorks', 0)).toBe('0 works');
    expect(tn('countWorks', 1234)).toBe('1,234 works');
    expect(tn('listingHiddenSummary', 21, '7')).toBe('7 of 21 works hidden');
  });

  it('lets a variant leave the count out', () => {
    expect(tn('editorConfirmHideAll', 1)).toBe('This rule would hide the only work on this page. Save it anyway?');
    expect(tn('editorConfirmHideAll', 2)).toBe('This rule would hide all 2 works on this page. Save it anyway?');
  });
});

describe('the pages’ language', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });
  const uiLanguage = (language: string) => vi.spyOn(browser.i18n, 'getUILanguage').mockReturnValue(language);

  it('is the browser’s UI language when the messages are in it', () => {
    uiLanguage('en-GB');
    expect(pageLanguage()).toBe('en-GB');
    uiLanguage('en');
    expect(pageLanguage()).toBe('en');
  });

  it('is the messages’ own language when the browser fell back to them (no translation yet)', () => {
    uiLanguage('fr-CA');
    expect(pageLanguage()).toBe('en');
  });

  it('follows a translation in the UI language, region included', () => {
    uiLanguage('pt-BR');
    const english = browser.i18n.getMessage.bind(browser.i18n);
    vi.spyOn(browser.i18n, 'getMessage').mockImplementation((key, substitutions) => (key === 'messagesLanguage' ? 'pt' : english(key, substitutions)));
    expect(pageLanguage()).toBe('pt-BR');
  });

  it('is set on the popup’s and the options page’s root element, over the lang="en" of their HTML', () => {
    uiLanguage('en-US');
    for (const page of ['popup', 'options']) {
      const html = readFileSync(new URL(`../../../entrypoints/${page}/index.html`, import.meta.url), 'utf8');
      const { document } = parseHTML(html);
      expect(document.documentElement.lang, page).toBe('en');
      applyPageLanguage(document.documentElement);
      expect(document.documentElement.lang, page).toBe('en-US');
    }
  });
});
