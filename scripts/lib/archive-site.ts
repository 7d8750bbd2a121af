/**
 * The archive's own stylesheets, scripts and images (`../shared/fixtures/ao3-site/`,
 * listed in its manifest.json by the path pages request them at), served to
 * real browsers beside the archive's pages so they show the archive's real
 * layout (its narrow-screen rules below 42em included) and run its own scripts
 * (jQuery, which pages load from Google's CDN, and the archive's handlers)
 * beside the content script.
 *
 * Like the real pages, the folder is not in the repository: `$AO3_SITE` when
 * set, else `ao3-site` beside the real pages' folder (so `AO3_PAGES=/nowhere`
 * runs without both). Without it every asset is answered as before — empty
 * stylesheets and scripts, a 404 for the rest — and a notice says so once.
 * Nothing here ever reaches the network: an asset the folder lacks is an empty 404.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isArchiveHost } from '../../utils/hosts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export interface SiteAsset {
  status: number;
  contentType: string;
  body: Buffer | string;
}

interface ManifestEntry {
  path: string;
  file: string;
}

/** The official site skins in the folder (`site-skins/<name>/`), as a reader picks them in their preferences. */
export type SiteSkin = 'reversi' | 'dark_mode' | 'low_vision_default' | 'snow';

/** The CDN copies the archive's pages load, and the file in the folder that holds the same version. */
const CDN_SCRIPTS: Record<string, string> = {
  'https://ajax.googleapis.com/ajax/libs/jquery/1.9.0/jquery.min.js': '/javascripts/jquery.min.js',
  'https://ajax.googleapis.com/ajax/libs/jqueryui/1.10.0/jquery-ui.min.js': '/javascripts/jquery-ui.min.js',
};
/** The CDN's host, for the HTTPS archive that answers it too. */
export const CDN_HOST = 'ajax.googleapis.com';

const TYPES: Record<string, string> = {
  '.css': 'text/css',
  '.js': 'application/javascript',
  '.png': 'image/png',
  '.gif': 'image/gif',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
};

/** Where the folder is, or null when it is absent. */
export function archiveSiteDir(): string | null {
  const dir = process.env.AO3_SITE
    || (process.env.AO3_PAGES ? join(process.env.AO3_PAGES, '../ao3-site') : join(repoRoot, '../shared/fixtures/ao3-site'));
  return existsSync(join(dir, 'manifest.json')) ? dir : null;
}

let files: Map<string, string> | null = null;
let noticePrinted = false;

/** Path requested → file on disk, read once. Empty when the folder is absent. */
function siteFiles(): Map<string, string> {
  if (files) return files;
  files = new Map();
  const dir = archiveSiteDir();
  if (!dir) {
    if (!noticePrinted) {
      noticePrinted = true;
      console.warn('NOTICE: the archive\'s stylesheets and scripts not found (set AO3_SITE or place them at ../shared/fixtures/ao3-site); archive pages are served without them.');
    }
    return files;
  }
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as ManifestEntry[];
  for (const entry of manifest) files.set(entry.path, join(dir, entry.file));
  return files;
}

const cache = new Map<string, Buffer>();
function read(file: string): Buffer {
  let body = cache.get(file);
  if (!body) {
    body = readFileSync(file);
    cache.set(file, body);
  }
  return body;
}

/** The archive's asset at `path` from the folder, or null when the folder lacks it. */
function fromFolder(path: string): SiteAsset | null {
  const file = siteFiles().get(path);
  if (!file) return null;
  return { status: 200, contentType: TYPES[extname(path)] ?? 'application/octet-stream', body: read(file) };
}

const NOT_FOUND: SiteAsset = { status: 404, contentType: 'text/plain', body: '' };

/** Whether `url` is one of the archive's CDN scripts (served from the folder, never fetched). */
export function isCdnScript(url: URL): boolean {
  return url.href in CDN_SCRIPTS;
}

/**
 * The answer to a request for an archive asset (any archive URL that is not a
 * page the test serves) or for one of its CDN scripts: the folder's file, an
 * empty 404 when the folder lacks it — or, without the folder, the empty
 * stylesheets and scripts the tests served before it existed.
 */
export function archiveAsset(url: URL): SiteAsset {
  const cdn = CDN_SCRIPTS[url.href];
  if (!isArchiveHost(url.hostname) && cdn === undefined) return NOT_FOUND;
  const path = cdn ?? url.pathname;
  if (siteFiles().size === 0) {
    if (path.endsWith('.css')) return { status: 200, contentType: 'text/css', body: '' };
    if (path.endsWith('.js')) return { status: 200, contentType: 'application/javascript', body: '' };
    return NOT_FOUND;
  }
  return fromFolder(path) ?? NOT_FOUND;
}

/** Whether the archive's stylesheets and scripts are there to serve (else tests of its real layout are skipped). */
export function hasArchiveSite(): boolean {
  return siteFiles().size > 0;
}

/** The stylesheets of an official site skin, as the site adds them after the default skin's; throws without the folder. */
export function siteSkinCss(skin: SiteSkin): string {
  const dir = archiveSiteDir();
  if (!dir) throw new Error('the archive\'s site skins are not available');
  const prefix = `/site-skins/${skin}/`;
  const paths = [...siteFiles().keys()].filter((p) => p.startsWith(prefix));
  // The screen stylesheet first, then the narrower-width ones, as the site orders them.
  paths.sort((a, b) => Number(!a.includes('site_screen')) - Number(!b.includes('site_screen')));
  return paths.map((p) => {
    const css = read(siteFiles().get(p)!).toString('utf8');
    return p.includes('midsize') ? `@media only screen and (max-width: 62em) {\n${css}\n}` : css;
  }).join('\n');
}

/**
 * The cookie a reader's browser holds once they accepted the archive's Terms of Service: without it the
 * archive's own script covers every page with its consent prompt, as it does on a first visit.
 */
export const ACCEPTED_TOS_COOKIE = { name: 'accepted_tos', value: '20241119', domain: 'archiveofourown.org', path: '/' } as const;
