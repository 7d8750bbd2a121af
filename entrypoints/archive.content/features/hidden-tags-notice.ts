/**
 * When the reader's archive preferences hide warnings or additional tags in
 * blurbs, rules can't see those tags. Say so once, above the list, and offer
 * to show them: the button clicks the archive's own "Show warnings" / "Show
 * additional tags" links, so the archive itself loads them, and the blurbs
 * are read and classified again as their tags arrive.
 */
import { t } from '../../../utils/i18n';
import { h } from '../dom';

const PLACEHOLDER_LINKS = 'li[id$="_category_warnings"] a, li[id$="_category_freeforms"] a';

export function showHiddenTagsNotice(blurbs: readonly HTMLElement[], onTagsLoaded: (blurb: HTMLElement) => void): void {
  const withPlaceholders = blurbs.filter((b) => b.querySelector(PLACEHOLDER_LINKS));
  const first = blurbs[0];
  if (withPlaceholders.length === 0 || !first?.parentElement) return;

  const button = h('button', { class: 'shelfmark-button', attrs: { type: 'button' } }, t('hiddenTagsShow'));
  const notice = h(
    'div',
    { class: 'shelfmark-notice shelfmark-hidden-tags-notice', attrs: { role: 'note' } },
    h(
      'span',
      { class: 'shelfmark-notice-text' },
      t('hiddenTagsNotice'),
    ),
    button,
  );
  button.addEventListener('click', () => {
    for (const blurb of withPlaceholders) {
      const list = blurb.querySelector('ul.tags');
      if (list) {
        const observer = new MutationObserver(() => {
          if (blurb.querySelector(PLACEHOLDER_LINKS)) return;
          observer.disconnect();
          onTagsLoaded(blurb);
        });
        observer.observe(list, { childList: true, subtree: true });
      }
      for (const link of blurb.querySelectorAll<HTMLElement>(PLACEHOLDER_LINKS)) link.click();
    }
    notice.remove();
  });
  first.parentElement.before(notice);
}
