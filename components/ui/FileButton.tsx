/** A button that opens the file picker: the input itself stays out of sight and out of the tab order. */
import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';

export interface FileButtonProps {
  /** What the picker accepts, as in `<input accept>`. */
  accept: string;
  /** The hidden input's accessible name. */
  fileLabel: string;
  disabled?: boolean;
  /** The id of a text that describes the button (why it is disabled, say). */
  describedBy?: string;
  onFile(file: File): void;
  children: ComponentChildren;
}

export function FileButton({ accept, fileLabel, disabled, describedBy, onFile, children }: FileButtonProps) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" class="sm-button" disabled={disabled} aria-describedby={describedBy} onClick={() => input.current?.click()}>
        {children}
      </button>
      <input
        ref={input}
        type="file"
        accept={accept}
        class="sm-visually-hidden"
        tabIndex={-1}
        aria-label={fileLabel}
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          // Cleared so choosing the same file again fires another change.
          event.currentTarget.value = '';
          if (file) onFile(file);
        }}
      />
    </>
  );
}
