/** parseChapters: the blurb's "posted/expected" chapters. */
import { describe, expect, it } from 'vitest';
import { parseChapters } from '../../../utils/ao3/work-blurb';

describe('parseChapters', () => {
  it('reads posted and expected, "?" as not known yet', () => {
    expect(parseChapters('3/10')).toEqual({ posted: 3, expected: 10 });
    expect(parseChapters('1,204/1,204')).toEqual({ posted: 1204, expected: 1204 });
    expect(parseChapters('5/?')).toEqual({ posted: 5, expected: null });
  });

  it('reads nothing when the expected count is garbled, rather than taking the work for one in progress', () => {
    expect(parseChapters('5/1,000,')).toBeNull();
    expect(parseChapters('x/10')).toBeNull();
  });
});
