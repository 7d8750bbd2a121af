import { describe, expect, it, vi } from 'vitest';
import type { Blurb } from '../../../utils/ao3/types';
import { compileRules } from '../../../utils/rules/compile';
import { countMatches } from '../../../utils/rules/count';
import { KUDOS_RATIO_MIN_HITS } from '../../../utils/rules/traits';
import type { Rule } from '../../../utils/rules/types';
import { rule, seriesBlurb, tagRule, traitRule, untaggedWork, workBlurb, workBookmark, workPage } from './factory';

const classify = (rules: Rule[], record: Parameters<ReturnType<typeof compileRules>['classify']>[0], alwaysShow?: number[]) =>
  compileRules(rules).classify(record, alwaysShow ? { alwaysShow: new Set(alwaysShow) } : {});

const verdictOf = (rules: Rule[], record: Parameters<typeof classify>[1]) => classify(rules, record).verdict;

describe('tag rules', () => {
  it('match exact text in any slot, case- and Unicode-insensitively, and say why', () => {
    const hide = tagRule('major character death', { id: 'mcd' });
    const result = classify([hide], workBlurb({ warnings: ['Major Character Death'] }));
    expect(result).toEqual({
      verdict: 'hide',
      classified: true,
      hiddenBy: [{ ruleId: 'mcd', label: 'Tag: major character death', detail: 'Major Character Death' }],
      highlightedBy: [],
      incomplete: false,
      severity: 'collapse',
    });
    expect(verdictOf([tagRule('ＦＬＵＦＦ')], workBlurb({ freeforms: ['Fluff'] }))).toBe('hide');
    expect(verdictOf([tagRule('Pokémon'.normalize('NFD'))], workBlurb({ fandoms: ['Pokémon'] }))).toBe('hide');
    expect(verdictOf([tagRule('Hurt  and   Comfort ')], workBlurb({ freeforms: ['Hurt and Comfort'] }))).toBe('hide');
  });

  it('take a tag copied from an archive URL', () => {
    expect(verdictOf([tagRule('Hurt*s*Comfort')], workBlurb({ freeforms: ['Hurt/Comfort'] }))).toBe('hide');
    expect(verdictOf([tagRule('F*s*M', { slot: 'category' })], workBlurb({ categories: ['F/M'] }))).toBe('hide');
  });

  it('never match a part of a tag in exact mode', () => {
    expect(verdictOf([tagRule('Fluff')], workBlurb({ freeforms: ['Fluff and Angst'] }))).toBe('show');
  });

  it('look only in their slot', () => {
    const characterRule = tagRule('Sirius Black', { slot: 'character' });
    expect(verdictOf([characterRule], workBlurb({ characters: ['Sirius Black'], relationships: [] }))).toBe('hide');
    expect(verdictOf([characterRule], workBlurb({ characters: [], relationships: ['Sirius Black'] }))).toBe('show');
    expect(verdictOf([tagRule('Explicit', { slot: 'rating' })], workBlurb({ rating: 'Explicit' }))).toBe('hide');
    expect(verdictOf([tagRule('Explicit', { slot: 'freeform' })], workBlurb({ rating: 'Explicit' }))).toBe('show');
    const fandomRule = tagRule('Supernatural', { slot: 'fandom' });
    expect(verdictOf([fandomRule], workBlurb({ fandoms: ['Supernatural'] }))).toBe('hide');
    expect(verdictOf([tagRule('M/M', { slot: 'category' })], workBlurb({ categories: ['F/F', 'M/M'] }))).toBe('hide');
  });

  it('match wildcards anchored, with the generated label showing the pattern', () => {
    const alpha = tagRule('Alpha*', { id: 'a', mode: 'wildcard', slot: 'freeform' });
    const result = classify([alpha], workBlurb({ freeforms: ['Fluff', 'Alpha/Omega'] }));
    expect(result.hiddenBy).toEqual([{ ruleId: 'a', label: 'Tag: Alpha*', detail: 'Alpha/Omega' }]);
    expect(verdictOf([alpha], workBlurb({ freeforms: ['Omega Alpha'] }))).toBe('show');
  });

  it('match regexes anywhere in the tag unless anchored', () => {
    const regex = tagRule('omega(verse)?$', { id: 'r', mode: 'regex' });
    expect(classify([regex], workBlurb({ freeforms: ['Alpha/Beta/Omega Dynamics', 'Omegaverse'] })).hiddenBy).toEqual([
      { ruleId: 'r', label: 'Tag: /omega(verse)?$/', detail: 'Omegaverse' },
    ]);
    expect(verdictOf([tagRule('^draco', { mode: 'regex' })], workBlurb({ relationships: ['Harry Potter/Draco Malfoy'] }))).toBe('show');
  });

  it('do nothing on a work with no tags at all', () => {
    const rules = [tagRule('Fluff'), tagRule('*', { mode: 'regex' }), tagRule('a*', { mode: 'wildcard' }), tagRule('.', { mode: 'regex' })];
    const result = classify(rules, untaggedWork());
    expect(result).toMatchObject({ verdict: 'show', classified: true, hiddenBy: [], incomplete: false });
  });

  it('report each matching rule once, with the first tag it matched', () => {
    const ship = tagRule('*Malfoy*', { id: 'm', mode: 'wildcard' });
    const result = classify([ship], workBlurb({ relationships: ['Harry Potter/Draco Malfoy'], characters: ['Draco Malfoy'] }));
    // Slots are read in the archive's order: relationships before characters.
    expect(result.hiddenBy).toEqual([{ ruleId: 'm', label: 'Tag: *Malfoy*', detail: 'Harry Potter/Draco Malfoy' }]);
  });
});

