/**
 * An init script for the page's main world, from document_start: on every
 * animation frame it notes which blurbs are painted with their content
 * visible, so a test can count the frames in which a work that ends up
 * hidden was visible (a "flash").
 */
export const FLASH_SAMPLER = `
(() => {
  const seen = { frames: 0, visibleFrames: {} };
  window.__shelfmarkFlash = seen;
  const sample = () => {
    seen.frames++;
    for (const li of document.querySelectorAll('li.blurb')) {
      const heading = li.querySelector('.header h4.heading, h4.heading');
      if (heading && heading.checkVisibility({ visibilityProperty: true, opacityProperty: true })) {
        const key = li.id || li.className;
        seen.visibleFrames[key] = (seen.visibleFrames[key] || 0) + 1;
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
}
