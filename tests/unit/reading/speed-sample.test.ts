/** The reader's reading speed through the background: samples stored, the mirror's speed following them, nothing from paused or private pages. */
import { describe, expect, it } from 'vitest';
import { getSettings } from '../../../utils/db/settings';
import { MIN_SAMPLES } from '../../../utils/reading/reading-speed';
import { DEFAULT_WORDS_PER_MINUTE } from '../../../utils/reading/work-numbers';
import { archiveTab, testBackground } from '../messaging/background';

const tab = archiveTab();
const MINUTE = 60_000;

describe('reading/speed-sample', () => {
  it('stores each plausible sample; the mirror gives the median once there are enough, the default until then', async () => {
    const bg = testBackground();
    await bg.send({ type: 'settings/set', values: { workNumbers: true } });
    expect(bg.local.get('workNumbers')).toEqual({ show: true, wordsPerMinute: DEFAULT_WORDS_PER_MINUTE });
    const minutes = [10, 12, 8];
    for (const [i, m] of minutes.entries()) {
      expect(await bg.send({ type: 'reading/speed-sample', words: 3600, activeMs: m * MINUTE }, tab)).toEqual({ ok: true, value: { added: true } });
      const expected = i + 1 < MIN_SAMPLES ? DEFAULT_WORDS_PER_MINUTE : 360;
      expect(bg.local.get('workNumbers')).toEqual({ show: true, wordsPerMinute: expected });
    }
    expect((await getSettings(await bg.db())).readingSpeedSamples).toEqual([360, 300, 450]);
  });

  it('ignores what says nothing of a speed (a chapter marked read at once, a tab left open for days)', async () => {
    const bg = testBackground();
    expect(await bg.send({ type: 'reading/speed-sample', words: 3600, activeMs: 2000 }, tab)).toEqual({ ok: true, value: { added: false } });
    expect(await bg.send({ type: 'reading/speed-sample', words: 3600, activeMs: 3 * 24 * 60 * MINUTE }, tab)).toEqual({ ok: true, value: { added: false } });
    expect((await getSettings(await bg.db())).readingSpeedSamples).toEqual([]);
  });

  it('the reader’s own speed wins over the learned one, in the mirror too', async () => {
    const bg = testBackground();
    for (let i = 0; i < MIN_SAMPLES; i++) await bg.send({ type: 'reading/speed-sample', words: 3000, activeMs: 10 * MINUTE }, tab);
    expect(bg.local.get('workNumbers')).toEqual({ show: true, wordsPerMinute: 300 });
    await bg.send({ type: 'settings/set', values: { readingSpeed: 420, workNumbers: false } });
    expect(bg.local.get('workNumbers')).toEqual({ show: false, wordsPerMinute: 420 });
  });

  it('learns nothing while tracking is paused, nor from a private window', async () => {
    const bg = testBackground();
    await bg.send({ type: 'settings/set', values: { trackingPaused: true } });
    expect(await bg.send({ type: 'reading/speed-sample', words: 3000, activeMs: 10 * MINUTE }, tab)).toEqual({ ok: false, error: 'tracking paused' });
    await bg.send({ type: 'settings/set', values: { trackingPaused: false } });
    expect(await bg.send({ type: 'reading/speed-sample', words: 3000, activeMs: 10 * MINUTE }, archiveTab(8, true))).toEqual({ ok: false, error: 'private window' });
    expect((await getSettings(await bg.db())).readingSpeedSamples).toEqual([]);
  });
});
