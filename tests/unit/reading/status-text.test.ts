/** The reading bar's status on a work page: how much of the work the reader has read. */
import { describe, expect, it } from 'vitest';
import { readingStatusText } from '../../../utils/reading/status-text';

const status = (fields: Partial<Parameters<typeof readingStatusText>[0]>) =>
  readingStatusText({ oneShot: false, read: 0, posted: 5, complete: true, opened: false, ...fields });

describe('readingStatusText', () => {
  it('says how many chapters are read', () => {
    expect(status({})).toBe('No chapters read yet');
    expect(status({ read: 2 })).toBe('Read 2 of 5 chapters');
    expect(status({ read: 5 })).toBe('Read all 5 chapters');
  });

  it('says of a work in progress that its chapters are those posted so far', () => {
    expect(status({ read: 5, complete: false })).toBe('Read all 5 chapters posted so far');
    expect(status({ read: 1, posted: 1, complete: false })).toBe('Read the only chapter posted so far');
  });

  it('never counts "the 1 chapter"', () => {
    expect(status({ read: 1, posted: 1 })).toBe('Read the only chapter');
    expect(status({ read: 1, posted: 1, complete: null })).toBe('Read the only chapter');
  });

  it('speaks of a one-shot as read or not', () => {
    expect(status({ oneShot: true, read: 1, posted: 1 })).toBe('Read');
    expect(status({ oneShot: true, posted: 1, opened: true })).toBe('Not read to the end yet');
    expect(status({ oneShot: true, posted: 1 })).toBe('Not read yet');
  });

  it('formats numbers for people', () => {
    expect(status({ read: 1200, posted: 1500 })).toBe(`Read ${(1200).toLocaleString()} of ${(1500).toLocaleString()} chapters`);
  });
});