describe('invisible characters (zero-width, soft hyphens, bidi controls…)', () => {
  const spellings = ['Hide\u200bMe', 'Hi\u00addeMe', '\u202eHideMe\u202c', '\u2066Hide\u200eMe\u2069', '\ufeffHide\u2060Me', 'Hide\u061cMe'];

  it('keep no page tag from an exact rule, whatever the slot, and say what the page showed', () => {
    for (const shown of spellings) {
      const result = classify([tagRule('HideMe', { id: 'h' })], workBlurb({ freeforms: [shown] }));
      expect(result.verdict, JSON.stringify(shown)).toBe('hide');
      expect(result.hiddenBy[0]?.detail).toBe(shown);
      expect(verdictOf([tagRule('hideme', { slot: 'fandom' })], workBlurb({ fandoms: [shown] }))).toBe('hide');
    }
  });

  it('in rule text are removed too: wildcards, regexes, scope and exceptions', () => {
    for (const written of spellings) {
      expect(verdictOf([tagRule(written)], workBlurb({ freeforms: ['HideMe'] })), JSON.stringify(written)).toBe('hide');
    }
    expect(verdictOf([tagRule('Hide\u200b*', { mode: 'wildcard' })], workBlurb({ freeforms: ['Hide\u200dMe Please'] }))).toBe('hide');
    expect(verdictOf([tagRule('^hide\u200bme$', { mode: 'regex' })], workBlurb({ freeforms: ['Hide\u202eMe'] }))).toBe('hide');
    const scoped = tagRule('Angst', { scope: { fandoms: ['Good\u200b Omens'] } });
    expect(verdictOf([scoped], workBlurb({ freeforms: ['Angst'], fandoms: ['Good \u2066Omens\u2069'] }))).toBe('hide');
    const excepted = tagRule('Angst', { exceptions: { tags: ['Happy\u00ad Ending'] } });
    expect(verdictOf([excepted], workBlurb({ freeforms: ['Angst', 'Happy\u200b Ending'] }))).toBe('show');
  });

  it('in titles, summaries and languages are removed for trait rules', () => {
    expect(verdictOf([traitRule({ type: 'titleOrSummary', phrase: 'reader insert' })], workBlurb({ title: 'A Read\u200ber Ins\u00adert' }))).toBe('hide');
    expect(verdictOf([traitRule({ type: 'language', language: 'English' })], workBlurb({ language: '\u200eEnglish' }))).toBe('hide');
  });

  it('never join two emoji into one another: ZWJ sequences, flags and keycaps stay apart', () => {
    const couple = '👩\u200d❤\ufe0f\u200d👨';
    expect(verdictOf([tagRule(couple)], workBlurb({ freeforms: [couple] }))).toBe('hide');
    expect(verdictOf([tagRule(couple)], workBlurb({ freeforms: ['👩❤\ufe0f👨'] }))).toBe('show');
    const scotland = '🏴\u{e0067}\u{e0062}\u{e0073}\u{e0063}\u{e0074}\u{e007f}';
    expect(verdictOf([tagRule(scotland)], workBlurb({ freeforms: [scotland] }))).toBe('hide');
    expect(verdictOf([tagRule(scotland)], workBlurb({ freeforms: ['🏴'] }))).toBe('show');
    expect(verdictOf([tagRule('🇺🇦')], workBlurb({ freeforms: ['🇺🇦'] }))).toBe('hide');
    expect(verdictOf([tagRule('1\ufe0f\u20e3')], workBlurb({ freeforms: ['1'] }))).toBe('show');
  });
});

