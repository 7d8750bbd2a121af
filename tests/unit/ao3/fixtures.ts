import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArchiveHtml } from '../../../scripts/lib/html';
import type { Blurb, PageRecord } from '../../../utils/ao3/types';
import { readPage } from '../../../utils/ao3/page';

const dir = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/ao3');

/** A hand-written fixture from tests/fixtures/ao3. */
export function fixtureDocument(name: string): Document {
  return parseArchiveHtml(readFileSync(join(dir, name), 'utf8'));
}

export const NOW = new Date('2024-06-15T12:00:00Z');

export function readFixture(name: string, url?: string | null): PageRecord {
  return readPage(fixtureDocument(name), url, NOW);
}

/** Narrows a blurb to one type, failing the test otherwise. */
export function as<T extends Blurb['type']>(blurb: Blurb | undefined, type: T): Extract<Blurb, { type: T }> {
  if (!blurb || blurb.type !== type) throw new Error(`expected a ${type} blurb, got ${JSON.stringify(blurb)}`);
  return blurb as Extract<Blurb, { type: T }>;
}

/** A document from a fragment of markup, wrapped in the archive's page chrome. */
export function archiveDoc(mainClass: string, inner: string, bodyClass = 'logged-out'): Document {
  return parseArchiveHtml(
    `<!DOCTYPE html><html><head><title>t</title></head><body class="${bodyClass}"><div id="main" class="${mainClass} region">${inner}</div></body></html>`,
  );
}
