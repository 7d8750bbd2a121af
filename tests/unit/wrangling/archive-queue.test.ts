/** The polite queue to the archive, with a fake clock that moves only when the queue sleeps. */
import { describe, expect, it } from 'vitest';
import { ArchiveBusyError, ArchiveQueue, isTagPageUrl, type ArchiveResponse } from '../../../utils/wrangling/archive-queue';
import { retryAfterMs } from '../../../utils/wrangling/retry-after';

const T0 = Date.UTC(2026, 11, 2, 8, 0, 0);
const OK: ArchiveResponse = { status: 200, html: '<html></html>', retryAfter: null };
const tagUrl = (name: string) => `https://archiveofourown.org/tags/${encodeURIComponent(name)}`;

function fakeQueue(responses: Array<ArchiveResponse> = [], stored = { notBefore: 0 }) {
  const clock = { now: T0 };
  const requests: Array<{ url: string; at: number }> = [];
  const queue = new ArchiveQueue({
    now: () => clock.now,
    sleep: async (ms) => {
      clock.now += ms;
    },
    fetch: async (url) => {
      requests.push({ url, at: clock.now });
      return responses.shift() ?? OK;
    },
    loadNotBefore: async () => stored.notBefore,
    saveNotBefore: async (at) => {
      stored.notBefore = at;
    },
  });
  return { clock, requests, queue, stored };
}

const gaps = (requests: Array<{ at: number }>) => requests.slice(1).map((r, i) => r.at - requests[i]!.at);

