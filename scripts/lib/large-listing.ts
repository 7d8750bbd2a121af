/**
 * A works listing of any size built from real blurbs: the blurbs of every
 * real tag listing, repeated with fresh ids into one real page's list. Used by
 * the bench (and the tests that need a long page) so long-page figures come
 * from real markup, not from a synthetic blurb.
 */
import { parseArchiveHtml } from './html';

export interface ListingSource {
  url: string;
  html: string;
}

export interface LargeListing {
  url: string;
  html: string;
  blurbs: number;
}

function rewriteWorkId(li: Element, newId: number): void {
  li.setAttribute('id', `work_${newId}`);
  const classes = (li.getAttribute('class') ?? '').replace(/\bwork-\d+\b/, `work-${newId}`);
  li.setAttribute('class', classes);
}

export function buildLargeListing(sources: ListingSource[], count: number): LargeListing {
  const [host, ...rest] = sources;
  if (!host) throw new Error('buildLargeListing needs at least one listing page');
  const doc = parseArchiveHtml(host.html);
  const list = doc.querySelector('ol.work.index.group');
  if (!list) throw new Error(`${host.url} has no works list`);

  const pool: Element[] = [];
  for (const source of [host, ...rest]) {
    const sourceDoc = source === host ? doc : parseArchiveHtml(source.html);
    pool.push(...Array.from(sourceDoc.querySelectorAll('ol.work.index.group > li.work.blurb')));
  }
  if (pool.length === 0) throw new Error('no work blurbs in the listing pages');

  const blurbs: Element[] = [];
  for (let i = 0; i < count; i++) {
    const template = pool[i % pool.length]!;
    const copy = template.cloneNode(true) as Element;
    // Fresh ids past any real one, so no two blurbs on the page share a work.
    rewriteWorkId(copy, 900_000_000 + i);
    blurbs.push(copy);
  }
  list.replaceChildren(...blurbs);
  return { url: host.url, html: doc.toString(), blurbs: count };
}
