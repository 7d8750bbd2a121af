import { describe, expect, it } from 'vitest';
import { decodeArchiveEscapes, normalizeTagText } from '../../../utils/rules/normalize';

describe('normalizeTagText', () => {
  it('folds case', () => {
    expect(normalizeTagText('Major Character DEATH')).toBe('major character death');
  });

  it('NFKC-normalises full-width letters and ligatures', () => {
    expect(normalizeTagText('Ｆｌｕｆｆ')).toBe('fluff');
    expect(normalizeTagText('ﬂuﬀ')).toBe('fluff');
  });

  it('composes combining accents, so both spellings compare equal', () => {
    const decomposed = 'Pokémon'.normalize('NFD');
    expect(decomposed).not.toBe('Pokémon');
    expect(normalizeTagText(decomposed)).toBe(normalizeTagText('Pokémon'));
    expect(normalizeTagText(decomposed)).toBe('pokémon');
  });

  it('collapses and trims whitespace, including no-break spaces and tabs', () => {
    expect(normalizeTagText('  Hurt\u00a0 and\t\nComfort ')).toBe('hurt and comfort');
  });

  it("decodes the archive's URL escapes", () => {
    expect(normalizeTagText('F*s*M')).toBe('f/m');
    expect(normalizeTagText('Chatting *a* Messaging')).toBe('chatting & messaging');
    expect(normalizeTagText('Mr*d* Darcy')).toBe('mr. darcy');
    expect(normalizeTagText('Canon*q* What Canon*q*')).toBe('canon? what canon?');
    expect(normalizeTagText('*h*1 Fan')).toBe('#1 fan');
  });

  it('decodes percent escapes and whole tag URLs', () => {
    expect(normalizeTagText('Alternate%20Universe%20-%20Everyone%20Lives*s*Nobody%20Dies')).toBe(
      'alternate universe - everyone lives/nobody dies',
    );
    expect(normalizeTagText('https://archiveofourown.org/tags/Hurt*s*Comfort/works')).toBe('hurt/comfort');
  });

  it('leaves page text alone: it never contains escapes', () => {
    expect(normalizeTagText('Canon? What Canon?')).toBe('canon? what canon?');
    expect(normalizeTagText('100% Fluff')).toBe('100% fluff');
  });
});

describe('decodeArchiveEscapes', () => {
  it('keeps wildcard patterns: a * outside an escape means the text is a pattern', () => {
    expect(decodeArchiveEscapes('Alpha*')).toBe('Alpha*');
    expect(decodeArchiveEscapes('Hurt*s*Comfort*')).toBe('Hurt*s*Comfort*');
  });

  it('keeps the case of the decoded name (for labels)', () => {
    expect(decodeArchiveEscapes('Hurt*s*Comfort')).toBe('Hurt/Comfort');
  });
});
