/**
 * The extension's icons: one drawing (assets/icon.svg) rendered to every PNG
 * size the manifests list. `npm run icons` writes them; a test re-renders
 * them to check the committed files are exactly this output.
 */
import { Resvg } from '@resvg/resvg-js';

export const ICON_SOURCE = 'assets/icon.svg';
export const ICON_SIZES = [16, 32, 48, 96, 128] as const;

/** Where each size goes, relative to the repository root (WXT copies public/ into the build). */
export function iconFile(size: number): string {
  return `public/icon/${size}.png`;
}

/**
 * Chrome shows the 128 px icon in its store and install dialog and asks for
 * 96 px of art inside a transparent margin there; the smaller sizes (toolbar,
 * extensions page) use the whole square so the mark stays as large as it can.
 */
const PADDED_SIZE = 128;
const PADDED_ART = 96;

export function renderIcon(svg: string, size: number): Buffer {
  const drawing = size === PADDED_SIZE ? withMargin(svg, PADDED_ART / PADDED_SIZE) : svg;
  // No fonts: the drawing has no text, and system fonts would make the output depend on the machine.
  const resvg = new Resvg(drawing, { fitTo: { mode: 'width', value: size }, font: { loadSystemFonts: false } });
  return resvg.render().asPng();
}

/** Widens the drawing's square viewBox so its art fills `artFraction` of the width, centred. */
function withMargin(svg: string, artFraction: number): string {
  const viewBox = /viewBox="0 0 (\d+) \1"/.exec(svg);
  if (!viewBox?.[1]) throw new Error(`${ICON_SOURCE} must have a square viewBox="0 0 N N"`);
  const side = Number(viewBox[1]);
  const wide = side / artFraction;
  const margin = (wide - side) / 2;
  return svg.replace(viewBox[0], `viewBox="${-margin} ${-margin} ${wide} ${wide}"`);
}
