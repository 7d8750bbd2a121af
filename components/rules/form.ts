/**
 * The rule editor's form, as plain data: what the reader typed (strings, so
 * half-typed numbers survive), turned into a `RuleInput` for `rules/put`, with
 * one error per field for the inline messages. No Preact here: the popup and
 * the options page share it, and the unit tests read it directly.
 */
import type { RuleInput } from '../../utils/db/rule-checks';
import { t, type MessageKey } from '../../utils/i18n';
import { validatePattern, validateRule } from '../../utils/rules/validate';
import { SAVED_STATUSES, type SavedStatus } from '../../utils/db/types';
import {
  RATINGS,
  READING_STATES,
  STAT_NAMES,
  TAG_COUNT_SLOTS,
  TIME_UNITS,
  type HideSeverity,
  type ReadingState,
  type StatName,
  type TagCountSlot,
  type TimeUnit,
  type Rating,
  type Rule,
  type RuleAction,
  type RuleMatch,
  type TagMatchMode,
  type TagSlot,
  type Trait,
  type TraitType,
} from '../../utils/rules/types';

export type MatchKind = RuleMatch['kind'];

export interface RuleForm {
  kind: MatchKind;
  action: RuleAction;
  color: string;
  label: string;
  enabled: boolean;
  tagSlot: TagSlot;
  tagMode: TagMatchMode;
  tagText: string;
  /** An exact tag rule also matches its tag's subtags (TagMatch.subtags; absent = true). */
  tagSubtags: boolean;
  authorLogin: string;
  authorUserId: string;
  workId: string;
  workTitle: string;
  seriesId: string;
  seriesTitle: string;
  traitType: TraitType;
  language: string;
  rangeMin: string;
  rangeMax: string;
  complete: 'complete' | 'in-progress';
  crossoverMoreThan: string;
  rating: Rating;
  date: string;
  phrase: string;
  /** Kudos-to-hits ratio in percent, as readers think of it ("5" is 5%). */
  ratioPercent: string;
  tagCountSlot: TagCountSlot;
  tagCountMoreThan: string;
  wordsPerChapterBelow: string;
  notUpdatedAmount: string;
  notUpdatedUnit: TimeUnit;
  /** The stat a `stat` trait reads; its bounds are `rangeMin` and `rangeMax`. */
  stat: StatName;
  readingState: ReadingState;
  /** `saved` reading rules: one status, or '' for any. */
  savedStatus: SavedStatus | '';
  /** Hide rules: how their works go; '' follows the reader's Hidden works setting. */
  severity: HideSeverity | '';
  /** Comma-separated (archive tags never contain commas). */
  scopeFandoms: string;
  exceptionTags: string;
}

export type FormField = keyof RuleForm | 'author';
export type FormErrors = Partial<Record<FormField, string>>;

export type FormResult = { ok: true; input: RuleInput } | { ok: false; errors: FormErrors };

export const DEFAULT_HIGHLIGHT = '#c9a227';

/** The editor's choices; `label` is the message that names each. */
export const MATCH_KINDS: ReadonlyArray<{ value: MatchKind; label: MessageKey }> = [
  { value: 'tag', label: 'kindTag' },
  { value: 'author', label: 'kindAuthor' },
  { value: 'work', label: 'kindWork' },
  { value: 'series', label: 'kindSeries' },
  { value: 'trait', label: 'kindTrait' },
  { value: 'reading', label: 'kindReading' },
];

export const TAG_SLOTS: ReadonlyArray<{ value: TagSlot; label: MessageKey }> = [
  { value: 'any', label: 'slotAnyTag' },
  { value: 'fandom', label: 'slotFandom' },
  { value: 'relationship', label: 'slotRelationship' },
  { value: 'character', label: 'slotCharacter' },
  { value: 'freeform', label: 'slotFreeform' },
  { value: 'warning', label: 'slotWarning' },
  { value: 'rating', label: 'slotRating' },
  { value: 'category', label: 'slotCategory' },
];

