/**
 * The least any extension that works as Shelfmark does can cost a page: an
 * extension whose one content script runs at document_start on the archive's
 * pages and does nothing. Chromium still creates the extension's isolated
 * world for it while the parser waits (some 10–20 ms on the benches'
 * machines, before the script's first statement runs). The paint bench
 * loads the pages in it too, beside the bare ones, so the table shows how
 * much of Shelfmark's figure is that floor.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ARCHIVE_MATCHES } from '../../utils/hosts';

export interface FloorExtension {
  path: string;
  remove(): void;
}

/** Writes the do-nothing extension to a temporary directory (its worker is empty: the harness waits for one). */
export function writeFloorExtension(): FloorExtension {
  const path = mkdtempSync(join(tmpdir(), 'shelfmark-floor-'));
  const manifest = {
    manifest_version: 3,
    name: 'Document-start floor',
    version: '1.0.0',
    background: { service_worker: 'background.js' },
    content_scripts: [{ matches: ARCHIVE_MATCHES, run_at: 'document_start', js: ['content.js'] }],
  };
  writeFileSync(join(path, 'manifest.json'), JSON.stringify(manifest));
  writeFileSync(join(path, 'background.js'), '');
  writeFileSync(join(path, 'content.js'), 'void 0;\n');
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}
