import { describe, expect, it } from 'vitest';
import { decodeArchiveEscapes, normalizeFreeText, normalizeTagText, removeInvisible } from '../../../utils/rules/normalize';

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

/** Every code point with one of the properties (surrogates left out: they are not characters on their own). */
function codePointsWith(property: RegExp): string[] {
  const found: string[] = [];
  for (let code = 0; code <= 0x10ffff; code++) {
    if (code >= 0xd800 && code <= 0xdfff) continue;
    const char = String.fromCodePoint(code);
    if (property.test(char)) found.push(char);
  }
  return found;
}

const hex = (text: string) => [...text].map((c) => c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')).join(' ');

describe('invisible characters', () => {
  const IGNORABLE = codePointsWith(/\p{Default_Ignorable_Code_Point}/v);
  const BIDI_CONTROLS = ['\u061c', '\u200e', '\u200f', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069'];

  it('knows the sets it removes: the Bidi_Control characters, every Default_Ignorable_Code_Point', () => {
    expect(codePointsWith(/\p{Bidi_Control}/v)).toEqual(BIDI_CONTROLS);
    expect(IGNORABLE.length).toBeGreaterThan(4_000);
  });

  it('removes each of them between letters, at either end, and in runs', () => {
    const kept = [...IGNORABLE, ...BIDI_CONTROLS].filter((c) => normalizeTagText(`Hide${c}Me`) !== 'hideme').map(hex);
    expect(kept).toEqual([]);
    for (const c of [...IGNORABLE, ...BIDI_CONTROLS]) {
      expect(normalizeTagText(`${c}Hide Me${c}`), hex(c)).toBe('hide me');
      expect(normalizeFreeText(`${c}${c}Hide${c} ${c}Me`), hex(c)).toBe('hide me');
    }
  });

  it('removes the spellings a page uses to show one text and hold another', () => {
    for (const spelling of [
      'Hide\u200bMe',
      'Hi\u00adde\u2060Me',
      '\ufeffHideMe',
      '\u202eHideMe\u202c',
      '\u2067HideMe\u2069',
      'Hide\u200eMe\u200f',
      'H\u034fideM\u180be',
      'Hide\u200cMe\u200d',
      'HideMe\ufe0f',
      'HideMe\u{e0041}\u{e007f}',
    ]) {
      expect(normalizeTagText(spelling), hex(spelling)).toBe('hideme');
    }
  });

  it('lets an accent after one of them compose with its letter', () => {
    expect(normalizeTagText('Poke\u200b\u0301mon')).toBe('pokémon');
  });

  it('keeps emoji sequences whole: one emoji never becomes another', () => {
    const emoji = [
      '👩\u200d❤\ufe0f\u200d👨', // couple with heart: ZWJ, VS16
      '👨\u200d👩\u200d👧\u200d👦', // family
      '🏳\ufe0f\u200d🌈', // rainbow flag
      '🧑🏽\u200d💻', // technologist, skin tone
      '🏴\u200d☠\ufe0f', // pirate flag
      '👩\u200d🦰', // red hair
      '❤\ufe0f', // emoji presentation
      '☺\ufe0e', // text presentation
      '1\ufe0f\u20e3', // keycaps
      '#\ufe0f\u20e3',
      '*\ufe0f\u20e3',
      '🏴\u{e0067}\u{e0062}\u{e0073}\u{e0063}\u{e0074}\u{e007f}', // Scotland: tag characters
      '🇺🇦', // regional indicators (not invisible)
    ];
    for (const text of emoji) {
      expect(normalizeTagText(`Tag ${text}`), hex(text)).toBe(`tag ${text.normalize('NFKC')}`);
      expect(normalizeTagText(text)).toBe(text.normalize('NFKC'));
    }
    // So that these stay apart.
    expect(normalizeTagText('👩\u200d❤\ufe0f\u200d👨')).not.toBe(normalizeTagText('👩❤\ufe0f👨'));
    expect(normalizeTagText('🏴\u{e0067}\u{e0062}\u{e0073}\u{e0063}\u{e0074}\u{e007f}')).not.toBe(normalizeTagText('🏴'));
    expect(normalizeTagText('1\ufe0f\u20e3')).not.toBe(normalizeTagText('1'));
  });

  it('removes joiners and selectors that belong to no emoji', () => {
    expect(normalizeTagText('1\u200d2')).toBe('12');
    expect(normalizeTagText('👩\u200d')).toBe('👩');
    expect(normalizeTagText('👩\u200dx')).toBe('👩x');
    expect(normalizeTagText('a\ufe0f\u{e0067}b')).toBe('ab');
    expect(normalizeTagText('\u{e0067}\u{e007f}')).toBe('');
  });

  it('leaves ASCII text as it was', () => {
    expect(removeInvisible('Hide Me')).toBe('Hide Me');
    expect(removeInvisible('Hide\u200bMe')).toBe('HideMe');
  });
});