export const TAG_MODES: ReadonlyArray<{ value: TagMatchMode; label: MessageKey }> = [
  { value: 'exact', label: 'modeExact' },
  { value: 'wildcard', label: 'modeWildcard' },
  { value: 'regex', label: 'modeRegex' },
];

export const TRAIT_TYPES: ReadonlyArray<{ value: TraitType; label: MessageKey }> = [
  { value: 'rating', label: 'slotRating' },
  { value: 'language', label: 'traitLanguage' },
  { value: 'words', label: 'traitTypeWords' },
  { value: 'chapters', label: 'traitTypeChapters' },
  { value: 'complete', label: 'traitTypeComplete' },
  { value: 'crossover', label: 'traitTypeCrossover' },
  { value: 'notUpdatedSince', label: 'traitTypeNotUpdatedSince' },
  { value: 'titleOrSummary', label: 'traitTypeTitleOrSummary' },
  { value: 'kudosRatioBelow', label: 'traitTypeKudosRatio' },
  { value: 'chapterKudosRatioBelow', label: 'traitTypeChapterKudosRatio' },
  { value: 'stat', label: 'traitTypeStat' },
  { value: 'tagCount', label: 'traitTypeTagCount' },
  { value: 'wordsPerChapterBelow', label: 'traitTypeWordsPerChapter' },
  { value: 'notUpdatedFor', label: 'traitTypeNotUpdatedFor' },
  { value: 'anonymous', label: 'traitAnonymous' },
  { value: 'orphaned', label: 'traitOrphaned' },
];

export const TAG_COUNT_CHOICES: ReadonlyArray<{ value: TagCountSlot; label: MessageKey }> = [
  { value: 'any', label: 'editorCountAllTags' },
  { value: 'relationship', label: 'traitCountRelationships' },
  { value: 'character', label: 'traitCountCharacters' },
  { value: 'freeform', label: 'traitCountFreeforms' },
];

export const TIME_UNIT_CHOICES: ReadonlyArray<{ value: TimeUnit; label: MessageKey }> = [
  { value: 'days', label: 'editorDays' },
  { value: 'months', label: 'editorMonths' },
  { value: 'years', label: 'editorYears' },
];

export const STAT_CHOICES: ReadonlyArray<{ value: StatName; label: MessageKey }> = [
  { value: 'kudos', label: 'statKudos' },
  { value: 'hits', label: 'statHits' },
  { value: 'bookmarks', label: 'statBookmarks' },
  { value: 'comments', label: 'statComments' },
];

export const READING_CHOICES: ReadonlyArray<{ value: ReadingState; label: MessageKey }> = [
  { value: 'finished', label: 'readingFinished' },
  { value: 'started', label: 'readingStarted' },
  { value: 'opened', label: 'readingOpened' },
  { value: 'saved', label: 'readingSaved' },
  { value: 'newChapters', label: 'readingNewChapters' },
];

export const SEVERITY_CHOICES: ReadonlyArray<{ value: HideSeverity; label: MessageKey }> = [
  { value: 'dim', label: 'severityDim' },
  { value: 'collapse', label: 'severityCollapse' },
  { value: 'remove', label: 'severityRemove' },
];

/** The message naming a severity ("Dim"). */
export function severityName(severity: HideSeverity): MessageKey {
  return SEVERITY_CHOICES.find((choice) => choice.value === severity)?.label ?? 'severityCollapse';
}

export { SAVED_STATUSES, READING_STATES, STAT_NAMES, TAG_COUNT_SLOTS, TIME_UNITS };

export { RATINGS };