describe('author, work and series rules', () => {
  const byLogin = rule({ kind: 'author', login: 'SomeWriter' }, { id: 'login' });
  const byUserId = rule({ kind: 'author', userId: 4242 }, { id: 'uid' });

  it('match an author by login across all their pseuds', () => {
    for (const pseud of ['SomeWriter', 'Another Name']) {
      const result = classify([byLogin], workBlurb({ authors: [{ login: 'somewriter', pseud }], userIds: [] }));
      expect(result.verdict).toBe('hide');
    }
    expect(classify([byLogin], workBlurb({ authors: [{ login: 'somewriter', pseud: 'Pen Name' }] })).hiddenBy).toEqual([
      { ruleId: 'login', label: 'Author: SomeWriter', detail: 'Pen Name (somewriter)' },
    ]);
    expect(verdictOf([byLogin], workBlurb({ authors: [{ login: 'other', pseud: 'SomeWriter' }] }))).toBe('show');
  });

  it('match an author by the user-N id on the blurb when the login is not shown', () => {
    const anonymousLooking = workBlurb({ authors: [], userIds: [4242] });
    expect(classify([byUserId], anonymousLooking).hiddenBy).toEqual([{ ruleId: 'uid', label: 'Author: user #4242', detail: 'user #4242' }]);
    expect(verdictOf([byUserId], workBlurb({ userIds: [4243] }))).toBe('show');
  });

  it('match by either login or id when a rule has both', () => {
    const both = rule({ kind: 'author', login: 'writer2', userId: 7 });
    expect(verdictOf([both], workBlurb({ authors: [], userIds: [7] }))).toBe('hide');
    expect(verdictOf([both], workBlurb({ authors: [{ login: 'writer2', pseud: 'x' }], userIds: [] }))).toBe('hide');
  });

  it('match one work', () => {
    const work = rule({ kind: 'work', workId: 555 }, { id: 'w' });
    expect(classify([work], workBlurb({ workId: 555, title: 'Title' })).hiddenBy).toEqual([{ ruleId: 'w', label: 'Work #555', detail: 'Title' }]);
    expect(verdictOf([work], workBlurb({ workId: 556 }))).toBe('show');
  });

  it('match a series blurb and every work in the series', () => {
    const series = rule({ kind: 'series', seriesId: 77, title: 'The Saga' }, { id: 's' });
    expect(classify([series], seriesBlurb({ seriesId: 77, title: 'The Saga' })).hiddenBy).toEqual([
      { ruleId: 's', label: 'Series: The Saga', detail: 'The Saga' },
    ]);
    expect(verdictOf([series], workBlurb({ series: [{ id: 77, title: 'The Saga', part: 2 }] }))).toBe('hide');
    expect(verdictOf([series], workBlurb({ series: [{ id: 78, title: 'Other', part: 1 }] }))).toBe('show');
  });

  it('match series-level tags and authors on series blurbs and series bookmarks', () => {
    expect(verdictOf([tagRule('Angst')], seriesBlurb({ freeforms: ['Angst'] }))).toBe('hide');
    expect(verdictOf([byLogin], seriesBlurb({ authors: [{ login: 'SomeWriter', pseud: 'SomeWriter' }] }))).toBe('hide');
    expect(verdictOf([tagRule('Mature', { slot: 'rating' })], seriesBlurb({ rating: 'Explicit', ratings: ['Explicit', 'Mature'] }))).toBe('hide');
    const { type: _type, ...fields } = seriesBlurb({ freeforms: ['Angst'] });
    const bookmark: Blurb = { ...fields, type: 'bookmark', item: 'series', workId: null, bookmark: workBookmark().bookmark };
    expect(verdictOf([tagRule('Angst')], bookmark)).toBe('hide');
  });
});

