/**
 * The window of a scrolling box that draws only the rows in view (the
 * Library, the Rules tab): its height, followed as the page resizes, and its
 * scroll position, updated once a frame however fast the wheel turns.
 */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';

export function useScrollWindow<T extends HTMLElement>(scrollKey: string) {
  const scroller = useRef<T>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(600);
  const frame = useRef(0);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    setViewport(el.clientHeight);
    const observer = new ResizeObserver(() => setViewport(el.clientHeight));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // A new search, filter, sort or grouping starts from the top (not the first render: it is there already).
  const lastKey = useRef(scrollKey);
  useLayoutEffect(() => {
    if (lastKey.current === scrollKey) return;
    lastKey.current = scrollKey;
    if (scroller.current) scroller.current.scrollTop = 0;
    setScrollTop(0);
  }, [scrollKey]);

  const onScroll = () => {
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(() => setScrollTop(scroller.current?.scrollTop ?? 0));
  };

  return { scroller, scrollTop, setScrollTop, viewport, onScroll };
}