export function emptyForm(): RuleForm {
  return {
    kind: 'tag',
    action: 'hide',
    color: DEFAULT_HIGHLIGHT,
    label: '',
    enabled: true,
    tagSlot: 'any',
    tagMode: 'exact',
    tagText: '',
    tagSubtags: true,
    authorLogin: '',
    authorUserId: '',
    workId: '',
    workTitle: '',
    seriesId: '',
    seriesTitle: '',
    traitType: 'rating',
    language: '',
    rangeMin: '',
    rangeMax: '',
    complete: 'in-progress',
    crossoverMoreThan: '1',
    rating: 'Explicit',
    date: '',
    phrase: '',
    ratioPercent: '',
    tagCountSlot: 'any',
    tagCountMoreThan: '',
    wordsPerChapterBelow: '',
    notUpdatedAmount: '',
    notUpdatedUnit: 'years',
    stat: 'kudos',
    readingState: 'finished',
    savedStatus: '',
    severity: '',
    scopeFandoms: '',
    exceptionTags: '',
  };
}

const numberText = (value: number | undefined): string => (value === undefined ? '' : String(value));

/** The form for editing an existing rule. */
export function formFromRule(rule: Rule): RuleForm {
  const form: RuleForm = {
    ...emptyForm(),
    kind: rule.match.kind,
    action: rule.action,
    color: rule.color ?? DEFAULT_HIGHLIGHT,
    label: rule.label ?? '',
    enabled: rule.enabled,
    severity: rule.severity ?? '',
    scopeFandoms: (rule.scope?.fandoms ?? []).join(', '),
    exceptionTags: (rule.exceptions?.tags ?? []).join(', '),
  };
  const match = rule.match;
  switch (match.kind) {
    case 'tag':
      return { ...form, tagSlot: match.slot, tagMode: match.mode, tagText: match.text, tagSubtags: match.subtags !== false };
    case 'author':
      return { ...form, authorLogin: match.login ?? '', authorUserId: numberText(match.userId) };
    case 'work':
      return { ...form, workId: String(match.workId), workTitle: match.title ?? '' };
    case 'series':
      return { ...form, seriesId: String(match.seriesId), seriesTitle: match.title ?? '' };
    case 'trait':
      return { ...form, ...traitFields(match.trait) };
    case 'reading':
      return { ...form, readingState: match.state, savedStatus: match.status ?? '' };
  }
}

function traitFields(trait: Trait): Partial<RuleForm> {
  const base: Partial<RuleForm> = { traitType: trait.type };
  switch (trait.type) {
    case 'language':
      return { ...base, language: trait.language };
    case 'words':
    case 'chapters':
      return { ...base, rangeMin: numberText(trait.min), rangeMax: numberText(trait.max) };
    case 'complete':
      return { ...base, complete: trait.complete ? 'complete' : 'in-progress' };
    case 'crossover':
      return { ...base, crossoverMoreThan: String(trait.moreThan) };
    case 'rating':
      return { ...base, rating: trait.rating };
    case 'notUpdatedSince':
      return { ...base, date: trait.date };
    case 'titleOrSummary':
      return { ...base, phrase: trait.phrase };
    case 'kudosRatioBelow':
    case 'chapterKudosRatioBelow':
      return { ...base, ratioPercent: String(Number((trait.ratio * 100).toFixed(4))) };
    case 'anonymous':
    case 'orphaned':
      return base;
    case 'tagCount':
      return { ...base, tagCountSlot: trait.slot, tagCountMoreThan: String(trait.moreThan) };
    case 'wordsPerChapterBelow':
      return { ...base, wordsPerChapterBelow: String(trait.below) };
    case 'notUpdatedFor':
      return { ...base, notUpdatedAmount: String(trait.amount), notUpdatedUnit: trait.unit };
    case 'stat':
      return { ...base, stat: trait.stat, rangeMin: numberText(trait.min), rangeMax: numberText(trait.max) };
  }
}

/** A comma-separated list: trimmed, empty entries dropped. */
export function splitTags(text: string): string[] {
  return text
    .split(',')
    .map((tag) => tag.trim())
    .filter((tag) => tag !== '');
}

