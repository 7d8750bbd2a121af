/**
 * Rules on the options page: the popup's editor and list, with room for
 * hundreds of rules — search, grouping by kind or action, and import/export
 * of the rules alone.
 */
import type { HiddenWorksStyle } from '../../utils/rules/listing-config';
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { request } from '../../utils/messaging/client';
import { ruleToInput } from '../../components/rules/form';
import { RuleEditor } from '../../components/rules/RuleEditor';
import { VirtualRuleList, type RuleGroup } from '../../components/rules/VirtualRuleList';
import { ruleToggleSelector, useReturnFocus } from '../../components/rules/return-focus';
import { useRuleChanges } from '../../components/rules/rule-changes';
import { suggestTags as suggestTagsFor } from '../rules/store-suggestions';
import type { RuleInput } from '../../utils/db/rule-checks';
import { readRulesFile, rulesFileText } from '../../utils/library/rules-file';
import { describeMatch, ruleLabel } from '../../utils/rules/labels';
import type { Rule, TagSlot } from '../../utils/rules/types';
import { t, tn, type MessageKey } from '../../utils/i18n';
import { downloadFile, errorText } from '../ui/format';
import { FileButton } from '../ui/FileButton';
import { UndoBar } from '../ui/UndoBar';
import { ErrorBanner } from '../ui/ErrorBanner';

type Grouping = 'none' | 'kind' | 'action';

const KIND_NAMES: Record<Rule['match']['kind'], MessageKey> = { tag: 'groupTags', author: 'groupAuthors', work: 'groupWorks', series: 'groupSeries', trait: 'groupTraits', reading: 'groupReading' };

/** Marks for the bench (scripts/bench/rules.ts) and for anyone profiling: rules in → list laid out. */
const MARKS = { data: 'sm-rules-data', rendered: 'sm-rules-rendered', render: 'sm-rules-render' } as const;

interface Pending {
  rules: RuleInput[];
  fileName: string;
}

