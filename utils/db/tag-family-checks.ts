/** Checks of a tag family's shape (utils/rules/tag-family.ts), shared by the store's callers, the protocol and the backup format. */
import type { NoFields, ReplyValue, RequestOf } from '../messaging/protocol';
import type { TagFamily, TagSubtag } from '../rules/tag-family';
import type { SlotReply } from '../wrangling/archive-queue';
import type { FamilyStatus, LearningProgress } from '../wrangling/family-service';
import { array, bool, type Check, int, isPlainObject, nullable, object, str } from './check';
import { FACT_LIMITS, time } from './record-checks';

/** The most names one family may hold: the archive lists at most 300 synonyms per tag, and a walk reads at most ~25 pages. */
export const MAX_FAMILY_NAMES = 20_000;

const name = str({ nonEmpty: true, max: FACT_LIMITS.name });
const names = array(name, { max: MAX_FAMILY_NAMES });

const checkSubtag: Check<TagSubtag> = object<TagSubtag>({ name, parent: name, synonyms: names });

export const checkTagFamily: Check<TagFamily> = object<TagFamily>({
  name,
  canonical: name,
  synonyms: names,
  subtags: array(checkSubtag, { max: MAX_FAMILY_NAMES }),
  learnedAt: time,
  pages: int({ min: 0, max: 1000 }),
  complete: bool,
});

const familyStatus = object<FamilyStatus>({
  key: str({ max: FACT_LIMITS.name }),
  name: str({ max: FACT_LIMITS.name }),
  family: nullable(checkTagFamily),
  learning: nullable(object<LearningProgress>({ done: int({ min: 0 }), total: int({ min: 0 }) })),
  queued: bool,
  failedAt: nullable(time),
  error: nullable(str({ max: 10_000 })),
});

const slotReply: Check<SlotReply> = (value, path) =>
  isPlainObject(value) && value.granted === true
    ? object<{ granted: true }>({ granted: bool as Check<true> })(value, path)
    : object<{ granted: false; retryAt: number }>({ granted: bool as Check<false>, retryAt: time })(value, path);

type FamilyRequests = 'families/status' | 'families/refresh' | 'archive/turn' | 'archive/refused';

/** The checks of the tag family and archive queue requests (spread into utils/messaging/checks.ts). */
export const FAMILY_REQUEST_CHECKS: { [T in FamilyRequests]: Check<Omit<RequestOf<T>, 'type'>> } = {
  'families/status': object({ names: array(name, { max: 100 }) }),
  'families/refresh': object({ name }),
  'archive/turn': object<NoFields>({}),
  'archive/refused': object({ status: int({ min: 100, max: 599 }), retryAfter: nullable(str({ max: 200 })) }),
};

export const FAMILY_REPLY_CHECKS: { [T in FamilyRequests]: Check<ReplyValue<T>> } = {
  'families/status': object({ enabled: bool, families: array(familyStatus, { max: 100 }) }),
  'families/refresh': object({ status: familyStatus }),
  'archive/turn': slotReply,
  'archive/refused': (value, path) => (value === null ? null : `${path}: expected null`),
};