/** A whole number typed by the reader (digit group separators allowed), or null. */
export function parseWholeNumber(text: string): number | null {
  const cleaned = text.trim().replace(/[\s,._'\u00a0\u202f]/g, '');
  if (!/^\d+$/.test(cleaned)) return null;
  const value = Number(cleaned);
  return Number.isSafeInteger(value) ? value : null;
}

/** An archive id, typed or pasted as a link (`https://archiveofourown.org/works/123/chapters/4`). */
export function parseArchiveId(text: string, kind: 'works' | 'series' | 'users'): number | null {
  const trimmed = text.trim();
  const link = new RegExp(`/${kind}/(\\d+)(?:[/?#]|$)`).exec(trimmed);
  const value = link ? Number(link[1]) : parseWholeNumber(trimmed);
  return value !== null && value >= 1 && value <= 1e12 ? value : null;
}

/** A login, typed or pasted from a profile link (`/users/login/pseuds/pseud`). */
export function parseLogin(text: string): string {
  const trimmed = text.trim();
  const link = /\/users\/([^/?#]+)/.exec(trimmed);
  return link ? decodeURIComponent(link[1]!) : trimmed.replace(/^@/, '');
}

const LOGIN = /^[A-Za-z0-9_]+$/;
const HEX_COLOR = /^#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;

/**
 * The rule the form describes, or an error per field. `id` is the rule's id
 * (new or existing); `order` is kept when editing so the rule keeps its place.
 */
export function formToInput(form: RuleForm, id: string, order?: number): FormResult {
  const errors: FormErrors = {};
  const match = readMatch(form, errors);

  const input: RuleInput = { id, action: form.action, match: match ?? { kind: 'work', workId: 1 }, enabled: form.enabled };
  if (form.action === 'highlight') {
    if (HEX_COLOR.test(form.color)) input.color = form.color;
    else errors.color = t('formColorInvalid');
  } else if (form.severity !== '') {
    input.severity = form.severity;
  }
  const label = form.label.trim();
  if (label.length > 200) errors.label = t('formLabelTooLong');
  else if (label) input.label = label;

  const fandoms = readTagList(form.scopeFandoms, 'scopeFandoms', errors);
  if (fandoms.length) input.scope = { fandoms };
  const exceptions = readTagList(form.exceptionTags, 'exceptionTags', errors);
  if (exceptions.length) input.exceptions = { tags: exceptions };
  if (order !== undefined) input.order = order;

  if (!match || Object.keys(errors).length > 0) return { ok: false, errors };
  // The engine's own check has the last word: anything it refuses is shown, never sent.
  const checked = validateRule({ ...input, createdAt: 0, updatedAt: 0 });
  if (!checked.ok) return { ok: false, errors: { kind: t('formCannotSave', checked.error) } };
  return { ok: true, input };
}

function readTagList(text: string, field: 'scopeFandoms' | 'exceptionTags', errors: FormErrors): string[] {
  const tags = splitTags(text);
  if (tags.length > 100) {
    errors[field] = t(field === 'scopeFandoms' ? 'formTooManyFandoms' : 'formTooManyTags');
    return [];
  }
  for (const tag of tags) {
    const check = validatePattern('wildcard', tag);
    if (!check.ok) {
      errors[field] = t('formTagInList', tag.slice(0, 40), check.error);
      return [];
    }
  }
  return tags;
}

function readMatch(form: RuleForm, errors: FormErrors): RuleMatch | null {
  switch (form.kind) {
    case 'tag': {
      if (form.tagText.trim() === '') {
        errors.tagText = t(form.tagMode === 'regex' ? 'formEnterRegex' : 'formEnterTag');
        return null;
      }
      const check = validatePattern(form.tagMode, form.tagText);
      if (!check.ok) {
        errors.tagText = check.error;
        return null;
      }
      return {
        kind: 'tag',
        slot: form.tagSlot,
        mode: form.tagMode,
        text: form.tagMode === 'regex' ? form.tagText : form.tagText.trim(),
        ...(form.tagMode === 'exact' && !form.tagSubtags ? { subtags: false } : {}),
      };
    }
    case 'author': {
      const login = parseLogin(form.authorLogin);
      const userIdText = form.authorUserId.trim();
      if (login === '' && userIdText === '') {
        errors.author = t('formEnterAuthor');
        return null;
      }
      const match: RuleMatch = { kind: 'author' };
      if (login !== '') {
        if (LOGIN.test(login) && login.length <= 100) match.login = login;
        else errors.authorLogin = t('formLoginInvalid');
      }
      if (userIdText !== '') {
        const userId = parseArchiveId(userIdText, 'users');
        if (userId === null) errors.authorUserId = t('formUserIdInvalid');
        else match.userId = userId;
      }
      return errors.authorLogin || errors.authorUserId ? null : match;
    }
    case 'work': {
      const workId = parseArchiveId(form.workId, 'works');
      if (workId === null) {
        errors.workId = t(form.workId.trim() ? 'formWorkIdInvalid' : 'formEnterWorkId');
        return null;
      }
      const title = form.workTitle.trim();
      return title ? { kind: 'work', workId, title: title.slice(0, 500) } : { kind: 'work', workId };
    }
    case 'series': {
      const seriesId = parseArchiveId(form.seriesId, 'series');
      if (seriesId === null) {
        errors.seriesId = t(form.seriesId.trim() ? 'formSeriesIdInvalid' : 'formEnterSeriesId');
        return null;
      }
      const title = form.seriesTitle.trim();
      return title ? { kind: 'series', seriesId, title: title.slice(0, 500) } : { kind: 'series', seriesId };
    }
    case 'trait': {
      const trait = readTrait(form, errors);
      return trait ? { kind: 'trait', trait } : null;
    }
    case 'reading':
      return form.readingState === 'saved' && form.savedStatus !== ''
        ? { kind: 'reading', state: 'saved', status: form.savedStatus }
        : { kind: 'reading', state: form.readingState };
  }
}

function readTrait(form: RuleForm, errors: FormErrors): Trait | null {
  switch (form.traitType) {
    case 'language': {
      const language = form.language.trim();
      if (!language) errors.language = t('formEnterLanguage');
      else if (language.length > 100) errors.language = t('formLanguageTooLong');
      else return { type: 'language', language };
      return null;
    }
    case 'words':
    case 'chapters':
    case 'stat': {
      const limit = form.traitType === 'words' ? 1e9 : form.traitType === 'chapters' ? 1e5 : 1e12;
      const min = form.rangeMin.trim() === '' ? undefined : parseWholeNumber(form.rangeMin);
      const max = form.rangeMax.trim() === '' ? undefined : parseWholeNumber(form.rangeMax);
      if (min === undefined && max === undefined) errors.rangeMin = t('formEnterRange');
      else if (min === null || (min !== undefined && min > limit)) errors.rangeMin = t('formWholeNumberUpTo', limit.toLocaleString());
      else if (max === null || (max !== undefined && max > limit)) errors.rangeMax = t('formWholeNumberUpTo', limit.toLocaleString());
      else if (min !== undefined && max !== undefined && min > max) errors.rangeMax = t('formRangeReversed');
      else {
        const range: { min?: number; max?: number } = {};
        if (min !== undefined) range.min = min;
        if (max !== undefined) range.max = max;
        return form.traitType === 'stat' ? { type: 'stat', stat: form.stat, ...range } : { type: form.traitType, ...range };
      }
      return null;
    }
    case 'complete':
      return { type: 'complete', complete: form.complete === 'complete' };
    case 'crossover': {
      const moreThan = parseWholeNumber(form.crossoverMoreThan);
      if (moreThan === null || moreThan < 1 || moreThan > 1000) {
        errors.crossoverMoreThan = t('formCrossoverInvalid');
        return null;
      }
      return { type: 'crossover', moreThan };
    }
    case 'rating':
      return { type: 'rating', rating: form.rating };
    case 'notUpdatedSince': {
      if (!isRealDate(form.date)) {
        errors.date = t('formChooseDate');
        return null;
      }
      return { type: 'notUpdatedSince', date: form.date };
    }
    case 'titleOrSummary': {
      const phrase = form.phrase.trim();
      if (!/[\p{L}\p{N}]/u.test(phrase)) errors.phrase = t('formEnterPhrase');
      else if (phrase.length > 200) errors.phrase = t('formPhraseTooLong');
      else return { type: 'titleOrSummary', phrase };
      return null;
    }
    case 'kudosRatioBelow': {
      const percent = Number(form.ratioPercent.trim().replace(',', '.').replace(/%$/, ''));
      if (form.ratioPercent.trim() === '' || !Number.isFinite(percent) || percent <= 0 || percent > 100) {
        errors.ratioPercent = t('formPercentInvalid');
        return null;
      }
      return { type: 'kudosRatioBelow', ratio: percent / 100 };
    }
    case 'chapterKudosRatioBelow': {
      const percent = Number(form.ratioPercent.trim().replace(',', '.').replace(/%$/, ''));
      if (form.ratioPercent.trim() === '' || !Number.isFinite(percent) || percent <= 0 || percent > 1000) {
        errors.ratioPercent = t('formChapterPercentInvalid');
        return null;
      }
      return { type: 'chapterKudosRatioBelow', ratio: percent / 100 };
    }
    case 'anonymous':
      return { type: 'anonymous' };
    case 'orphaned':
      return { type: 'orphaned' };
    case 'tagCount': {
      const moreThan = parseWholeNumber(form.tagCountMoreThan);
      if (moreThan === null || moreThan > 1000) {
        errors.tagCountMoreThan = t('formWholeNumberUpTo', (1000).toLocaleString());
        return null;
      }
      return { type: 'tagCount', slot: form.tagCountSlot, moreThan };
    }
    case 'wordsPerChapterBelow': {
      const below = parseWholeNumber(form.wordsPerChapterBelow);
      if (below === null || below < 1 || below > 1e9) {
        errors.wordsPerChapterBelow = t('formPositiveUpTo', (1e9).toLocaleString());
        return null;
      }
      return { type: 'wordsPerChapterBelow', below };
    }
    case 'notUpdatedFor': {
      const amount = parseWholeNumber(form.notUpdatedAmount);
      if (amount === null || amount < 1 || amount > 10_000) {
        errors.notUpdatedAmount = t('formPositiveUpTo', (10_000).toLocaleString());
        return null;
      }
      return { type: 'notUpdatedFor', amount, unit: form.notUpdatedUnit };
    }
  }
}

function isRealDate(text: string): boolean {
  const found = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!found) return false;
  const [year, month, day] = [Number(found[1]), Number(found[2]), Number(found[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= 1900 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * Errors shown while the reader types: everything except "this is empty",
 * which would greet them before they started; that one appears once they
 * leave the field or try to save.
 */
export function visibleErrors(errors: FormErrors, form: RuleForm, touched: ReadonlySet<FormField>, submitted: boolean): FormErrors {
  if (submitted) return errors;
  const shown: FormErrors = {};
  for (const [field, message] of Object.entries(errors) as Array<[FormField, string]>) {
    const show =
      field === 'author'
        ? touched.has('authorLogin') || touched.has('authorUserId')
        : touched.has(field) || String(form[field]).trim() !== '';
    if (show) shown[field] = message;
  }
  return shown;
}

/** A fresh rule id: the background accepts letters, digits and `_ . : -`. */
export function newRuleId(random: () => string = () => crypto.randomUUID()): string {
  return `rule-${random()}`;
}

/** A stored rule as `rules/put` takes it back: the same id and fields, without the times. */
export function ruleToInput(rule: Rule): RuleInput {
  const { createdAt: _createdAt, updatedAt: _updatedAt, ...input } = rule;
  return input;
}
