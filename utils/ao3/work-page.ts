/**
 * A work page: `/works/N` (one-shot), `/works/N/chapters/C` (one chapter) and
 * `?view_full_work=true` (every chapter). Metadata from `dl.work.meta`, title,
 * byline and summary from the work's preface, chapters from the chapter
 * select and the `div.chapter`s the page shows.
 */
import type { Author, ChapterRef, CollectionRef, HiddenTags, SeriesPart, Tag, TagType, WorkPage, WorkView } from './types';
import { hasLockIcons, isRecipientLink, readAuthors, recipientFromLink } from './byline';
import { blockText, countField, firstClass, kudosField, statsFields } from './module';
import { hiddenTagPlaceholder, namesOf, tagFromLink } from './tags';
import { collapse, idAfter, parseCount, parseDate, pathOf, textOf } from './text';
import { parseChapters } from './work-blurb';

const META_TAG_TYPES = new Map<string, TagType>(
  (['rating', 'warning', 'category', 'fandom', 'relationship', 'character', 'freeform'] as const).map((t) => [t, t]),
);

interface Meta {
  tags: Tag[];
  hidden: HiddenTags;
  language: Element | null;
  series: SeriesPart[];
  collections: CollectionRef[];
  stats: Map<string, Element>;
  statsList: Element | null;
  statusLabel: string;
}

/** `dl.work.meta.group`: `dd.<type>.tags`, language, series, collections and the stats. */
function readMeta(dl: Element | null): Meta {
  const meta: Meta = {
    tags: [],
    hidden: { warnings: false, freeforms: false },
    language: null,
    series: [],
    collections: [],
    stats: new Map(),
    statsList: null,
    statusLabel: '',
  };
  if (!dl) return meta;
  for (const dd of dl.children) {
    if (dd.localName !== 'dd') continue;
    const cls = dd.classList;
    const type = META_TAG_TYPES.get(firstClass(dd));
    if (type && cls.contains('tags')) {
      for (const li of dd.querySelectorAll('li')) {
        const placeholder = hiddenTagPlaceholder(li, li.querySelector('a'));
        if (placeholder) {
          meta.hidden[placeholder] = true;
          continue;
        }
        const a = li.querySelector('a.tag');
        if (a) meta.tags.push(tagFromLink(type, a));
      }
    } else if (cls.contains('language')) {
      meta.language = dd;
    } else if (cls.contains('series')) {
      for (const position of dd.querySelectorAll('span.position')) {
        const a = position.querySelector('a[href*="/series/"]');
        const id = idAfter(a?.getAttribute('href'), 'series');
        const part = parseCount(/Part\s+([\d,]+)/.exec(textOf(position))?.[1]);
        if (a && id !== null) meta.series.push({ id, title: textOf(a), part: part ?? 0 });
      }
    } else if (cls.contains('collections')) {
      for (const a of dd.querySelectorAll('a')) meta.collections.push({ name: textOf(a), url: pathOf(a.getAttribute('href')) });
    } else if (cls.contains('stats')) {
      const stats = dd.querySelector('dl.stats');
      meta.stats = statsFields(stats);
      meta.statsList = stats;
      meta.statusLabel = textOf(stats?.querySelector('dt.status'));
    }
  }
  return meta;
}

/**
 * The work id: the page's own URL (`/works/N…`) decides; without one (a saved page read with no URL),
 * the kudos form, the "Entire Work"/"Chapter by Chapter" link, then the download links. Markup is
 * never believed over the URL: a script in the page can put another work's id in its forms.
 */
function findWorkId(doc: Document, url: string | null | undefined): number | null {
  const fromUrl = idAfter(url, 'works');
  if (fromUrl !== null) return fromUrl;
  const kudo = doc.querySelector('#kudo_commentable_id');
  const fromKudo = parseCount(kudo?.getAttribute('value'));
  if (fromKudo !== null) return fromKudo;
  for (const a of doc.querySelectorAll('li.chapter.entire a, li.chapter.bychapter a')) {
    const id = idAfter(a.getAttribute('href'), 'works');
    if (id !== null) return id;
  }
  const download = doc.querySelector('li.download a[href*="/downloads/"]');
  const fromDownload = idAfter(download?.getAttribute('href'), 'downloads');
  return fromDownload;
}

/** "Chapter 3: Title" → "Title"; an untitled chapter is called "Chapter 3", as the chapter index does. */
function chapterFromDiv(div: Element): ChapterRef | null {
  const h3 = div.querySelector('h3.title');
  const link = h3?.querySelector('a[href*="/chapters/"]');
  const id = idAfter(link?.getAttribute('href'), 'chapters');
  if (!h3 || !link || id === null) return null;
  const linkText = textOf(link);
  const position = parseCount(/^chapter-(\d+)$/.exec(div.id)?.[1]) ?? parseCount(/(\d+)\s*$/.exec(linkText)?.[1]) ?? 0;
  // The title is plain text after the link; elements other extensions add there aren't part of it.
  let after = '';
  for (let node = link.nextSibling; node; node = node.nextSibling) {
    if (node.nodeType === 3) after += node.nodeValue ?? '';
  }
  const title = collapse(after).replace(/^:\s*/, '');
  return { id, position, title: title || linkText };
}