describe('ArchiveQueue', () => {
  it('spaces requests at least 3 s apart, in the order asked', async () => {
    const { queue, requests } = fakeQueue();
    await Promise.all(['A', 'B', 'C'].map((name) => queue.fetchTagPage(tagUrl(name))));
    expect(requests.map((r) => r.url)).toEqual([tagUrl('A'), tagUrl('B'), tagUrl('C')]);
    expect(requests[0]!.at).toBe(T0);
    expect(gaps(requests)).toEqual([3000, 3000]);
  });

  it('shares the spacing with turns asked for requests made elsewhere (the History import)', async () => {
    const { queue, requests, clock } = fakeQueue();
    const grants: number[] = [];
    const slot = async () => {
      expect(await queue.slot(20_000)).toEqual({ granted: true });
      grants.push(clock.now);
    };
    await Promise.all([slot(), queue.fetchTagPage(tagUrl('A')), slot()]);
    expect(grants).toEqual([T0, T0 + 6000]);
    expect(requests.map((r) => r.at)).toEqual([T0 + 3000]);
  });

  it('waits as long as a 429 says (seconds), then retries the page', async () => {
    const { queue, requests } = fakeQueue([{ status: 429, html: '', retryAfter: '20' }]);
    const response = await queue.fetchTagPage(tagUrl('Angst'));
    expect(response.status).toBe(200);
    expect(requests.map((r) => r.url)).toEqual([tagUrl('Angst'), tagUrl('Angst')]);
    expect(gaps(requests)).toEqual([20_000]);
  });

  it('honours a Retry-After given as an HTTP date, on a 503 too', async () => {
    const at = new Date(T0 + 45_000).toUTCString();
    const { queue, requests } = fakeQueue([{ status: 503, html: '', retryAfter: at }]);
    await queue.fetchTagPage(tagUrl('Angst'));
    expect(gaps(requests)).toEqual([45_000]);
  });

  it('backs off 30 s, then 60 s, without a Retry-After; a success resets it', async () => {
    const refused = { status: 429, html: '', retryAfter: null };
    const { queue, requests } = fakeQueue([refused, refused, OK, refused, OK]);
    await queue.fetchTagPage(tagUrl('A'));
    await queue.fetchTagPage(tagUrl('B'));
    expect(gaps(requests)).toEqual([30_000, 60_000, 3000, 30_000]);
  });

  it('gives up with the time to come back when the archive keeps refusing or asks for a long wait', async () => {
    const refused = { status: 429, html: '', retryAfter: '5' };
    const { queue, requests } = fakeQueue([refused, refused, refused]);
    await expect(queue.fetchTagPage(tagUrl('A'))).rejects.toBeInstanceOf(ArchiveBusyError);
    expect(requests).toHaveLength(3);

    const long = fakeQueue([{ status: 429, html: '', retryAfter: '3600' }]);
    const error = await long.queue.fetchTagPage(tagUrl('A')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ArchiveBusyError);
    expect((error as ArchiveBusyError).retryAt).toBe(T0 + 3_600_000);
    expect(long.requests).toHaveLength(1);
    // A History page's turn is refused at once, with the time to come back.
    expect(await long.queue.slot(20_000)).toEqual({ granted: false, retryAt: T0 + 3_600_000 });
  });

  it('keeps a backoff across a worker restart (the stored time)', async () => {
    const first = fakeQueue([{ status: 429, html: '', retryAfter: '600' }]);
    await expect(first.queue.fetchTagPage(tagUrl('A'), { attempts: 1 })).rejects.toBeInstanceOf(ArchiveBusyError);
    const second = fakeQueue([], first.stored);
    second.clock.now = T0 + 1000;
    await second.queue.fetchTagPage(tagUrl('A'), { maxWaitMs: 3_600_000 });
    expect(second.requests[0]!.at).toBe(T0 + 600_000);
  });

  it('a refusal reported for a request made elsewhere holds the next tag page back', async () => {
    const { queue, requests } = fakeQueue();
    expect(await queue.slot(20_000)).toEqual({ granted: true });
    await queue.note(429, '10');
    await queue.fetchTagPage(tagUrl('A'));
    expect(requests[0]!.at).toBe(T0 + 10_000);
  });

  it('fetches nothing but the archive\'s tag pages', async () => {
    const { queue, requests } = fakeQueue();
    for (const url of [
      'https://archiveofourown.org/works/123',
      'https://archiveofourown.org/tags/Angst/works',
      'https://archiveofourown.org/tags/Angst?page=2',
      'https://example.org/tags/Angst',
      'http://archiveofourown.org/tags/Angst',
    ]) {
      expect(isTagPageUrl(url)).toBe(false);
      await expect(queue.fetchTagPage(url)).rejects.toThrow(/not a tag page/);
    }
    expect(requests).toEqual([]);
    expect(isTagPageUrl('https://ao3.org/tags/Angst')).toBe(true);
    expect(isTagPageUrl('https://archiveofourown.org/tags/Komaeda%20Nagito*s*Sans%20(Undertale)')).toBe(true);
  });

  it('beforeFetch cancels the request in its turn', async () => {
    const { requests } = fakeQueue();
    const clock = { now: T0 };
    const queue = new ArchiveQueue({
      now: () => clock.now,
      sleep: async (ms) => void (clock.now += ms),
      fetch: async (url) => (requests.push({ url, at: clock.now }), OK),
      beforeFetch: async () => {
        throw new Error('learning is off');
      },
    });
    await expect(queue.fetchTagPage(tagUrl('A'))).rejects.toThrow('learning is off');
    expect(requests).toEqual([]);
  });
});

describe('retryAfterMs', () => {
  it('reads seconds and HTTP dates', () => {
    expect(retryAfterMs('120', T0)).toBe(120_000);
    expect(retryAfterMs(' 0 ', T0)).toBe(0);
    expect(retryAfterMs(new Date(T0 + 90_000).toUTCString(), T0)).toBe(90_000);
    expect(retryAfterMs(new Date(T0 - 90_000).toUTCString(), T0)).toBe(0);
    expect(retryAfterMs(null, T0)).toBeNull();
    expect(retryAfterMs('', T0)).toBeNull();
    expect(retryAfterMs('-5', T0)).toBeNull();
    expect(retryAfterMs('soon', T0)).toBeNull();
  });
});
