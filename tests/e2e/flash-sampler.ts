/**
 * An init script for the page's main world, from document_start: on every
 * animation frame it notes which blurbs are painted with their content
 * visible, so a test can count the frames in which a work that ends up
 * hidden was visible (a "flash"), and when each blurb was first painted
 * (the frame's time, on the page's clock: what a reader would have seen).
 */
export const FLASH_SAMPLER = `
(() => {
  const seen = { frames: 0, visibleFrames: {}, firstVisibleAt: {} };
  window.__shelfmarkFlash = seen;
  const sample = (frameTime) => {
    seen.frames++;
    for (const li of document.querySelectorAll('li.blurb')) {
      const heading = li.querySelector('.header h4.heading, h4.heading');
      if (heading && heading.checkVisibility({ visibilityProperty: true, opacityProperty: true })) {
        const key = li.id || li.className;
        seen.visibleFrames[key] = (seen.visibleFrames[key] || 0) + 1;
        if (!(key in seen.firstVisibleAt)) seen.firstVisibleAt[key] = frameTime;
      }
    }
    if (seen.frames < 600) requestAnimationFrame(sample);
  };
  requestAnimationFrame(sample);
})();
`;

export interface FlashSamples {
  frames: number;
  /** Blurb id → number of frames in which its content was visible. */
  visibleFrames: Record<string, number>;
  /** Blurb id → the time (performance.now() clock) of the first frame that painted it visible. */
  firstVisibleAt: Record<string, number>;
}
