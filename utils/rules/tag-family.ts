/**
 * What the archive files under one tag, as its wrangling says: learned from
 * the archive's tag pages (`/tags/NAME`) and stored with the date learned.
 *
 * An exact tag rule on `name` (or on any synonym of it) also matches every
 * name here: the canonical tag, its synonyms, and (unless the rule turns it
 * off) its subtags with their own synonyms — as the archive's own filter does.
 */
export interface TagSubtag {
  /** The subtag's name, as the archive names it. */
  name: string;
  /** The tag it is drawn under in the tree: the canonical tag or another subtag. */
  parent: string;
  /** Its own synonyms, when its page was read. */
  synonyms: string[];
}

export interface TagFamily {
  /** The name the family was learned for (a rule's text), as the archive names it. */
  name: string;
  /** The canonical tag it is filed under: `name` itself when canonical or unwrangled. */
  canonical: string;
  /** Names with the canonical tag's meaning (its synonyms; `name` among them when it is one). */
  synonyms: string[];
  subtags: TagSubtag[];
  /** Milliseconds since the epoch. */
  learnedAt: number;
  /** Tag pages read to learn it. */
  pages: number;
  /** False when the page limit stopped the walk or a subtag's page could not be read. */
  complete: boolean;
}
