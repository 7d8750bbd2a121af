/** Settings → the reader's reading speed: learned from their reading (or the default until then), theirs to set. */
import { useEffect, useId, useState } from 'preact/hooks';
import type { Settings } from '../../utils/db/settings';
import { t } from '../../utils/i18n';
import { MIN_SAMPLES, readingSpeed, SPEED_LIMITS } from '../../utils/reading/reading-speed';
import { formatNumber } from '../ui/format';

export interface ReadingSpeedSettingProps {
  settings: Settings | null;
  onChange(values: Partial<Settings>): void;
}

export function ReadingSpeedSetting({ settings, onChange }: ReadingSpeedSettingProps) {
  const id = useId();
  const speed = settings ? readingSpeed(settings.readingSpeed, settings.readingSpeedSamples) : null;
  const [text, setText] = useState('');
  const [invalid, setInvalid] = useState(false);
  useEffect(() => {
    if (speed) setText(String(speed.wordsPerMinute));
    setInvalid(false);
  }, [speed?.wordsPerMinute, speed?.source]);

  const commit = () => {
    if (!speed) return;
    const value = Number(text.trim());
    if (!Number.isInteger(value) || value < SPEED_LIMITS.min || value > SPEED_LIMITS.max) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    if (value !== speed.wordsPerMinute || speed.source !== 'set') onChange({ readingSpeed: value });
  };

  const source =
    speed === null
      ? ''
      : speed.source === 'set'
        ? t('settingsSpeedSet')
        : speed.source === 'learned'
          ? t('settingsSpeedLearned', formatNumber(settings!.readingSpeedSamples.length))
          : t('settingsSpeedDefault', formatNumber(MIN_SAMPLES));

  return (
    <div class="sm-setting">
      <div class="sm-field">
        <label for={`${id}-speed`} class="sm-setting-title">
          {t('settingsSpeed')}
        </label>
        <input
          id={`${id}-speed`}
          type="number"
          inputMode="numeric"
          min={SPEED_LIMITS.min}
          max={SPEED_LIMITS.max}
          step={1}
          value={text}
          disabled={!speed}
          aria-invalid={invalid || undefined}
          aria-describedby={`${id}-source${invalid ? ` ${id}-error` : ''}`}
          onInput={(e) => setText(e.currentTarget.value)}
          onChange={commit}
          onKeyDown={(e) => e.key === 'Enter' && commit()}
        />
      </div>
      {invalid && (
        <p class="sm-error-banner" id={`${id}-error`} role="alert">
          {t('settingsSpeedInvalid', formatNumber(SPEED_LIMITS.min), formatNumber(SPEED_LIMITS.max))}
        </p>
      )}
      <p class="sm-hint" id={`${id}-source`}>
        {source}
      </p>
      {speed?.source === 'set' && (
        <button type="button" class="sm-button" onClick={() => onChange({ readingSpeed: null })}>
          {t('settingsSpeedLearn')}
        </button>
      )}
    </div>
  );
}
