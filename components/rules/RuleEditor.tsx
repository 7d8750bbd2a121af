/**
 * Adding or editing one rule: every match kind, hide or highlight, scope and
 * exceptions, with inline errors and a live count of what the rule would do
 * to the works on the current page. Saving goes through `onSave` (the caller
 * sends `rules/put`).
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { RuleInput } from '../../utils/db/rule-checks';
import { t, tn } from '../../utils/i18n';
import type { ClassifiableRecord } from '../../utils/rules/subject';
import type { ReaderStates, Rule, TagSlot } from '../../utils/rules/types';
import { severityOfStyle, type HiddenWorksStyle } from '../../utils/rules/listing-config';
import { statusLabel } from '../../utils/library/display';
import {
  MATCH_KINDS,
  RATINGS,
  READING_CHOICES,
  SAVED_STATUSES,
  SEVERITY_CHOICES,
  STAT_CHOICES,
  TAG_COUNT_CHOICES,
  TIME_UNIT_CHOICES,
  TAG_MODES,
  TAG_SLOTS,
  TRAIT_TYPES,
  emptyForm,
  formFromRule,
  formToInput,
  newRuleId,
  severityName,
  visibleErrors,
  type FormField,
  type RuleForm,
} from './form';
import { hidesEverything, previewCounts, previewText } from './preview';
import type { TagSuggestion } from './suggest';
import { TagInput } from './TagInput';
import { TagCoverage } from './TagCoverage';

export interface RuleEditorProps {
  /** The rule to edit; a new rule when absent. */
  rule?: Rule;
  /** Fields to start a new rule with (e.g. a tag picked from the page). */
  initial?: Partial<RuleForm>;
  /** The current page's records for the live count; null when there is no page to count on. */
  records: readonly ClassifiableRecord[] | null;
  /** Shown instead of the count when `records` is null. */
  noRecordsMessage?: string;
  /** Work ids the reader always sees (never counted as hidden). */
  alwaysShow?: readonly number[];
  /** The reader's rules: a highlight's count leaves out works their hide rules hide anyway. */
  rules?: readonly Rule[];
  /** The reader's state of the page's works, for the count of a reading rule; without it such a rule counts nothing. */
  readerStates?: ReaderStates;
  /** The reader's Hidden works setting: what a hide rule without its own severity does. */
  hiddenWorks?: HiddenWorksStyle;
  suggestTags(query: string, slot: TagSlot): Promise<TagSuggestion[]> | TagSuggestion[];
  /** Saves the rule; a thrown error is shown in the editor. */
  onSave(input: RuleInput): Promise<void>;
  onCancel(): void;
}

