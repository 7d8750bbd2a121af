/**
 * Whether the page is as narrow as a phone's screen: the options page lays the
 * Library out as cards and folds its filters then. Followed as the window resizes.
 */
import { useEffect, useState } from 'preact/hooks';

/** Below this width (in CSS px, at the default text size) the Library's table does not fit: 40em. */
export const NARROW_QUERY = '(max-width: 40em)';

export function useNarrow(): boolean {
  const [narrow, setNarrow] = useState(() => typeof matchMedia === 'function' && matchMedia(NARROW_QUERY).matches);
  useEffect(() => {
    if (typeof matchMedia !== 'function') return;
    const query = matchMedia(NARROW_QUERY);
    const update = () => setNarrow(query.matches);
    update();
    query.addEventListener('change', update);
    return () => query.removeEventListener('change', update);
  }, []);
  return narrow;
}