export function RulesPanel({ alwaysShow, hiddenWorks }: { alwaysShow: readonly number[] | undefined; hiddenWorks?: HiddenWorksStyle | undefined }) {
  const uid = useId();
  const [rules, setRules] = useState<Rule[] | null>(null);
  const [query, setQuery] = useState('');
  const [grouping, setGrouping] = useState<Grouping>('none');
  const [editing, setEditing] = useState<{ rule?: Rule } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [deleted, setDeleted] = useState<Rule | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [replaceConfirmed, setReplaceConfirmed] = useState(false);
  // Focus where the reader was after the editor closes or an Undo brings a rule back.
  const focusLater = useReturnFocus(editing === null);
  // The list draws only the rules in view: the one focus returns to is scrolled to first.
  const [reveal, setReveal] = useState<{ id: string } | null>(null);
  const returnFocusTo = (ruleId: string) => {
    setReveal({ id: ruleId });
    focusLater(ruleToggleSelector(ruleId));
  };
  const openEditor = (rule?: Rule) => {
    if (rule) returnFocusTo(rule.id);
    else {
      setReveal(null);
      focusLater(`#${CSS.escape(`${uid}-add`)}`);
    }
    setEditing(rule ? { rule } : {});
  };

  const refresh = async () => {
    try {
      const { rules: loaded } = await request({ type: 'rules/list' });
      performance.clearMarks(MARKS.data);
      performance.mark(MARKS.data);
      setRules(loaded);
    } catch (e) {
      setRules((current) => current ?? []);
      setError(t('rulesLoadFailed', errorText(e)));
    }
  };
  useEffect(() => void refresh(), []);

  const rendered = useRef(false);
  useLayoutEffect(() => {
    if (rules === null || rendered.current) return;
    rendered.current = true;
    void document.body.offsetHeight;
    performance.mark(MARKS.rendered);
    try {
      performance.measure(MARKS.render, MARKS.data, MARKS.rendered);
    } catch {
      // The rules failed to load: nothing to measure.
    }
  }, [rules]);

  const shown = useMemo(() => {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    if (!rules || words.length === 0) return rules ?? [];
    return rules.filter((rule) => {
      const text = `${ruleLabel(rule)}\n${describeMatch(rule.match)}\n${rule.action}`.toLowerCase();
      return words.every((w) => text.includes(w));
    });
  }, [rules, query]);

  const groups = useMemo((): RuleGroup[] => {
    if (grouping === 'none') return [{ name: null, rules: shown }];
    const map = new Map<string, Rule[]>();
    for (const rule of shown) {
      const name = t(grouping === 'kind' ? KIND_NAMES[rule.match.kind] : rule.action === 'hide' ? 'ruleBadgeHide' : 'ruleBadgeHighlight');
      map.set(name, [...(map.get(name) ?? []), rule]);
    }
    return [...map].map(([name, list]) => ({ name, rules: list }));
  }, [shown, grouping]);

  // Changes to the rules, saved in turn; a failure is shown and the list read again.
  const { busy, change: queueChange } = useRuleChanges(async (what, e) => {
    setError(t('failedBecause', what, errorText(e)));
    await refresh();
  });
  const change = (what: string, action: () => Promise<void>) => {
    setError(null);
    return queueChange(what, action);
  };

  /** Moves a rule past its neighbour in the list as shown (filtered or grouped), keeping every other rule's place. */
  const onMove = (list: readonly Rule[], rule: Rule, delta: -1 | 1) => {
    if (!rules) return;
    const at = list.findIndex((r) => r.id === rule.id);
    const other = list[at + delta];
    if (!other) return;
    const ids = rules.map((r) => r.id);
    const i = ids.indexOf(rule.id);
    const j = ids.indexOf(other.id);
    [ids[i], ids[j]] = [ids[j]!, ids[i]!];
    const byId = new Map(rules.map((r) => [r.id, r]));
    setRules(ids.map((id) => byId.get(id)!));
    void change(t('rulesReorderFailed'), async () => {
      setRules((await request({ type: 'rules/reorder', ids })).rules);
    });
  };

  const suggestTags = (text: string, slot: TagSlot) => suggestTagsFor(text, slot, [], 8);

  const onFile = async (file: File) => {
    setProblems([]);
    setPending(null);
    setNotice(null);
    const parsed = await readRulesFile(file);
    if (!parsed.ok) setProblems(parsed.problems);
    else setPending({ rules: parsed.rules, fileName: file.name });
  };

  const runImport = (mode: 'merge' | 'replace') =>
    void change(t('rulesImportFailed'), async () => {
      if (!pending) return;
      const result = await request({ type: 'rules/import', rules: pending.rules, mode, ...(mode === 'replace' ? { confirmReplace: true } : {}) });
      setRules(result.rules);
      setNotice(tn(mode === 'replace' ? 'rulesImportedReplaced' : 'rulesImportedAdded', pending.rules.length, pending.fileName));
      setPending(null);
      setReplaceConfirmed(false);
    });

  if (editing) {
    return (
      <div class="sm-rules-page sm-rules-editing">
        <RuleEditor
          key={editing.rule?.id ?? 'new'}
          rule={editing.rule}
          records={null}
          noRecordsMessage={t('rulesPopupCounts')}
          alwaysShow={alwaysShow}
          hiddenWorks={hiddenWorks}
          suggestTags={suggestTags}
          onSave={async (input) => {
            const { rule: saved } = await request({ type: 'rules/put', rule: input });
            await refresh();
            returnFocusTo(saved.id);
            setEditing(null);
          }}
          onCancel={() => setEditing(null)}
        />
      </div>
    );
  }

  return (
    <div class="sm-rules-page">
      <div class="sm-rules-toolbar">
        <div class="sm-field sm-search">
          <label for={`${uid}-search`}>{t('rulesSearch')}</label>
          <input id={`${uid}-search`} type="search" value={query} placeholder={t('rulesSearchPlaceholder')} onInput={(e) => setQuery(e.currentTarget.value)} />
        </div>
        <div class="sm-field sm-field-narrow">
          <label for={`${uid}-group`}>{t('rulesGroupBy')}</label>
          <select id={`${uid}-group`} value={grouping} onChange={(e) => setGrouping(e.currentTarget.value as Grouping)}>
            <option value="none">{t('rulesGroupNone')}</option>
            <option value="kind">{t('rulesGroupKind')}</option>
            <option value="action">{t('rulesGroupAction')}</option>
          </select>
        </div>
        <div class="sm-actions">
          <button type="button" id={`${uid}-add`} class="sm-button sm-primary" onClick={() => openEditor()}>
            {t('rulesAdd')}
          </button>
          <button type="button" class="sm-button" disabled={!rules || rules.length === 0} onClick={() => rules && downloadFile(new Blob([rulesFileText(rules, Date.now())], { type: 'application/json' }), `shelfmark-rules-${new Date().toISOString().slice(0, 10)}.json`)}>
            {t('rulesExport')}
          </button>
          <FileButton accept="application/json,.json" fileLabel={t('rulesFileToImport')} onFile={(file) => void onFile(file)}>
            {t('rulesImport')}
          </FileButton>
        </div>
      </div>

      <div class="sm-notices-inline">
        {deleted && (
          <UndoBar
            message={t('rulesDeleted', ruleLabel(deleted))}
            onAction={() => {
              const rule = deleted;
              setDeleted(null);
              void change(t('rulesRestoreFailed'), async () => {
                await request({ type: 'rules/put', rule: ruleToInput(rule) });
                await refresh();
                returnFocusTo(rule.id);
              });
            }}
            onDismiss={() => setDeleted(null)}
          />
        )}
        {notice && <p class="sm-ok-banner" role="status">{notice}</p>}
        <ErrorBanner error={error} onDismiss={() => setError(null)} />
        {problems.length > 0 && (
          <div class="sm-error-banner sm-problems" role="alert">
            <div>
              <p>{t('rulesFileRefused')}</p>
              <ul>
                {problems.slice(0, 50).map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
              {problems.length > 50 && <p>{tn('moreProblems', problems.length - 50)}</p>}
            </div>
            <button type="button" class="sm-icon-button" aria-label={t('buttonDismiss')} title={t('buttonDismiss')} onClick={() => setProblems([])}>
              ×
            </button>
          </div>
        )}
        {pending && (
          <div class="sm-confirm sm-confirm-neutral" role="group" aria-label={t('rulesImportGroup')}>
            <p>
              {tn('rulesImportConfirm', pending.rules.length, pending.fileName)}
            </p>
            <label class="sm-check">
              <input type="checkbox" checked={replaceConfirmed} onChange={(e) => setReplaceConfirmed(e.currentTarget.checked)} />
              {tn('rulesReplaceUnderstood', rules?.length ?? 0)}
            </label>
            <div class="sm-actions">
              <button type="button" class="sm-button sm-primary" disabled={busy} onClick={() => runImport('merge')}>
                {t('rulesAddToMine')}
              </button>
              <button type="button" class="sm-button sm-danger" disabled={busy || !replaceConfirmed} onClick={() => runImport('replace')}>
                {t('rulesReplaceMine')}
              </button>
              <button type="button" class="sm-button" onClick={() => setPending(null)}>
                {t('buttonCancel')}
              </button>
            </div>
          </div>
        )}
      </div>

      <p class="sm-muted" role="status">
        {rules === null ? t('rulesLoading') : shown.length === rules.length ? tn('rulesCount', rules.length) : tn('rulesShownCount', rules.length, shown.length.toLocaleString())}
      </p>
      {rules !== null && (
        <VirtualRuleList
          groups={groups}
          busy={busy}
          scrollKey={`${grouping}\n${query}`}
          reveal={reveal}
          onToggle={(rule, enabled) => {
            setRules((current) => current?.map((r) => (r.id === rule.id ? { ...r, enabled } : r)) ?? null);
            void change(t('rulesChangeFailed'), async () => {
              const { rule: saved } = await request({ type: 'rules/put', rule: { ...ruleToInput(rule), enabled } });
              // The switch as the reader left it: a later press may be queued behind this one.
              setRules((current) => current?.map((r) => (r.id === saved.id ? { ...saved, enabled: r.enabled } : r)) ?? null);
            });
          }}
          onEdit={openEditor}
          onDelete={(rule) =>
            void change(t('rulesDeleteFailed'), async () => {
              await request({ type: 'rules/delete', id: rule.id });
              setRules((current) => current?.filter((r) => r.id !== rule.id) ?? null);
              setDeleted(rule);
            })
          }
          onMove={(group, rule, delta) => onMove(group.rules, rule, delta)}
          emptyMessage={t(query ? 'rulesNoMatch' : 'rulesNoneYet')}
        />
      )}
    </div>
  );
}