describe('record kinds', () => {
  const hideFluff = tagRule('Fluff');

  it('classify work bookmarks and work pages like work blurbs', () => {
    expect(verdictOf([hideFluff], workBookmark({ freeforms: ['Fluff'] }))).toBe('hide');
    expect(verdictOf([hideFluff], workPage({ freeforms: ['Fluff'] }))).toBe('hide');
    expect(verdictOf([hideFluff], workPage({ freeforms: ['Angst'] }))).toBe('show');
  });

  it('classify bookmarked external works by their tags', () => {
    const external: Blurb = {
      type: 'bookmark',
      item: 'external',
      workId: null,
      externalWorkId: 9,
      title: 'Elsewhere',
      creator: 'someone',
      fandoms: [],
      rating: null,
      warnings: [],
      categories: [],
      relationships: [],
      characters: [],
      freeforms: ['Fluff'],
      tags: [],
      summary: null,
      updated: null,
      bookmark: workBookmark().bookmark,
    };
    expect(verdictOf([hideFluff], external)).toBe('hide');
  });

  it('never hide mystery, deleted or unreadable blurbs: they are not classified', () => {
    const everything = [tagRule('*', { mode: 'regex' }), rule({ kind: 'work', workId: 1 }), traitRule({ type: 'words', min: 0 })];
    const records: Blurb[] = [
      { type: 'mystery', workId: 1, title: 'Mystery Work', collection: null },
      { type: 'deleted', workId: null, title: 'Deleted', lastVisited: null, bookmark: null },
      { type: 'error', workId: 1, title: '', elementId: 'work_1', error: 'unreadable' },
    ];
    for (const record of records) {
      expect(classify(everything, record)).toEqual({ verdict: 'show', classified: false, hiddenBy: [], highlightedBy: [], incomplete: false });
    }
  });
});

