/** docs/store-listing.md stays within the stores' limits and in line with the built manifest. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHROME_BUILD } from '../e2e/harness';
import { readManifest, shownText } from '../helpers/manifest';

const doc = readFileSync(new URL('../../docs/store-listing.md', import.meta.url), 'utf8');

/** The body of `### heading` inside `## store`, up to the next heading of either level. */
function part(store: string, heading: string): string {
  const storeBody = doc.split(/^## /m).find((s) => s.startsWith(`${store}\n`));
  const body = storeBody?.split(/^### /m).find((s) => s.startsWith(`${heading}\n`));
  if (!body) throw new Error(`docs/store-listing.md has no "${heading}" under "${store}"`);
  return body;
}

/** The one ```text block of a part: the text to paste. */
function pasted(store: string, heading: string): string {
  const block = /```text\n([\s\S]*?)\n```/.exec(part(store, heading))?.[1];
  if (!block) throw new Error(`"${heading}" under "${store}" has no text block`);
  return block;
}

describe('Chrome Web Store', () => {
  const manifest = readManifest(CHROME_BUILD);

  it("gives the manifest's own description as the short description, within 132 characters", () => {
    const short = pasted('Chrome Web Store', 'Short description');
    expect(short).toBe(shownText(CHROME_BUILD, manifest, manifest.description));
    expect(short.length).toBeLessThanOrEqual(132);
  });

  it('justifies every permission the manifest asks for, and the host permissions', () => {
    const justifications = part('Chrome Web Store', 'Permission justifications');
    const justified = [...justifications.matchAll(/^\*\*(.+)\*\*$/gm)].map((match) => match[1]);
    expect(justified).toEqual([...manifest.permissions, 'Host permissions', 'Remote code']);
  });

  it('has a description, a single purpose and a category', () => {
    expect(pasted('Chrome Web Store', 'Description').length).toBeGreaterThan(500);
    expect(pasted('Chrome Web Store', 'Single purpose').length).toBeGreaterThan(0);
    expect(part('Chrome Web Store', 'Category')).toMatch(/\*\*.+\*\*/);
  });
});

describe('Firefox Add-ons', () => {
  it('has a summary within 250 characters', () => {
    const summary = pasted('Firefox Add-ons', 'Summary');
    expect(summary.length).toBeGreaterThan(0);
    expect(summary.length).toBeLessThanOrEqual(250);
  });
});
