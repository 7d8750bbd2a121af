/**
 * What a content script needs to classify a listing, mirrored by the
 * background into `storage.local` whenever rules or settings change.
 *
 * The database stays the one source of truth; the mirror exists so a listing
 * can be classified as the page is parsed, without waiting on a message round
 * trip (or a sleeping worker), and so open tabs see changes at once through
 * `storage.onChanged`.
 */
import { familyMirrorFrom, type FamilyMirror } from './family-table';
import type { Rule } from './types';

export const LISTING_CONFIG_KEY = 'listingConfig';

export type HiddenWorksStyle = 'placeholder' | 'remove';

export interface ListingConfig {
  rules: Rule[];
  /** Works the reader chose to always see, whatever hides them. */
  alwaysShow: number[];
  /** Hidden works as a one-line placeholder, or removed from the page. */
  hiddenWorks: HiddenWorksStyle;
  /** Every rule paused, everywhere. */
  paused: boolean;
  /**
   * The tag families the rules use, learned from the archive, as one table
   * (family-table.ts); absent or null when none is learned, or learning is off:
   * rules then match their own text only.
   */
  families?: FamilyMirror | null;
}

export const EMPTY_LISTING_CONFIG: ListingConfig = { rules: [], alwaysShow: [], hiddenWorks: 'placeholder', paused: false };

/**
 * The stored mirror, or the empty config when it is missing or not of this
 * shape (a content script must never hide works on the strength of data it
 * cannot read).
 */
export function listingConfigFrom(value: unknown): ListingConfig {
  if (typeof value !== 'object' || value === null) return EMPTY_LISTING_CONFIG;
  const v = value as Partial<ListingConfig>;
  if (!Array.isArray(v.rules) || !Array.isArray(v.alwaysShow)) return EMPTY_LISTING_CONFIG;
  return {
    rules: v.rules,
    alwaysShow: v.alwaysShow.filter((id): id is number => Number.isInteger(id)),
    hiddenWorks: v.hiddenWorks === 'remove' ? 'remove' : 'placeholder',
    paused: v.paused === true,
    families: familyMirrorFrom(v.families),
  };
}