describe('traits', () => {
  const cases: Array<[string, Rule, Parameters<typeof classify>[1], Parameters<typeof classify>[1], string, string]> = [
    ['language by name', traitRule({ type: 'language', language: 'english' }), workBlurb({ language: 'English' }), workBlurb({ language: 'Español', languageCode: 'es' }), 'Language: english', 'English'],
    ['language by code', traitRule({ type: 'language', language: 'ES' }), workBlurb({ language: 'Español', languageCode: 'es' }), workBlurb({ language: null, languageCode: null }), 'Language: ES', 'Español'],
    ['words over', traitRule({ type: 'words', min: 100_000 }), workBlurb({ words: 100_000 }), workBlurb({ words: 99_999 }), 'Words: at least 100,000', '100,000 words'],
    ['words under', traitRule({ type: 'words', max: 1000 }), workBlurb({ words: 999 }), workBlurb({ words: null }), 'Words: at most 1,000', '999 words'],
    ['chapters', traitRule({ type: 'chapters', min: 2, max: 10 }), workBlurb({ chapters: { posted: 3, expected: null } }), workBlurb({ chapters: { posted: 1, expected: 1 } }), 'Chapters: 2–10', '3 chapters'],
    ['in progress', traitRule({ type: 'complete', complete: false }), workBlurb({ complete: false }), workBlurb({ complete: null }), 'Work in progress', 'In progress'],
    ['complete', traitRule({ type: 'complete', complete: true }), workBlurb({ complete: true }), workBlurb({ complete: false }), 'Complete', 'Complete'],
    ['crossover', traitRule({ type: 'crossover', moreThan: 1 }), workBlurb({ fandoms: ['A', 'B'] }), workBlurb({ fandoms: ['A'] }), 'Crossover: more than 1 fandom', '2 fandoms'],
    ['rating', traitRule({ type: 'rating', rating: 'Explicit' }), workBlurb({ rating: 'Explicit' }), workBlurb({ rating: 'Mature' }), 'Rating: Explicit', 'Explicit'],
    ['rating among several', traitRule({ type: 'rating', rating: 'General Audiences' }), workBlurb({ rating: 'Teen And Up Audiences, General Audiences' }), workBlurb({ rating: null }), 'Rating: General Audiences', 'General Audiences'],
    ['not updated since', traitRule({ type: 'notUpdatedSince', date: '2020-01-01' }), workBlurb({ updated: '2019-12-31' }), workBlurb({ updated: '2020-01-01' }), 'Not updated since 2020-01-01', 'Updated 2019-12-31'],
    ['phrase in title', traitRule({ type: 'titleOrSummary', phrase: 'Reader Insert' }), workBlurb({ title: 'A reader  insert story' }), workBlurb({ title: 'A readers insert story', summary: null }), 'Title or summary: “Reader Insert”', '“Reader Insert” in the title'],
    ['phrase in summary', traitRule({ type: 'titleOrSummary', phrase: 'au' }), workBlurb({ summary: 'Coffee shop AU.' }), workBlurb({ summary: 'An aura of beauty.' }), 'Title or summary: “au”', '“au” in the summary'],
    ['kudos ratio', traitRule({ type: 'kudosRatioBelow', ratio: 0.02 }), workBlurb({ kudos: 10, hits: 1000 }), workBlurb({ kudos: 20, hits: 1000 }), 'Kudos below 2% of hits (100+ hits)', '10 kudos / 1,000 hits (1%)'],
  ];

  it.each(cases)('%s', (_, traitRuleUnderTest, matching, notMatching, label, detail) => {
    expect(classify([traitRuleUnderTest], matching).hiddenBy).toEqual([{ ruleId: traitRuleUnderTest.id, label, detail }]);
    expect(classify([traitRuleUnderTest], notMatching).verdict).toBe('show');
  });

  it(`ignores the kudos ratio of works with fewer than ${KUDOS_RATIO_MIN_HITS} hits`, () => {
    const lowRatio = traitRule({ type: 'kudosRatioBelow', ratio: 0.5 });
    expect(verdictOf([lowRatio], workBlurb({ kudos: 0, hits: KUDOS_RATIO_MIN_HITS - 1 }))).toBe('show');
    expect(verdictOf([lowRatio], workBlurb({ kudos: 0, hits: KUDOS_RATIO_MIN_HITS }))).toBe('hide');
    expect(verdictOf([lowRatio], seriesBlurb())).toBe('show');
  });

  it('never guess a value the record does not show', () => {
    const unknown = workBlurb({ words: null, chapters: null, complete: null, updated: null, language: null, languageCode: null });
    const traits = [
      traitRule({ type: 'words', max: 10_000_000 }),
      traitRule({ type: 'chapters', min: 0 }),
      traitRule({ type: 'complete', complete: false }),
      traitRule({ type: 'notUpdatedSince', date: '9999-01-01' }),
      traitRule({ type: 'language', language: 'English' }),
    ];
    expect(verdictOf(traits, unknown)).toBe('show');
  });
});

describe('scope and exceptions', () => {
  it('scope: a rule applies only within its fandoms (text or wildcard)', () => {
    const pairing = tagRule('Dean Winchester/Castiel', { slot: 'relationship', scope: { fandoms: ['Supernatural'] } });
    const inFandom = workBlurb({ fandoms: ['SUPERNATURAL'], relationships: ['Dean Winchester/Castiel'] });
    const elsewhere = workBlurb({ fandoms: ['Supernatural RPF'], relationships: ['Dean Winchester/Castiel'] });
    expect(verdictOf([pairing], inFandom)).toBe('hide');
    expect(verdictOf([pairing], elsewhere)).toBe('show');
    const wildcardScope = tagRule('Fluff', { scope: { fandoms: ['Harry Potter*'] } });
    expect(verdictOf([wildcardScope], workBlurb({ fandoms: ['Harry Potter - J. K. Rowling'], freeforms: ['Fluff'] }))).toBe('hide');
    expect(verdictOf([wildcardScope], workBlurb({ fandoms: ['Good Omens'], freeforms: ['Fluff'] }))).toBe('show');
  });

  it('exceptions: a rule does not apply to a work that also has an exception tag', () => {
    const mcd = tagRule('Major Character Death', { exceptions: { tags: ['Fix-It', 'Everyone Lives*'] } });
    expect(verdictOf([mcd], workBlurb({ warnings: ['Major Character Death'] }))).toBe('hide');
    expect(verdictOf([mcd], workBlurb({ warnings: ['Major Character Death'], freeforms: ['fix-it'] }))).toBe('show');
    expect(verdictOf([mcd], workBlurb({ warnings: ['Major Character Death'], freeforms: ['Everyone Lives/Nobody Dies'] }))).toBe('show');
  });

  it('exceptions apply to every kind of rule', () => {
    const longWorks = traitRule({ type: 'words', min: 100_000 }, { exceptions: { tags: ['Hurt*s*Comfort'] } });
    expect(verdictOf([longWorks], workBlurb({ words: 200_000, freeforms: ['Hurt/Comfort'] }))).toBe('show');
    expect(verdictOf([longWorks], workBlurb({ words: 200_000, freeforms: ['Angst'] }))).toBe('hide');
  });
});

