/** utils/i18n.ts: messages with their substitutions, and plural variants chosen by count. */
import { describe, expect, it } from 'vitest';
import { t, tn } from '../../../utils/i18n';

describe('t', () => {
  it('gives the message with its placeholders filled in order', () => {
    expect(t('extName')).toBe('Shelfmark');
    expect(t('libraryStatusChanged', 'The Long Way Home', 'Reading')).toBe('“The Long Way Home” is now “Reading”.');
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
