import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { WorkBlurb } from '../../../utils/ao3/types';
import { LINKS, userIdFor } from '../../../entrypoints/archive.content/features/quick-actions';

const record = (authors: string[], userIds: number[]) => ({ authors: authors.map((login) => ({ login, pseud: login })), userIds }) as unknown as WorkBlurb;

describe("an author rule's user id", () => {
  it("is the blurb's one user id, for its one login (in any case)", () => {
    expect(userIdFor('EdosianOrchids901', record(['EdosianOrchids901'], [123]))).toBe(123);
    expect(userIdFor('edosianorchids901', record(['EdosianOrchids901'], [123]))).toBe(123);
  });

  it('is left out when the blurb does not say whose it is', () => {
    // Two creators: the archive's classes don't say which id is whose.
    expect(userIdFor('a', record(['a', 'b'], [1, 2]))).toBeUndefined();
    // Anonymous and unrevealed works carry no user-N class.
    expect(userIdFor('a', record(['a'], []))).toBeUndefined();
    expect(userIdFor('c', record(['a'], [1]))).toBeUndefined();
    expect(userIdFor('a', null)).toBeUndefined();
  });
});

describe('the gap the ⋯ button sits in', () => {
  it('style.css keeps it after exactly the links that have quick actions', () => {
    const css = readFileSync(join(import.meta.dirname, '../../../entrypoints/archive.content/style.css'), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
    const rule = /([^{}]+)\{\s*margin-inline-end: 26px;/.exec(css);
    const selectors = (text: string) => text.split(',').map((s) => s.trim()).filter(Boolean).sort();
    expect(rule).not.toBeNull();
    expect(selectors(rule![1]!)).toEqual(selectors(LINKS));
  });
});
