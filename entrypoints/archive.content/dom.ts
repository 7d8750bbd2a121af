/**
 * Building the extension's own elements. Text goes in as text nodes, never as
 * markup: page and reader text (tags, titles, rule labels) can hold anything.
 */
type Child = Node | string | null | undefined | false;

/** Every element the extension drew (all go through `h`), for untrusted-events.ts. */
const ownElements = new WeakSet<Element>();

/** Whether `target` is, or sits inside, an element the extension drew. */
export function isOwnElement(target: EventTarget | null): boolean {
  for (let node = target instanceof Node ? target : null; node; node = node.parentNode) {
    if (node instanceof Element && ownElements.has(node)) return true;
  }
  return false;
}

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: { class?: string; attrs?: Record<string, string>; on?: Partial<Record<keyof HTMLElementEventMap, EventListener>> } = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  ownElements.add(el);
  if (props.class) el.className = props.class;
  for (const [name, value] of Object.entries(props.attrs ?? {})) el.setAttribute(name, value);
  for (const [type, listener] of Object.entries(props.on ?? {})) el.addEventListener(type, listener as EventListener);
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child);
  }
  return el;
}

/**
 * The attribute whose value shadow.css shows as the element's text. The
 * browser's find (`window.find`, open to page scripts) searches text nodes
 * even inside closed shadow roots, but not generated content: what says the
 * reader's state is drawn this way (closed-host.ts).
 */
export const DRAWN_TEXT = 'data-text';

/** A span showing `text` as generated content (see DRAWN_TEXT); screen readers read it too. */
export function drawnText(className: string, text: string, attrs: Record<string, string> = {}): HTMLSpanElement {
  return h('span', { class: className, attrs: { ...attrs, [DRAWN_TEXT]: text } });
}
