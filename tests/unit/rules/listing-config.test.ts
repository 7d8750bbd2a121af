/** The rules mirror as content scripts read it: stored as JSON text, compiled once per change for the page. */
import { describe, expect, it } from 'vitest';
import { EMPTY_LISTING_CONFIG, listingConfigFrom, listingConfigText, type ListingConfig } from '../../../utils/rules/listing-config';
import { matcherFor } from '../../../entrypoints/archive.content/rules-matcher';
import { tagRule } from './factory';

const config = (overrides: Partial<ListingConfig> = {}): ListingConfig => ({
  rules: [tagRule('Angst')],
  alwaysShow: [5],
  hiddenWorks: 'dim',
  placeholderTitles: true,
  paused: false,
  ...overrides,
});

describe('the stored mirror', () => {
  it('is JSON text that reads back as the config it was written from', () => {
    const written = config();
    const stored = listingConfigText(written);
    expect(typeof stored).toBe('string');
    expect(listingConfigFrom(stored)).toEqual({ ...written, families: null });
  });

  it('reads a mirror an older version stored as an object the same', () => {
    const written = config();
    expect(listingConfigFrom(written)).toEqual(listingConfigFrom(listingConfigText(written)));
  });

  it('is the empty config when its text is cut short or not JSON: no work is hidden on data that cannot be read', () => {
    const stored = listingConfigText(config());
    expect(listingConfigFrom(stored.slice(0, stored.length - 3))).toBe(EMPTY_LISTING_CONFIG);
    expect(listingConfigFrom('not json')).toBe(EMPTY_LISTING_CONFIG);
    expect(listingConfigFrom('"a string"')).toBe(EMPTY_LISTING_CONFIG);
  });
});

describe('the page’s compiled rules', () => {
  it('are compiled once per rules list, whoever asks, and again when the rules change', () => {
    const first = config();
    const matcher = matcherFor(first);
    expect(matcher).not.toBeNull();
    expect(matcherFor({ ...first, alwaysShow: [] })).toBe(matcher);
    expect(matcherFor(config())).not.toBe(matcher);
  });

  it('are none while the reader paused them', () => {
    expect(matcherFor(config({ paused: true }))).toBeNull();
  });
});
