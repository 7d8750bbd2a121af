/** The committed icons are exactly what `npm run icons` renders from assets/icon.svg, at the sizes their names say. */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ICON_SIZES, ICON_SOURCE, iconFile, renderIcon } from '../../scripts/lib/icons';
import { pngSize } from '../helpers/png';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const svg = readFileSync(join(root, ICON_SOURCE), 'utf8');

describe.each(ICON_SIZES)('public/icon/%i.png', (size) => {
  const committed = readFileSync(join(root, iconFile(size)));

  it('is square at its size', () => {
    expect(pngSize(committed)).toEqual({ width: size, height: size });
  });

  it('is byte for byte the rendering of assets/icon.svg (run `npm run icons` after changing the drawing)', () => {
    expect(committed.equals(renderIcon(svg, size))).toBe(true);
  });
});
