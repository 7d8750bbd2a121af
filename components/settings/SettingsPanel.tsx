/** Settings: tracking, private windows, hidden works, badge style and theme. Each change is saved at once. */
import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';
import type { Settings } from '../../utils/db/settings';
import { STATUS_LABELS, STATUS_MARKS } from '../../utils/library/display';

export interface SettingsPanelProps {
  settings: Settings | null;
  onChange(values: Partial<Settings>): void;
}

function Choice<T extends string>(props: { legend: string; hint?: string; name: string; value: T | undefined; options: Array<{ value: T; label: ComponentChildren }>; onChange(value: T): void; disabled: boolean }) {
  return (
    <fieldset class="sm-setting sm-segmented-block">
      <legend class="sm-setting-title">{props.legend}</legend>
      {props.hint && <p class="sm-hint">{props.hint}</p>}
      <div class="sm-segmented">
        {props.options.map((option) => (
          <label key={option.value} class="sm-segment">
            <input type="radio" name={props.name} value={option.value} checked={props.value === option.value} disabled={props.disabled} onChange={() => props.onChange(option.value)} />
            {option.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function Switch(props: { label: string; hint: string; checked: boolean | undefined; onChange(checked: boolean): void; disabled: boolean }) {
  const id = useId();
  return (
    <div class="sm-setting">
      <label class="sm-switch">
        <input type="checkbox" role="switch" checked={props.checked ?? false} disabled={props.disabled} aria-describedby={`${id}-hint`} onChange={(e) => props.onChange(e.currentTarget.checked)} />
        <span class="sm-setting-title">{props.label}</span>
      </label>
      <p class="sm-hint" id={`${id}-hint`}>
        {props.hint}
      </p>
    </div>
  );
}

export function SettingsPanel({ settings, onChange }: SettingsPanelProps) {
  const disabled = settings === null;
  return (
    <div class="sm-settings" aria-busy={disabled || undefined}>
      <section class="sm-settings-group" aria-labelledby="sm-settings-reading">
        <h2 id="sm-settings-reading" class="sm-section-title">
          Reading
        </h2>
        <Switch
          label="Track what I read"
          hint="Record the works and chapters you open, for History, “Continue reading” and reading badges. Turning it off keeps what was recorded."
          checked={settings ? !settings.trackingPaused : undefined}
          disabled={disabled}
          onChange={(on) => onChange({ trackingPaused: !on })}
        />
        <Switch
          label="Record in private windows"
          hint="Off: nothing you read or save in a private (incognito) window is recorded."
          checked={settings?.recordPrivateWindows}
          disabled={disabled}
          onChange={(on) => onChange({ recordPrivateWindows: on })}
        />
      </section>
      <section class="sm-settings-group" aria-labelledby="sm-settings-listings">
        <h2 id="sm-settings-listings" class="sm-section-title">
          Lists of works
        </h2>
        <Choice
          legend="Hidden works"
          name="hiddenWorks"
          value={settings?.hiddenWorks}
          disabled={disabled}
          options={[
            { value: 'placeholder', label: 'Show a one-line placeholder' },
            { value: 'remove', label: 'Remove them from the page' },
          ]}
          onChange={(hiddenWorks) => onChange({ hiddenWorks })}
        />
        <Choice
          legend="Badges"
          hint="How saved and reading badges show on each work."
          name="badgeStyle"
          value={settings?.badgeStyle}
          disabled={disabled}
          options={[
            { value: 'full', label: <span>Named <span class="sm-badge-sample">{STATUS_MARKS['to-read']} {STATUS_LABELS['to-read']}</span></span> },
            { value: 'compact', label: <span>Compact <span class="sm-badge-sample">{STATUS_MARKS['to-read']}</span></span> },
            { value: 'none', label: 'None' },
          ]}
          onChange={(badgeStyle) => onChange({ badgeStyle })}
        />
      </section>
      <section class="sm-settings-group" aria-labelledby="sm-settings-look">
        <h2 id="sm-settings-look" class="sm-section-title">
          Appearance
        </h2>
        <Choice
          legend="Theme"
          hint="For this page and the toolbar popup."
          name="theme"
          value={settings?.theme}
          disabled={disabled}
          options={[
            { value: 'system', label: 'Follow the system' },
            { value: 'light', label: 'Light' },
            { value: 'dark', label: 'Dark' },
          ]}
          onChange={(theme) => onChange({ theme })}
        />
      </section>
    </div>
  );
}
