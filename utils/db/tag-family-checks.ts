/** Checks of a tag family's shape (utils/rules/tag-family.ts), shared by the store's callers, the protocol and the backup format. */
import type { TagFamily, TagSubtag } from '../rules/tag-family';
import { array, bool, type Check, int, object, str } from './check';
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
