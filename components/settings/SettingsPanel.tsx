/** Settings: tracking, private windows, work numbers and reading speed, hidden works, badge style, theme and sync. Each change is saved at once. */
import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';
import type { Settings } from '../../utils/db/settings';
import { t } from '../../utils/i18n';
import { STATUS_MARKS, statusLabel } from '../../utils/library/display';
import { SyncSection } from './SyncSection';
import { ReadingSpeedSetting } from './ReadingSpeedSetting';

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
          {t('settingsReading')}
        </h2>
        <Switch
          label={t('settingsTrack')}
          hint={t('settingsTrackHint')}
          checked={settings ? !settings.trackingPaused : undefined}
          disabled={disabled}
          onChange={(on) => onChange({ trackingPaused: !on })}
        />
        <Switch
          label={t('settingsPrivate')}
          hint={t('settingsPrivateHint')}
          checked={settings?.recordPrivateWindows}
          disabled={disabled}
          onChange={(on) => onChange({ recordPrivateWindows: on })}
        />
        <Switch
          label={t('settingsNumbers')}
          hint={t('settingsNumbersHint')}
          checked={settings?.workNumbers}
          disabled={disabled}
          onChange={(on) => onChange({ workNumbers: on })}
        />
        <ReadingSpeedSetting settings={settings} onChange={onChange} />
      </section>
      <section class="sm-settings-group" aria-labelledby="sm-settings-listings">
        <h2 id="sm-settings-listings" class="sm-section-title">
          {t('settingsListings')}
        </h2>
        <Choice
          legend={t('settingsHiddenWorks')}
          hint={t('settingsHiddenWorksHint')}
          name="hiddenWorks"
          value={settings?.hiddenWorks}
          disabled={disabled}
          options={[
            { value: 'placeholder', label: t('settingsPlaceholder') },
            { value: 'remove', label: t('settingsRemove') },
            { value: 'dim', label: t('settingsDim') },
          ]}
          onChange={(hiddenWorks) => onChange({ hiddenWorks })}
        />
        <Switch
          label={t('settingsPlaceholderTitles')}
          hint={t('settingsPlaceholderTitlesHint')}
          checked={settings?.placeholderTitles}
          disabled={disabled}
          onChange={(on) => onChange({ placeholderTitles: on })}
        />
        <Choice
          legend={t('settingsBadges')}
          hint={t('settingsBadgesHint')}
          name="badgeStyle"
          value={settings?.badgeStyle}
          disabled={disabled}
          options={[
            { value: 'full', label: <span>{t('settingsBadgesNamed')} <span class="sm-badge-sample">{STATUS_MARKS['to-read']} {statusLabel('to-read')}</span></span> },
            { value: 'compact', label: <span>{t('settingsBadgesCompact')} <span class="sm-badge-sample">{STATUS_MARKS['to-read']}</span></span> },
            { value: 'none', label: t('settingsBadgesNone') },
          ]}
          onChange={(badgeStyle) => onChange({ badgeStyle })}
        />
        <Switch
          label={t('settingsLearnFamilies')}
          hint={t('settingsLearnFamiliesHint')}
          checked={settings?.learnTagFamilies}
          disabled={disabled}
          onChange={(on) => onChange({ learnTagFamilies: on })}
        />
      </section>
      <section class="sm-settings-group" aria-labelledby="sm-settings-look">
        <h2 id="sm-settings-look" class="sm-section-title">
          {t('settingsAppearance')}
        </h2>
        <Choice
          legend={t('settingsTheme')}
          hint={t('settingsThemeHint')}
          name="theme"
          value={settings?.theme}
          disabled={disabled}
          options={[
            { value: 'system', label: t('settingsThemeSystem') },
            { value: 'light', label: t('settingsThemeLight') },
            { value: 'dark', label: t('settingsThemeDark') },
          ]}
          onChange={(theme) => onChange({ theme })}
        />
      </section>
      <SyncSection settings={settings} onChange={onChange} />
    </div>
  );
}
