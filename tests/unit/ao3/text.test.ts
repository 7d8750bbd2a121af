import { describe, expect, it } from 'vitest';
import { collapse, idAfter, parseCount, parseDate, parseRelativeDate, pathOf, tagNameFromUrl } from '../../../utils/ao3/text';

const NOW = new Date('2024-03-10T12:00:00Z');

describe('parseCount', () => {
  it('reads plain numbers and thousands separators', () => {
    expect(parseCount('0')).toBe(0);
    expect(parseCount('821')).toBe(821);
    expect(parseCount('1,234')).toBe(1234);
    expect(parseCount(' 1,234,567 ')).toBe(1234567);
    expect(parseCount('1.234')).toBe(1234);
    expect(parseCount('12 000')).toBe(12000);
    expect(parseCount('12\u00a0000')).toBe(12000);
  });

  it('returns null for garbage, never NaN', () => {
    for (const bad of ['', '   ', 'abc', '1,23', '12,34,567', '1.5k', '-3', '*', '1/2', null, undefined]) {
      expect(parseCount(bad)).toBeNull();
    }
  });
});

describe('parseDate', () => {
  it('reads the blurb format with short and long month names', () => {
    expect(parseDate('05 Mar 2024')).toBe('2024-03-05');
    expect(parseDate('5 Mar 2024')).toBe('2024-03-05');
    expect(parseDate('18 Jan 2026')).toBe('2026-01-18');
    expect(parseDate('1 September 2020')).toBe('2020-09-01');
    expect(parseDate('01 Sept 2020')).toBe('2020-09-01');
    expect(parseDate('March 5, 2024')).toBe('2024-03-05');
    expect(parseDate('\n   05 Mar 2024  ')).toBe('2024-03-05');
  });

  it('reads ISO dates, bare or in parentheses (chapter index)', () => {
    expect(parseDate('2019-02-15')).toBe('2019-02-15');
    expect(parseDate('(2022-12-19)')).toBe('2022-12-19');
  });

  it('rejects impossible dates and non-dates', () => {
    expect(parseDate('31 Feb 2024')).toBeNull();
    expect(parseDate('2024-13-01')).toBeNull();
    expect(parseDate('05 Foo 2024')).toBeNull();
    expect(parseDate('05 Constructor 2024')).toBeNull();
    expect(parseDate('yesterday-ish')).toBeNull();
    expect(parseDate('')).toBeNull();
    expect(parseDate(null)).toBeNull();
  });

  it('reads relative dates only when given now', () => {
    expect(parseDate('3 days ago')).toBeNull();
    expect(parseDate('3 days ago', NOW)).toBe('2024-03-07');
  });
});

describe('parseRelativeDate', () => {
  it.each([
    ['less than a minute ago', '2024-03-10'],
    ['less than 5 seconds ago', '2024-03-10'],
    ['half a minute ago', '2024-03-10'],
    ['1 minute ago', '2024-03-10'],
    ['about 1 hour ago', '2024-03-10'],
    ['about 13 hours ago', '2024-03-09'],
    ['1 day ago', '2024-03-09'],
    ['3 days ago', '2024-03-07'],
    ['10 days', '2024-02-29'],
    ['2 weeks ago', '2024-02-25'],
    ['about 1 month ago', '2024-02-10'],
    ['2 months ago', '2024-01-10'],
    ['about 1 year ago', '2023-03-10'],
    ['over 2 years ago', '2022-03-10'],
    ['almost 3 years ago', '2021-03-10'],
  ])('%s → %s', (text, expected) => {
    expect(parseRelativeDate(text, NOW)).toBe(expected);
  });

  it('rejects other text', () => {
    expect(parseRelativeDate('soon', NOW)).toBeNull();
    expect(parseRelativeDate('3 fortnights ago', NOW)).toBeNull();
  });
});

describe('tagNameFromUrl', () => {
  it('decodes the archive escapes and percent-encoding', () => {
    expect(tagNameFromUrl('/tags/F*s*M/works')).toBe('F/M');
    expect(tagNameFromUrl('/tags/Sherlock%20Holmes%20*a*%20Related%20Fandoms/works')).toBe('Sherlock Holmes & Related Fandoms');
    expect(tagNameFromUrl('/tags/Court%20Lady%20Go%20(Mr*d*%20Queen)/works')).toBe('Court Lady Go (Mr. Queen)');
    expect(tagNameFromUrl('/tags/Kinda*q*/works')).toBe('Kinda?');
    expect(tagNameFromUrl('/tags/Number*h*1/works')).toBe('Number#1');
    expect(tagNameFromUrl('/tags/Charlie%20Magne%20%7C%20Morningstar/works')).toBe('Charlie Magne | Morningstar');
  });

  it('accepts full URLs, tag pages, bookmark links and bare names', () => {
    expect(tagNameFromUrl('https://archiveofourown.org/tags/A*s*B/works?page=2')).toBe('A/B');
    expect(tagNameFromUrl('/tags/No%20Fandom')).toBe('No Fandom');
    expect(tagNameFromUrl('/tags/comfort%20read/bookmarks')).toBe('comfort read');
    expect(tagNameFromUrl('A*s*B')).toBe('A/B');
  });

  it('survives malformed percent-encoding', () => {
    expect(tagNameFromUrl('/tags/100%/works')).toBe('100%');
  });
});

describe('small helpers', () => {
  it('collapse', () => {
    expect(collapse('  a \n\t b\u00a0 c ')).toBe('a b c');
    expect(collapse(null)).toBe('');
  });

  it('pathOf and idAfter', () => {
    expect(pathOf('https://archiveofourown.org/works/1')).toBe('/works/1');
    expect(pathOf('//archiveofourown.org/works/1')).toBe('/works/1');
    expect(idAfter('/works/12/chapters/34#workskin', 'chapters')).toBe(34);
    expect(idAfter('/works/12?view_full_work=true', 'works')).toBe(12);
    expect(idAfter('/works/search', 'works')).toBeNull();
  });
});
