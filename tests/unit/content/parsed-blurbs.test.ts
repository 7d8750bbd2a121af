/**
 * Blurbs handed over while the page is parsed: the parser is played by hand
 * (nodes appended one at a time into a linkedom document), and each step
 * lets the MutationObserver's microtask run.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { ParsedBlurbs } from '../../../entrypoints/archive.content/parsed-blurbs';

const previousObserver = globalThis.MutationObserver;

describe('blurbs handed over as they are parsed', () => {
  let doc: Document;
  let batches: string[][];
  let watcher: ParsedBlurbs;

  beforeEach(() => {
    const dom = parseHTML('<!doctype html><html><head></head><body></body></html>');
    doc = dom.document as unknown as Document;
    globalThis.MutationObserver = dom.MutationObserver as unknown as typeof MutationObserver;
    batches = [];
    watcher = new ParsedBlurbs(doc, (blurbs) => batches.push(blurbs.map((li) => li.id)));
  });
  afterEach(() => {
    watcher.stop();
    globalThis.MutationObserver = previousObserver;
  });

  const parsed = () => new Promise((resolve) => setTimeout(resolve, 0));
  function element(tag: string, attrs: Record<string, string> = {}, ...children: Node[]): Element {
    const el = doc.createElement(tag);
    for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
    el.append(...children);
    return el;
  }
  const blurb = (id: string, cls = 'work blurb group', ...children: Node[]) => element('li', { id, class: cls }, ...children);
  const text = () => doc.createTextNode('\n');

  it('hands over each blurb of the list once the parser has closed it, in page order', async () => {
    doc.body.append(element('div', { id: 'header' }, element('ul', {}, element('li', { class: 'blurb' }))));
    await parsed();
    const main = element('div', { id: 'main', class: 'works-index' });
    doc.body.append(main);
    const list = element('ol', { class: 'work index group' });
    main.append(element('h2'), list);
    list.append(text(), blurb('work_1'));
    await parsed();
    // Nothing follows the first blurb yet: the parser may still be inside it.
    expect(batches).toEqual([]);

    list.append(text(), blurb('work_2'), text(), blurb('work_3'));
    await parsed();
    expect(batches).toEqual([['work_1', 'work_2']]);

    // The list is closed: what follows it in #main follows its last blurb too.
    main.append(element('ol', { class: 'pagination' }));
    await parsed();
    expect(batches).toEqual([['work_1', 'work_2'], ['work_3']]);
  });

  it('skips what findBlurbElements skips: blurbs of other kinds and blurbs nested in a blurb', async () => {
    const main = element('div', { id: 'main' });
    doc.body.append(main);
    const list = element('ol', { class: 'bookmark index group' });
    main.append(list);
    const grouped = blurb('bookmark_1', 'bookmark blurb group', element('ol', {}, blurb('bookmark_2', 'short blurb group')));
    list.append(grouped, text(), blurb('collection_1', 'collection blurb group'), text(), element('p'), blurb('bookmark_3', 'bookmark blurb group'));
    main.append(element('ol', { class: 'pagination' }));
    await parsed();
    expect(batches).toEqual([['bookmark_1', 'bookmark_3']]);
  });

  it('hands over nothing once stopped', async () => {
    const main = element('div', { id: 'main' });
    doc.body.append(main);
    const list = element('ol', { class: 'work index group' });
    main.append(list);
    await parsed();
    watcher.stop();
    list.append(blurb('work_1'), text());
    await parsed();
    expect(batches).toEqual([]);
  });
});
