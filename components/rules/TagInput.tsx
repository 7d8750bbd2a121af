/**
 * A text input with tag suggestions, following the ARIA combobox pattern
 * (list autocomplete): the input keeps focus, Arrow keys move through the
 * listbox (aria-activedescendant), Enter picks, Escape closes. The label is
 * the caller's `<label for={id}>`.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { t, tn } from '../../utils/i18n';
import { TAG_TYPE_NAMES, lastListEntry, replaceLastEntry, type TagSuggestion } from './suggest';

export interface TagInputProps {
  id: string;
  value: string;
  onChange(value: string): void;
  onBlur?(): void;
  /** Suggestions for what is being typed; may be async. Errors are treated as no suggestions. */
  suggest(query: string): Promise<TagSuggestion[]> | TagSuggestion[];
  /** A comma-separated list: suggestions complete the last entry. */
  multiple?: boolean;
  /** No suggestions (e.g. while the text is a regular expression). */
  noSuggestions?: boolean;
  invalid?: boolean;
  describedBy?: string;
  placeholder?: string;
}

const DEBOUNCE_MS = 90;

export function TagInput(props: TagInputProps) {
  const { id, value, onChange, onBlur, suggest, multiple = false, noSuggestions = false, invalid = false, describedBy, placeholder } = props;
  const [options, setOptions] = useState<TagSuggestion[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const latest = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const listId = `${id}-listbox`;

  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);

  // Keep the active option in view as the arrows move through a long list.
  useEffect(() => {
    if (active < 0) return;
    listRef.current?.querySelector(`#${CSS.escape(`${id}-option-${active}`)}`)?.scrollIntoView?.({ block: 'nearest' });
  }, [active, id]);

  const close = () => {
    latest.current++;
    if (timer.current) clearTimeout(timer.current);
    setOpen(false);
    setActive(-1);
  };

  const lookUp = (text: string, immediately = false) => {
    if (noSuggestions) return;
    const query = multiple ? lastListEntry(text).entry : text.trim();
    const ticket = ++latest.current;
    if (timer.current) clearTimeout(timer.current);
    const run = async () => {
      let found: TagSuggestion[];
      try {
        found = await suggest(query);
      } catch {
        found = [];
      }
      if (ticket !== latest.current) return;
      setOptions(found);
      setActive(-1);
      setOpen(found.length > 0);
    };
    if (immediately) void run();
    else timer.current = setTimeout(() => void run(), DEBOUNCE_MS);
  };

  const pick = (option: TagSuggestion) => {
    onChange(multiple ? replaceLastEntry(value, option.name) : option.name);
    close();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!open) {
        lookUp(value, true);
        return;
      }
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current) => {
        const count = options.length;
        if (count === 0) return -1;
        if (current < 0) return step > 0 ? 0 : count - 1;
        return (current + step + count) % count;
      });
    } else if (event.key === 'Enter' && open && active >= 0) {
      event.preventDefault();
      const option = options[active];
      if (option) pick(option);
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      event.stopPropagation();
      close();
    } else if (event.key === 'Tab') {
      close();
    }
  };

  const showing = open && options.length > 0 && !noSuggestions;
  return (
    <div class="sm-combobox">
      <input
        id={id}
        type="text"
        role="combobox"
        autocomplete="off"
        spellcheck={false}
        aria-autocomplete="list"
        aria-expanded={showing}
        aria-controls={listId}
        aria-activedescendant={showing && active >= 0 ? `${id}-option-${active}` : undefined}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        placeholder={placeholder}
        value={value}
        onInput={(event) => {
          const text = event.currentTarget.value;
          onChange(text);
          lookUp(text);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => {
          close();
          onBlur?.();
        }}
      />
      <ul id={listId} ref={listRef} role="listbox" aria-label={t('suggestedTags')} class="sm-listbox" hidden={!showing}>
        {options.map((option, i) => (
          <li
            key={`${option.type}:${option.name}`}
            id={`${id}-option-${i}`}
            role="option"
            aria-selected={i === active}
            class={i === active ? 'sm-option sm-option-active' : 'sm-option'}
            // Keep focus in the input: the click picks without a blur first.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => pick(option)}
          >
            <span class="sm-option-name">{option.name}</span>
            <span class="sm-option-meta">
              {tn(option.onPage ? 'suggestOnPage' : 'suggestWorks', option.count, t(TAG_TYPE_NAMES[option.type]))}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