describe('precedence', () => {
  const hide = tagRule('Angst', { id: 'hide-angst' });
  const highlight = tagRule('Fluff', { id: 'hl-fluff', action: 'highlight', color: '#ffcc00' });
  const both = workBlurb({ workId: 9, freeforms: ['Fluff', 'Angst'] });

  it('hide wins over highlight, and both are reported', () => {
    const result = classify([highlight, hide], both);
    expect(result.verdict).toBe('hide');
    expect(result.hiddenBy.map((reason) => reason.ruleId)).toEqual(['hide-angst']);
    expect(result.highlightedBy.map((reason) => reason.ruleId)).toEqual(['hl-fluff']);
    expect(result.color).toBeUndefined();
  });

  it('"always show" turns a hide into the highlight or into show, still saying it would be hidden', () => {
    const highlighted = classify([highlight, hide], both, [9]);
    expect(highlighted).toMatchObject({ verdict: 'highlight', color: '#ffcc00' });
    expect(highlighted.hiddenBy.map((reason) => reason.ruleId)).toEqual(['hide-angst']);
    const shown = classify([hide], both, [9]);
    expect(shown.verdict).toBe('show');
    expect(shown.hiddenBy).toHaveLength(1);
    expect(classify([hide], both, [10]).verdict).toBe('hide');
  });

  it('the colour is that of the first applying highlight rule in rule order', () => {
    const red = tagRule('Fluff', { action: 'highlight', color: '#f00' });
    const blue = tagRule('Fluff', { action: 'highlight', color: '#00f' });
    const noColour = tagRule('Fluff', { action: 'highlight' });
    const work = workBlurb({ freeforms: ['Fluff'] });
    expect(classify([red, blue], work).color).toBe('#f00');
    expect(classify([{ ...red, order: 2 }, { ...blue, order: 1 }], work).color).toBe('#00f');
    expect(classify([noColour, blue], work).color).toBe('#00f');
    const uncoloured = classify([noColour], work);
    expect(uncoloured.verdict).toBe('highlight');
    expect(uncoloured.color).toBeUndefined();
    const excepted = { ...red, exceptions: { tags: ['Fluff'] } };
    expect(classify([excepted, blue], work).color).toBe('#00f');
  });

  it('reasons follow rule order: ascending order, then unordered rules in list order', () => {
    const a = tagRule('Fluff', { id: 'a' });
    const b = tagRule('Fluff', { id: 'b', order: 5 });
    const c = tagRule('Fluff', { id: 'c', order: 1 });
    const d = tagRule('Fluff', { id: 'd' });
    const result = classify([a, b, c, d], workBlurb({ freeforms: ['Fluff'] }));
    expect(result.hiddenBy.map((reason) => reason.ruleId)).toEqual(['c', 'b', 'a', 'd']);
  });

  it('disabled rules do nothing', () => {
    expect(verdictOf([{ ...hide, enabled: false }], both)).toBe('show');
  });

  it("a rule's own label is the reason shown", () => {
    const labelled = { ...hide, label: 'Too sad today' };
    expect(classify([labelled], both).hiddenBy).toEqual([{ ruleId: 'hide-angst', label: 'Too sad today', detail: 'Angst' }]);
  });
});