/** `#abc` → `#aabbcc`; alpha dropped: what `<input type=color>` accepts. */
function colorInputValue(color: string): string {
  const hex = color.replace(/^#/, '');
  if (hex.length === 3 || hex.length === 4) return `#${[...hex.slice(0, 3)].map((c) => c + c).join('')}`.toLowerCase();
  if (hex.length === 6 || hex.length === 8) return `#${hex.slice(0, 6)}`.toLowerCase();
  return '#c9a227';
}

export function RuleEditor(props: RuleEditorProps) {
  const { rule, records, alwaysShow, suggestTags, onSave, onCancel } = props;
  const uid = useId();
  const fieldId = (name: string) => `${uid}-${name}`;
  const [ruleId] = useState(() => rule?.id ?? newRuleId());
  const [form, setForm] = useState<RuleForm>(() => (rule ? formFromRule(rule) : { ...emptyForm(), ...props.initial }));
  const [touched, setTouched] = useState<ReadonlySet<FormField>>(() => new Set());
  const [submitted, setSubmitted] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [moreOpen, setMoreOpen] = useState(() => Boolean(form.scopeFandoms || form.exceptionTags));
  const confirmRef = useRef<HTMLButtonElement>(null);
  const formRef = useRef<HTMLFormElement>(null);

  const result = useMemo(() => formToInput(form, ruleId, rule?.order), [form, ruleId, rule?.order]);
  const errors = result.ok ? {} : visibleErrors(result.errors, form, touched, submitted);
  const counts = useMemo(
    () => (result.ok && records ? previewCounts(result.input, records, alwaysShow, props.rules, props.readerStates) : null),
    [result, records, alwaysShow, props.rules, props.readerStates],
  );

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  // The editor replaces the button that opened it, so focus would fall to the page: start at its first control.
  // A layout effect, so this happens as the editor appears and never takes focus from a field the reader already chose.
  useLayoutEffect(() => {
    const form = formRef.current;
    if (form && !form.contains(document.activeElement)) form.querySelector<HTMLElement>('input[type="radio"]:checked')?.focus();
  }, []);

  const set = <K extends keyof RuleForm>(key: K, value: RuleForm[K]) => {
    setForm((current) => ({ ...current, [key]: value }));
    setConfirming(false);
    setSaveError(null);
  };
  const touch = (field: FormField) => () => setTouched((current) => new Set(current).add(field));

  const save = async (confirmed: boolean) => {
    setSubmitted(true);
    if (!result.ok) {
      // Take the reader to the first problem.
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    if (!confirmed && counts && hidesEverything(counts, form.action)) {
      setConfirming(true);
      return;
    }
    setConfirming(false);
    setSaving(true);
    setSaveError(null);
    try {
      await onSave(result.input);
    } catch (error) {
      setSaveError(t('editorSaveFailed', error instanceof Error ? error.message : String(error)));
    } finally {
      setSaving(false);
    }
  };

  /** Props tying an input to its hint and error. */
  const aria = (field: FormField, hint = false) => {
    const error = errors[field];
    const ids = [hint ? `${fieldId(field)}-hint` : '', error ? `${fieldId(field)}-error` : ''].filter(Boolean).join(' ');
    return { 'aria-invalid': error ? true : undefined, 'aria-describedby': ids || undefined } as const;
  };
  const textInput = (field: keyof RuleForm & FormField, extra: Record<string, unknown> = {}, hint = false) => (
    <input
      id={fieldId(field)}
      type="text"
      value={String(form[field])}
      onInput={(event) => set(field, event.currentTarget.value as never)}
      onBlur={touch(field)}
      {...aria(field, hint)}
      {...extra}
    />
  );

  const headingId = fieldId('heading');
  const title = t(rule ? 'editorEditRule' : 'editorNewRule');
  const slotSuggest = (query: string) => suggestTags(query, form.tagSlot);

  return (
    <form
      ref={formRef}
      class="sm-editor"
      aria-labelledby={headingId}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save(false);
      }}
    >
      <h2 id={headingId} class="sm-editor-title">{title}</h2>

      <fieldset class="sm-segmented">
        <legend>{t('editorWhenMatches')}</legend>
        {(['hide', 'highlight'] as const).map((action) => (
          <label key={action} class="sm-segment">
            <input type="radio" name={fieldId('action')} value={action} checked={form.action === action} onChange={() => set('action', action)} />
            <span>{t(action === 'hide' ? 'editorHideIt' : 'editorHighlightIt')}</span>
          </label>
        ))}
        {form.action === 'highlight' && (
          <label class="sm-color">
            <span>{t('editorColour')}</span>
            <input type="color" value={colorInputValue(form.color)} onInput={(event) => set('color', event.currentTarget.value)} {...aria('color')} />
          </label>
        )}
      </fieldset>
      <FieldError id={fieldId('color')} error={errors.color} />

      {form.action === 'hide' && (
        <Field id={fieldId('severity')} label={t('editorSeverity')} hint={t('editorSeverityHint')}>
          <select
            id={fieldId('severity')}
            value={form.severity}
            onChange={(event) => set('severity', event.currentTarget.value as RuleForm['severity'])}
            aria-describedby={`${fieldId('severity')}-hint`}
          >
            <option value="">{t('editorSeverityDefault', t(severityName(severityOfStyle(props.hiddenWorks ?? 'placeholder'))))}</option>
            {SEVERITY_CHOICES.map((choice) => (
              <option key={choice.value} value={choice.value}>{t(choice.label)}</option>
            ))}
          </select>
        </Field>
      )}

      <Field id={fieldId('kind')} label={t('editorMatchBy')} error={errors.kind}>
        <select id={fieldId('kind')} value={form.kind} onChange={(event) => set('kind', event.currentTarget.value as RuleForm['kind'])} {...aria('kind')}>
          {MATCH_KINDS.map((kind) => (
            <option key={kind.value} value={kind.value}>{t(kind.label)}</option>
          ))}
        </select>
      </Field>

      {form.kind === 'tag' && (
        <>
          <div class="sm-row">
            <Field id={fieldId('tagSlot')} label={t('editorTagIn')}>
              <select id={fieldId('tagSlot')} value={form.tagSlot} onChange={(event) => set('tagSlot', event.currentTarget.value as TagSlot)}>
                {TAG_SLOTS.map((slot) => (
                  <option key={slot.value} value={slot.value}>{t(slot.label)}</option>
                ))}
              </select>
            </Field>
            <Field id={fieldId('tagMode')} label={t('editorCompareAs')}>
              <select id={fieldId('tagMode')} value={form.tagMode} onChange={(event) => set('tagMode', event.currentTarget.value as RuleForm['tagMode'])}>
                {TAG_MODES.map((mode) => (
                  <option key={mode.value} value={mode.value}>{t(mode.label)}</option>
                ))}
              </select>
            </Field>
          </div>
          <Field
            id={fieldId('tagText')}
            label={t(form.tagMode === 'regex' ? 'modeRegex' : 'editorTagField')}
            hint={t(form.tagMode === 'wildcard' ? 'editorWildcardHint' : form.tagMode === 'regex' ? 'editorRegexHint' : 'editorTagHint')}
            error={errors.tagText}
          >
            <TagInput
              id={fieldId('tagText')}
              value={form.tagText}
              onChange={(value) => set('tagText', value)}
              onBlur={touch('tagText')}
              suggest={slotSuggest}
              noSuggestions={form.tagMode === 'regex'}
              invalid={Boolean(errors.tagText)}
              describedBy={aria('tagText', true)['aria-describedby']}
            />
          </Field>
          {form.tagMode === 'exact' && (
            <TagCoverage name={form.tagText} subtags={form.tagSubtags} onSubtags={(on) => set('tagSubtags', on)} />
          )}
        </>
      )}

      {form.kind === 'author' && (
        <>
          <div class="sm-row">
            <Field id={fieldId('authorLogin')} label={t('editorLogin')} error={errors.authorLogin}>
              {textInput('authorLogin', { autocomplete: 'off', spellcheck: false, placeholder: t('editorLoginPlaceholder') }, true)}
            </Field>
            <Field id={fieldId('authorUserId')} label={t('editorOrUserId')} error={errors.authorUserId}>
              {textInput('authorUserId', { inputMode: 'numeric', autocomplete: 'off' })}
            </Field>
          </div>
          <p id={`${fieldId('authorLogin')}-hint`} class="sm-hint">{t('editorAuthorHint')}</p>
          <FieldError id={fieldId('author')} error={errors.author} />
        </>
      )}

      {form.kind === 'work' && (
        <div class="sm-row">
          <Field id={fieldId('workId')} label={t('editorWorkId')} error={errors.workId}>
            {textInput('workId', { autocomplete: 'off', placeholder: t('editorWorkIdPlaceholder') })}
          </Field>
          <Field id={fieldId('workTitle')} label={t('editorTitleOptional')}>
            {textInput('workTitle')}
          </Field>
        </div>
      )}

      {form.kind === 'series' && (
        <div class="sm-row">
          <Field id={fieldId('seriesId')} label={t('editorSeriesId')} error={errors.seriesId}>
            {textInput('seriesId', { autocomplete: 'off', placeholder: t('editorSeriesIdPlaceholder') })}
          </Field>
          <Field id={fieldId('seriesTitle')} label={t('editorTitleOptional')}>
            {textInput('seriesTitle')}
          </Field>
        </div>
      )}

      {form.kind === 'trait' && (
        <>
          <Field id={fieldId('traitType')} label={t('editorDetail')}>
            <select id={fieldId('traitType')} value={form.traitType} onChange={(event) => set('traitType', event.currentTarget.value as RuleForm['traitType'])}>
              {TRAIT_TYPES.map((trait) => (
                <option key={trait.value} value={trait.value}>{t(trait.label)}</option>
              ))}
            </select>
          </Field>
          {form.traitType === 'rating' && (
            <Field id={fieldId('rating')} label={t('editorRating')}>
              <select id={fieldId('rating')} value={form.rating} onChange={(event) => set('rating', event.currentTarget.value as RuleForm['rating'])}>
                {RATINGS.map((rating) => (
                  <option key={rating} value={rating}>{rating}</option>
                ))}
              </select>
            </Field>
          )}
          {form.traitType === 'language' && (
            <Field id={fieldId('language')} label={t('editorLanguage')} hint={t('editorLanguageHint')} error={errors.language}>
              {textInput('language', { autocomplete: 'off' }, true)}
            </Field>
          )}
          {(form.traitType === 'words' || form.traitType === 'chapters') && (
            <div class="sm-row">
              <Field id={fieldId('rangeMin')} label={t(form.traitType === 'words' ? 'editorAtLeastWords' : 'editorAtLeastChapters')} error={errors.rangeMin}>
                {textInput('rangeMin', { inputMode: 'numeric', autocomplete: 'off' })}
              </Field>
              <Field id={fieldId('rangeMax')} label={t('editorAtMost')} error={errors.rangeMax}>
                {textInput('rangeMax', { inputMode: 'numeric', autocomplete: 'off' })}
              </Field>
            </div>
          )}
          {form.traitType === 'complete' && (
            <Field id={fieldId('complete')} label={t('editorWorksThatAre')}>
              <select id={fieldId('complete')} value={form.complete} onChange={(event) => set('complete', event.currentTarget.value as RuleForm['complete'])}>
                <option value="in-progress">{t('editorInProgress')}</option>
                <option value="complete">{t('editorComplete')}</option>
              </select>
            </Field>
          )}
          {form.traitType === 'crossover' && (
            <Field id={fieldId('crossoverMoreThan')} label={t('editorMoreFandomsThan')} error={errors.crossoverMoreThan}>
              {textInput('crossoverMoreThan', { inputMode: 'numeric', autocomplete: 'off' })}
            </Field>
          )}
          {form.traitType === 'notUpdatedSince' && (
            <Field id={fieldId('date')} label={t('editorUpdatedBefore')} error={errors.date}>
              <input id={fieldId('date')} type="date" value={form.date} onInput={(event) => set('date', event.currentTarget.value)} onBlur={touch('date')} {...aria('date')} />
            </Field>
          )}
          {form.traitType === 'titleOrSummary' && (
            <Field id={fieldId('phrase')} label={t('editorPhrase')} hint={t('editorPhraseHint')} error={errors.phrase}>
              {textInput('phrase', {}, true)}
            </Field>
          )}
          {form.traitType === 'stat' && (
            <div class="sm-row">
              <Field id={fieldId('stat')} label={t('editorStat')}>
                <select id={fieldId('stat')} value={form.stat} onChange={(event) => set('stat', event.currentTarget.value as RuleForm['stat'])}>
                  {STAT_CHOICES.map((stat) => (
                    <option key={stat.value} value={stat.value}>{t(stat.label)}</option>
                  ))}
                </select>
              </Field>
              <Field id={fieldId('rangeMin')} label={t('editorAtLeast')} error={errors.rangeMin}>
                {textInput('rangeMin', { inputMode: 'numeric', autocomplete: 'off' })}
              </Field>
              <Field id={fieldId('rangeMax')} label={t('editorAtMost')} error={errors.rangeMax}>
                {textInput('rangeMax', { inputMode: 'numeric', autocomplete: 'off' })}
              </Field>
            </div>
          )}
          {form.traitType === 'tagCount' && (
            <>
              <div class="sm-row">
                <Field id={fieldId('tagCountSlot')} label={t('editorCountOf')}>
                  <select id={fieldId('tagCountSlot')} value={form.tagCountSlot} onChange={(event) => set('tagCountSlot', event.currentTarget.value as RuleForm['tagCountSlot'])}>
                    {TAG_COUNT_CHOICES.map((choice) => (
                      <option key={choice.value} value={choice.value}>{t(choice.label)}</option>
                    ))}
                  </select>
                </Field>
                <Field id={fieldId('tagCountMoreThan')} label={t('editorMoreThan')} error={errors.tagCountMoreThan}>
                  {textInput('tagCountMoreThan', { inputMode: 'numeric', autocomplete: 'off' }, true)}
                </Field>
              </div>
              <p id={`${fieldId('tagCountMoreThan')}-hint`} class="sm-hint">{t('editorCountHint')}</p>
            </>
          )}
          {form.traitType === 'wordsPerChapterBelow' && (
            <Field id={fieldId('wordsPerChapterBelow')} label={t('editorWordsPerChapterBelow')} hint={t('editorWordsPerChapterHint')} error={errors.wordsPerChapterBelow}>
              {textInput('wordsPerChapterBelow', { inputMode: 'numeric', autocomplete: 'off' }, true)}
            </Field>
          )}
          {form.traitType === 'notUpdatedFor' && (
            <>
              <div class="sm-row">
                <Field id={fieldId('notUpdatedAmount')} label={t('editorNotUpdatedFor')} error={errors.notUpdatedAmount}>
                  {textInput('notUpdatedAmount', { inputMode: 'numeric', autocomplete: 'off' }, true)}
                </Field>
                <Field id={fieldId('notUpdatedUnit')} label={t('editorUnit')}>
                  <select id={fieldId('notUpdatedUnit')} value={form.notUpdatedUnit} onChange={(event) => set('notUpdatedUnit', event.currentTarget.value as RuleForm['notUpdatedUnit'])}>
                    {TIME_UNIT_CHOICES.map((unit) => (
                      <option key={unit.value} value={unit.value}>{t(unit.label)}</option>
                    ))}
                  </select>
                </Field>
              </div>
              <p id={`${fieldId('notUpdatedAmount')}-hint`} class="sm-hint">{t('editorNotUpdatedForHint')}</p>
            </>
          )}
          {form.traitType === 'chapterKudosRatioBelow' && (
            <Field
              id={fieldId('ratioPercent')}
              label={t('editorChapterKudosPercent')}
              hint={t('editorChapterKudosHint')}
              error={errors.ratioPercent}
            >
              {textInput('ratioPercent', { inputMode: 'decimal', autocomplete: 'off', placeholder: t('editorKudosPlaceholder') }, true)}
            </Field>
          )}
          {form.traitType === 'kudosRatioBelow' && (
            <Field
              id={fieldId('ratioPercent')}
              label={t('editorKudosPercent')}
              hint={t('editorKudosHint')}
              error={errors.ratioPercent}
            >
              {textInput('ratioPercent', { inputMode: 'decimal', autocomplete: 'off', placeholder: t('editorKudosPlaceholder') }, true)}
            </Field>
          )}
        </>
      )}

      {form.kind === 'reading' && (
        <>
          <div class="sm-row">
            <Field id={fieldId('readingState')} label={t('editorReadingState')}>
              <select
                id={fieldId('readingState')}
                value={form.readingState}
                onChange={(event) => set('readingState', event.currentTarget.value as RuleForm['readingState'])}
                aria-describedby={`${fieldId('readingState')}-hint`}
              >
                {READING_CHOICES.map((choice) => (
                  <option key={choice.value} value={choice.value}>{t(choice.label)}</option>
                ))}
              </select>
            </Field>
            {form.readingState === 'saved' && (
              <Field id={fieldId('savedStatus')} label={t('editorSavedStatus')}>
                <select id={fieldId('savedStatus')} value={form.savedStatus} onChange={(event) => set('savedStatus', event.currentTarget.value as RuleForm['savedStatus'])}>
                  <option value="">{t('editorAnyStatus')}</option>
                  {SAVED_STATUSES.map((status) => (
                    <option key={status} value={status}>{statusLabel(status)}</option>
                  ))}
                </select>
              </Field>
            )}
          </div>
          <p id={`${fieldId('readingState')}-hint`} class="sm-hint">{t('editorReadingHint')}</p>
        </>
      )}

      <p class="sm-preview" aria-live="polite">
        {counts
          ? previewText(counts, form.action)
          : records
            ? t(form.action === 'hide' ? 'editorCompleteToPreviewHide' : 'editorCompleteToPreviewHighlight')
            : (props.noRecordsMessage ?? t('editorNoListing'))}
      </p>

      <details class="sm-more" open={moreOpen} onToggle={(event) => setMoreOpen(event.currentTarget.open)}>
        <summary>{t('editorMore')}</summary>
        <Field id={fieldId('label')} label={t('editorLabel')} hint={t('editorLabelHint')} error={errors.label}>
          {textInput('label', { maxLength: 200, autocomplete: 'off' }, true)}
        </Field>
        <Field id={fieldId('scopeFandoms')} label={t('editorScopeFandoms')} hint={t('editorListHint')} error={errors.scopeFandoms}>
          <TagInput
            id={fieldId('scopeFandoms')}
            multiple
            value={form.scopeFandoms}
            onChange={(value) => set('scopeFandoms', value)}
            onBlur={touch('scopeFandoms')}
            suggest={(query) => suggestTags(query, 'fandom')}
            invalid={Boolean(errors.scopeFandoms)}
            describedBy={aria('scopeFandoms', true)['aria-describedby']}
          />
        </Field>
        <Field id={fieldId('exceptionTags')} label={t('editorExceptions')} hint={t('editorListHint')} error={errors.exceptionTags}>
          <TagInput
            id={fieldId('exceptionTags')}
            multiple
            value={form.exceptionTags}
            onChange={(value) => set('exceptionTags', value)}
            onBlur={touch('exceptionTags')}
            suggest={(query) => suggestTags(query, 'any')}
            invalid={Boolean(errors.exceptionTags)}
            describedBy={aria('exceptionTags', true)['aria-describedby']}
          />
        </Field>
      </details>

      <label class="sm-check">
        <input type="checkbox" checked={form.enabled} onChange={(event) => set('enabled', event.currentTarget.checked)} />
        <span>{t('editorEnabled')}</span>
      </label>

      {confirming && counts && (
        <div class="sm-confirm" role="group" aria-labelledby={fieldId('confirm')}>
          <p id={fieldId('confirm')} role="alert">
            {tn('editorConfirmHideAll', counts.hidden)}
          </p>
          <div class="sm-actions">
            <button type="button" ref={confirmRef} class="sm-button sm-danger" onClick={() => void save(true)} disabled={saving}>
              {t('editorSaveAnyway')}
            </button>
            <button type="button" class="sm-button" onClick={() => setConfirming(false)}>
              {t('editorKeepEditing')}
            </button>
          </div>
        </div>
      )}

      {saveError && (
        <p class="sm-error-banner" role="alert">
          {saveError}
        </p>
      )}

      <div class="sm-actions sm-editor-actions">
        <button type="submit" class="sm-button sm-primary" disabled={!result.ok || saving || confirming}>
          {saving ? t('buttonSaving') : t(rule ? 'editorSaveChanges' : 'editorSaveRule')}
        </button>
        <button type="button" class="sm-button" onClick={onCancel}>
          {t('buttonCancel')}
        </button>
      </div>
    </form>
  );
}

interface FieldProps {
  id: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  children: ComponentChildren;
}

/** A label above its control, then an optional hint and an inline error (ids `${id}-hint`, `${id}-error`). */
function Field({ id, label, hint, error, children }: FieldProps) {
  return (
    <div class="sm-field">
      <label for={id}>{label}</label>
      {children}
      {hint && (
        <p id={`${id}-hint`} class="sm-hint">
          {hint}
        </p>
      )}
      <FieldError id={id} error={error} />
    </div>
  );
}

function FieldError({ id, error }: { id: string; error?: string | undefined }) {
  if (!error) return null;
  return (
    <p id={`${id}-error`} class="sm-field-error">
      {error}
    </p>
  );
}