/** `#selected_id` options: "N. Title", titles cut to 50 characters plus "...". */
function chaptersFromSelect(doc: Document): { chapters: ChapterRef[]; selected: ChapterRef | null } {
  const chapters: ChapterRef[] = [];
  let selected: ChapterRef | null = null;
  const options = doc.querySelectorAll('#selected_id option');
  options.forEach((option, index) => {
    const id = parseCount(option.getAttribute('value'));
    if (id === null) return;
    const m = /^(\d+)\.\s*(.*)$/.exec(textOf(option));
    const chapter = { id, position: m ? Number(m[1]) : index + 1, title: m ? m[2]! : textOf(option) };
    chapters.push(chapter);
    if (option.hasAttribute('selected')) selected = chapter;
  });
  return { chapters, selected };
}

function workView(doc: Document, chapterDivs: Element[]): WorkView {
  const main = doc.getElementById('main');
  if (main?.classList.contains('chapters-show')) return 'chapter';
  return chapterDivs.length > 0 || doc.querySelector('li.chapter.bychapter') ? 'full' : 'oneshot';
}

export function readWorkPage(doc: Document, url?: string | null): WorkPage {
  const meta = readMeta(doc.querySelector('dl.work.meta'));
  const titleEl = doc.querySelector('#workskin h2.title') ?? doc.querySelector('h2.title.heading');
  const preface = titleEl?.closest('.preface') ?? null;
  const byline = preface?.querySelector('h3.byline') ?? doc.querySelector('#workskin h3.byline');
  const authors = readAuthors(byline ?? null);
  const recipients: Author[] = [];
  if (preface) {
    for (const a of preface.querySelectorAll('a')) {
      const r = isRecipientLink(a) ? recipientFromLink(a) : null;
      if (r) recipients.push(r);
    }
  }
  const summaryEl = preface?.querySelector('div.summary blockquote.userstuff') ?? null;

  const byType = (type: TagType): string[] => namesOf(meta.tags.filter((t) => t.type === type));
  const stats = meta.stats;
  const chaptersDd = stats.get('chapters');
  const chapters = chaptersDd ? parseChapters(textOf(chaptersDd)) : null;
  const published = parseDate(textOf(stats.get('published')));
  const statusDate = parseDate(textOf(stats.get('status')));
  const isCompleted = /^Completed/i.test(meta.statusLabel);
  let complete: boolean | null = null;
  if (isCompleted) complete = true;
  else if (chapters) complete = chapters.expected !== null && chapters.posted >= chapters.expected;

  const chapterDivs = Array.from(doc.querySelectorAll('#chapters > div.chapter'));
  const view = workView(doc, chapterDivs);
  const select = chaptersFromSelect(doc);
  const fromDivs = chapterDivs.map(chapterFromDiv).filter((c): c is ChapterRef => c !== null);
  // The select names every chapter but cuts long titles; the chapter headings on the page are whole.
  const byId = new Map(select.chapters.map((c) => [c.id, { ...c }]));
  for (const c of fromDivs) byId.set(c.id, { ...byId.get(c.id), ...c });
  const chapterList = [...byId.values()].sort((a, b) => a.position - b.position);

  let currentChapter: WorkPage['currentChapter'] = null;
  if (view === 'chapter') {
    const current: ChapterRef | null = select.selected ?? fromDivs[0] ?? null;
    const id = current?.id ?? idAfter(url, 'chapters');
    currentChapter = { id, position: (id !== null ? byId.get(id)?.position : undefined) ?? current?.position ?? 1 };
  } else if (view === 'oneshot') {
    currentChapter = { id: null, position: 1 };
  }

  const locks = hasLockIcons(titleEl);
  const language = meta.language;
  return {
    workId: findWorkId(doc, url),
    title: textOf(titleEl),
    authors,
    userIds: [],
    anonymous: authors.length === 0 && /^Anonymous\b/.test(textOf(byline)),
    orphaned: authors.some((a) => a.login === 'orphan_account'),
    recipients,
    fandoms: byType('fandom'),
    rating: byType('rating')[0] ?? null,
    warnings: byType('warning'),
    categories: byType('category'),
    complete,
    relationships: byType('relationship'),
    characters: byType('character'),
    freeforms: byType('freeform'),
    tags: meta.tags,
    summary: blockText(summaryEl),
    series: meta.series,
    language: language ? textOf(language) || null : null,
    languageCode: language?.getAttribute('lang') || null,
    words: countField(stats, 'words'),
    chapters,
    collections: meta.collections,
    collectionCount: meta.collections.length,
    comments: countField(stats, 'comments') ?? 0,
    kudos: kudosField(stats, meta.statsList),
    bookmarks: countField(stats, 'bookmarks') ?? 0,
    hits: countField(stats, 'hits') ?? 0,
    restricted: locks.restricted,
    hiddenByAdmin: locks.hiddenByAdmin,
    hiddenTags: meta.hidden,
    view,
    published,
    updated: statusDate ?? published,
    completed: isCompleted ? statusDate : null,
    currentChapter,
    chapterList,
  };
}