describe('tags hidden by archive preferences', () => {
  const hiddenFreeforms = workBlurb({ freeforms: [], hiddenTags: { warnings: false, freeforms: true } });
  const hiddenWarnings = workBlurb({ warnings: [], hiddenTags: { warnings: true, freeforms: false } });

  it('flag results incomplete when a rule reads the hidden slot', () => {
    expect(classify([tagRule('Fluff', { slot: 'freeform' })], hiddenFreeforms)).toMatchObject({ verdict: 'show', incomplete: true });
    expect(classify([tagRule('Fluff')], hiddenFreeforms).incomplete).toBe(true);
    expect(classify([tagRule('Major Character Death', { slot: 'warning' })], hiddenWarnings).incomplete).toBe(true);
    const excepted = rule({ kind: 'work', workId: 1000 }, { exceptions: { tags: ['Fix-It'] } });
    expect(classify([excepted], hiddenFreeforms)).toMatchObject({ verdict: 'hide', incomplete: true });
  });

  it('not when no rule reads it', () => {
    expect(classify([tagRule('Fluff', { slot: 'freeform' })], hiddenWarnings).incomplete).toBe(false);
    expect(classify([traitRule({ type: 'words', min: 1 })], hiddenFreeforms).incomplete).toBe(false);
    expect(classify([], hiddenFreeforms).incomplete).toBe(false);
  });
});

describe('countMatches', () => {
  it('tallies a page for the popup preview', () => {
    const matcher = compileRules([tagRule('Angst'), tagRule('Fluff', { action: 'highlight' })]);
    const records: Blurb[] = [
      workBlurb({ freeforms: ['Angst'] }),
      workBlurb({ workId: 2, freeforms: ['Angst'] }),
      workBlurb({ freeforms: ['Fluff'] }),
      workBlurb({ freeforms: [], hiddenTags: { warnings: false, freeforms: true } }),
      { type: 'mystery', workId: null, title: 'Mystery Work', collection: null },
    ];
    expect(countMatches(matcher, records, { alwaysShow: new Set([2]) })).toEqual({
      total: 5,
      classified: 4,
      hidden: 1,
      highlighted: 1,
      incomplete: 1,
    });
  });
});

describe('compiled lookups', () => {
  /**
   * Counts lookups (Map and array searches) and reads of rule fields while
   * classifying one blurb against `ruleCount` exact-tag rules, none of them matching.
   */
  function lookupsWith(ruleCount: number): number {
    let ruleReads = 0;
    const counting = <T extends object>(target: T): T =>
      new Proxy(target, {
        get(object, property, receiver) {
          ruleReads++;
          const value: unknown = Reflect.get(object, property, receiver);
          return typeof value === 'object' && value !== null ? counting(value) : value;
        },
      });
    const rules = Array.from({ length: ruleCount }, (_, index) =>
      counting(tagRule(`Unused Tag ${index}`, { slot: index % 2 ? 'any' : 'freeform' })),
    );
    const matcher = compileRules(rules);
    ruleReads = 0;
    const blurb = workBlurb({ freeforms: ['Fluff', 'Angst', 'Slow Burn'] });
    matcher.classify(blurb); // fills the per-tag cache
    const get = vi.spyOn(Map.prototype, 'get');
    const has = vi.spyOn(Map.prototype, 'has');
    const includes = vi.spyOn(Array.prototype, 'includes');
    const result = matcher.classify(workBlurb({ freeforms: ['Fluff', 'Angst', 'Slow Burn', 'New Tag'] }));
    const lookups = get.mock.calls.length + has.mock.calls.length + includes.mock.calls.length + ruleReads;
    vi.restoreAllMocks();
    expect(result.verdict).toBe('show');
    return lookups;
  }

  it('classifying a blurb does not scale with the number of exact-tag rules', () => {
    const few = lookupsWith(10);
    expect(few).toBeGreaterThan(0);
    expect(lookupsWith(10_000)).toBe(few);
  });

  it('a matching exact tag is found among 10,000 rules', () => {
    const rules = Array.from({ length: 10_000 }, (_, index) => tagRule(`Tag ${index}`, { id: `t${index}` }));
    expect(classify(rules, workBlurb({ freeforms: ['TAG 9876'] })).hiddenBy.map((reason) => reason.ruleId)).toEqual(['t9876']);
  });
});
