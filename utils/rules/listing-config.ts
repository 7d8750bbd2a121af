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
import type { HideSeverity, Rule } from './types';
import type { MayHaveState } from '../reading/state-filter';

export const LISTING_CONFIG_KEY = 'listingConfig';

/**
 * The reader's setting for hidden works, the severity of every hide rule that
 * has none of its own. `placeholder` is the `collapse` severity (the
 * setting's name predates per-rule severities, and backups carry it).
 */
export const HIDDEN_WORKS_STYLES = ['placeholder', 'remove', 'dim'] as const;
export type HiddenWorksStyle = (typeof HIDDEN_WORKS_STYLES)[number];

export function severityOfStyle(style: HiddenWorksStyle): HideSeverity {
  return style === 'placeholder' ? 'collapse' : style;
}

export interface ListingConfig {
  rules: Rule[];
  /** Works the reader chose to always see, whatever hides them. */
  alwaysShow: number[];
  /** Hidden works dimmed, as a one-line placeholder, or removed from the page: the default severity of hide rules. */
  hiddenWorks: HiddenWorksStyle;
  /** Placeholders name the hidden work's title and creators. */
  placeholderTitles: boolean;
  /** Every rule paused, everywhere. */
  paused: boolean;
  /**
   * The tag families the rules use, learned from the archive, as one table
   * (family-table.ts); absent or null when none is learned, or learning is off:
   * rules then match their own text only.
   */
  families?: FamilyMirror | null;
  /**
   * Which works may have a reader state, from the filter read beside the mirror
   * (utils/reading/state-filter.ts), not stored in it: absent, any work may.
   */
  mayHaveState?: MayHaveState;
}

export const EMPTY_LISTING_CONFIG: ListingConfig = { rules: [], alwaysShow: [], hiddenWorks: 'placeholder', placeholderTitles: false, paused: false };

/**
 * Whether classifying with this config needs the reader's state of each work
 * (some enabled rule is a reading rule): only then must a listing's blurbs
 * wait for the `works/state` answer before they are judged and shown.
 */
export function needsReaderState(config: ListingConfig): boolean {
  return !config.paused && config.rules.some((rule) => rule.enabled && rule.match.kind === 'reading');
}

/**
 * The mirror as stored: its JSON text. Every listing reads it at document_start
 * and waits for it before its first blurb paints; read as one string and parsed
 * in the page, it arrives in a fraction of the time the same data takes as an
 * object, which the browser converts value by value on its way to the page.
 */
export function listingConfigText(config: ListingConfig): string {
  return JSON.stringify(config);
}

/**
 * The stored mirror, or the empty config when it is missing or not of this
 * shape (a content script must never hide works on the strength of data it
 * cannot read). A mirror stored as an object (by a version before the text
 * form, until the background's start rewrites it) reads the same.
 */
export function listingConfigFrom(stored: unknown): ListingConfig {
  const value = typeof stored === 'string' ? parsedOrNull(stored) : stored;
  if (typeof value !== 'object' || value === null) return EMPTY_LISTING_CONFIG;
  const v = value as Partial<ListingConfig>;
  if (!Array.isArray(v.rules) || !Array.isArray(v.alwaysShow)) return EMPTY_LISTING_CONFIG;
  return {
    rules: v.rules,
    alwaysShow: v.alwaysShow.filter((id): id is number => Number.isInteger(id)),
    hiddenWorks: (HIDDEN_WORKS_STYLES as readonly unknown[]).includes(v.hiddenWorks) ? (v.hiddenWorks as HiddenWorksStyle) : 'placeholder',
    placeholderTitles: v.placeholderTitles === true,
    paused: v.paused === true,
    families: familyMirrorFrom(v.families),
  };
}

function parsedOrNull(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
