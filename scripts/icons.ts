/**
 * Renders assets/icon.svg into public/icon/{16,32,48,96,128}.png.
 *
 *   npm run icons
 *
 * Run it after changing the drawing and commit the PNGs with it
 * (tests/package/icons.test.ts checks they match).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ICON_SIZES, ICON_SOURCE, iconFile, renderIcon } from './lib/icons';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const svg = readFileSync(join(root, ICON_SOURCE), 'utf8');
for (const size of ICON_SIZES) {
  const png = renderIcon(svg, size);
  writeFileSync(join(root, iconFile(size)), png);
  console.log(`${iconFile(size)}  ${png.length} B`);
}
