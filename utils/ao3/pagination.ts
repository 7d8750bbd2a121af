/**
 * `ol.pagination`: pagy (`a.current[aria-current=page]`, works, bookmarks and
 * readings) or will_paginate (`span.current`, search, series, tags/show).
 */
import type { PageRecord } from './types';
import { parseCount, textOf } from './text';

export function readPagination(root: ParentNode): PageRecord['pagination'] {
  const ol = root.querySelector('ol.pagination');
  if (!ol) return null;
  let current: number | null = null;
  let last = 0;
  let next: string | null = null;
  for (const li of ol.children) {
    if (li.classList.contains('next')) {
      next = li.querySelector('a[href]')?.getAttribute('href') ?? null;
      continue;
    }
    if (li.classList.contains('previous')) continue;
    const n = parseCount(textOf(li));
    if (n === null) continue;
    last = Math.max(last, n);
    if (li.querySelector('.current, [aria-current="page"]')) current = n;
  }
  current ??= 1;
  return { current, last: Math.max(last, current), next };
}
