/** Whole-word phrases in normalised text: the title-or-summary trait, and the Library's fandom filter. */

/** Matches the phrase where it is not part of a longer word (letters, digits, marks, underscores). */
export function wholePhrase(phrase: string): RegExp {
  const literal = phrase.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{N}\\p{M}_])${literal}(?![\\p{L}\\p{N}\\p{M}_])`, 'u');
}
