/**
 * An init script for the page's main world, from document_start: adds up the
 * page's layout shifts (the Layout Instability API's `layout-shift` entries,
 * which only an observer sees), leaving out those right after the reader's
 * input, as cumulative layout shift does, and those of nothing but the
 * archive's own chrome — its header, its navigation, its filter form — which
 * its scripts fold and fill at load with or without Shelfmark.
 */
export const LAYOUT_SHIFT_WATCH = `
(() => {
  const ARCHIVE_CHROME = '#header, ul.navigation, form.filters, #work-filters, dl.filters';
  const shift = { value: 0, entries: 0, moved: [] };
  const describe = (node) => !node ? '(gone)' : node.nodeType !== 1 ? node.nodeName : node.tagName.toLowerCase() + (node.id ? '#' + node.id : '') + (node.className && typeof node.className === 'string' ? '.' + node.className.trim().split(/\\s+/).join('.') : '');
  window.__shelfmarkLayoutShift = shift;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.hadRecentInput) continue;
      const sources = entry.sources || [];
      if (sources.length > 0 && sources.every((source) => source.node && source.node.nodeType === 1 && source.node.closest(ARCHIVE_CHROME))) continue;
      shift.value += entry.value;
      shift.entries++;
      shift.moved.push(entry.value.toFixed(4) + ' at ' + Math.round(entry.startTime) + ' ms: ' + sources.map((source) => describe(source.node) + ' ' + Math.round(source.previousRect.y) + '→' + Math.round(source.currentRect.y) + ' px').join(', '));
    }
  }).observe({ type: 'layout-shift', buffered: true });
})();
`;

export interface LayoutShift {
  /** The sum of the shifts' scores. */
  value: number;
  entries: number;
  /** Each counted shift: its score and the elements it moved, for a failure's message. */
  moved: string[];
}
