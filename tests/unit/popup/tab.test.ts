import { describe, expect, it } from 'vitest';
import { tabCameFrom } from '../../../entrypoints/popup/tab';

describe('the tab a popup opened as a page is about', () => {
  const own = { id: 9, active: true, lastAccessed: 500 };

  it('is the tab the reader used last before it, not the popup\'s own', () => {
    const tabs = [own, { id: 1, lastAccessed: 100 }, { id: 2, lastAccessed: 400 }, { id: 3, lastAccessed: 300 }];
    expect(tabCameFrom(own, tabs)).toBe(2);
  });

  it('is the tab that opened it, when the browser says which', () => {
    const tabs = [own, { id: 1, lastAccessed: 100 }, { id: 2, lastAccessed: 400 }];
    expect(tabCameFrom({ ...own, openerTabId: 1 }, tabs)).toBe(1);
  });

  it('falls back to the last used tab when the opener is gone', () => {
    expect(tabCameFrom({ ...own, openerTabId: 7 }, [own, { id: 2, lastAccessed: 400 }])).toBe(2);
  });

  it('is none when the popup is the only tab', () => {
    expect(tabCameFrom(own, [own])).toBeNull();
    expect(tabCameFrom(own, [own, {}])).toBeNull();
  });
});
