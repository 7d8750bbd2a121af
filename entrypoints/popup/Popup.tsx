/**
 * The toolbar popup: what the rules did on the current page, a global pause,
 * and the rule list with its editor. Every change goes to the background as a
 * message; open archive tabs re-apply on their own (storage mirror), and this
 * popup asks its tab again when the mirror changes.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { RuleEditor } from '../../components/rules/RuleEditor';
import { RuleList } from '../../components/rules/RuleList';
import { ruleToInput } from '../../components/rules/form';
import { inIdOrder, moveId } from '../../components/rules/order';
import { ruleToggleSelector, useReturnFocus } from '../../components/rules/return-focus';
import { useRuleChanges } from '../../components/rules/rule-changes';
import { pageTags, type TagSuggestion } from '../../components/rules/suggest';
import { suggestTags as suggestTagsFor } from '../../components/rules/store-suggestions';
import { ErrorBanner } from '../../components/ui/ErrorBanner';
import { UndoBar } from '../../components/ui/UndoBar';
import type { RuleInput } from '../../utils/db/rule-checks';
import type { Settings } from '../../utils/db/settings';
import { t } from '../../utils/i18n';
import { LISTING_CONFIG_KEY } from '../../utils/rules/listing-config';
import { ruleLabel } from '../../utils/rules/labels';
import type { Rule, TagSlot } from '../../utils/rules/types';
import { deleteRule, errorText, getSettings, listRules, putRule, reorderRules, setSettings } from './api';
import { CurrentPage, LISTING_KINDS, type TabLoad } from './CurrentPage';
import { useReaderStates } from './reader-states';
import { askTab, findTabId } from './tab';

type View = { name: 'list' } | { name: 'edit'; rule?: Rule };
type Notice = { kind: 'error'; text: string } | { kind: 'undo'; rule: Rule };

const SUGGESTION_LIMIT = 8;

export function Popup() {
  const [rules, setRules] = useState<Rule[] | null>(null);
  const [settings, setSettingsState] = useState<Settings | null>(null);
  const [tab, setTab] = useState<TabLoad>({ status: 'loading' });
  const [view, setView] = useState<View>({ name: 'list' });
  // Focus where the reader was after the editor closes or an Undo brings a rule back.
  const focusLater = useReturnFocus(view.name === 'list');
  const [notice, setNotice] = useState<Notice | null>(null);
  const tabId = useRef<number | null>(null);
  /** Counts presses of "Pause rules on this page", so only the latest one's answer is shown. */
  const pauseAsked = useRef(0);

  const showError = (what: string, error: unknown) => setNotice({ kind: 'error', text: t('failedBecause', what, errorText(error)) });

  const refreshTab = useCallback(async () => {
    const id = tabId.current;
    if (id === null) return setTab({ status: 'none' });
    const state = await askTab(id, { type: 'tab/state' });
    setTab(state ? { status: 'ready', tabId: id, state } : { status: 'none' });
  }, []);

  const refreshRules = useCallback(async () => {
    try {
      setRules(await listRules());
    } catch (error) {
      setRules((current) => current ?? []);
      showError(t('popupRulesLoadFailed'), error);
    }
  }, []);

  useEffect(() => {
    void (async () => {
      tabId.current = await findTabId();
      await refreshTab();
    })();
    void refreshRules();
    getSettings().then(setSettingsState, (error: unknown) => showError(t('popupSettingsLoadFailed'), error));

    // The background mirrors rules and settings to storage; the tab re-applies on that change, then we ask it again.
    const timers: Array<ReturnType<typeof setTimeout>> = [];
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area !== 'local' || !(LISTING_CONFIG_KEY in changes)) return;
      for (const delay of [60, 400]) timers.push(setTimeout(() => void refreshTab(), delay));
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => {
      browser.storage.onChanged.removeListener(onChanged);
      timers.forEach(clearTimeout);
    };
  }, [refreshTab, refreshRules]);

  const records = tab.status === 'ready' && LISTING_KINDS.has(tab.state.kind) ? tab.state.blurbs : null;
  const onPage = useMemo(() => (records ? pageTags(records) : []), [records]);
  // Only while the editor is open: its count of a reading rule needs them.
  const readerStates = useReaderStates(view.name === 'edit' ? records : null);

  const suggestTags = useCallback(
    async (query: string, slot: TagSlot): Promise<TagSuggestion[]> => {
      return suggestTagsFor(query, slot, onPage, SUGGESTION_LIMIT);
    },
    [onPage],
  );

  // Changes to the rules, saved in turn; a failure is reported and the list read again.
  const { busy, change } = useRuleChanges(async (what, error) => {
    showError(what, error);
    await refreshRules();
  });

  const onToggle = (rule: Rule, enabled: boolean) => {
    setRules((current) => current?.map((r) => (r.id === rule.id ? { ...r, enabled } : r)) ?? null);
    void change(t('rulesChangeFailed'), async () => {
      const saved = await putRule({ ...ruleToInput(rule), enabled });
      // The switch as the reader left it: a later press may be queued behind this one.
      setRules((current) => current?.map((r) => (r.id === saved.id ? { ...saved, enabled: r.enabled } : r)) ?? null);
    });
  };

  const onMove = (rule: Rule, delta: -1 | 1) => {
    if (!rules) return;
    const ids = moveId(rules.map((r) => r.id), rule.id, delta);
    if (!ids) return;
    setRules(inIdOrder(rules, ids));
    void change(t('rulesReorderFailed'), async () => {
      const saved = await reorderRules(ids);
      setRules(inIdOrder(saved, ids));
    });
  };

  const onDelete = (rule: Rule) =>
    void change(t('rulesDeleteFailed'), async () => {
      await deleteRule(rule.id);
      setRules((current) => current?.filter((r) => r.id !== rule.id) ?? null);
      setNotice({ kind: 'undo', rule });
    });

  const onUndo = (rule: Rule) =>
    void change(t('rulesRestoreFailed'), async () => {
      setNotice(null);
      await putRule(ruleToInput(rule));
      await refreshRules();
      focusLater(ruleToggleSelector(rule.id));
    });

  const onSave = async (input: RuleInput) => {
    const saved = await putRule(input);
    await refreshRules();
    focusLater(ruleToggleSelector(saved.id));
    setNotice(null);
    setView({ name: 'list' });
  };

  const openEditor = (rule?: Rule) => {
    focusLater(rule ? ruleToggleSelector(rule.id) : '#sm-add-rule');
    setNotice(null);
    setView(rule ? { name: 'edit', rule } : { name: 'edit' });
  };


  /** The switch flips at once; the tab's answer replaces the guess, and no answer puts it back. */
  const onPauseHere = async (paused: boolean) => {
    if (tab.status !== 'ready') return;
    const before = tab;
    const asked = ++pauseAsked.current;
    setTab({ ...before, state: { ...before.state, pausedHere: paused } });
    const state = await askTab(before.tabId, { type: 'tab/pause', paused });
    if (asked !== pauseAsked.current) return; // pressed again meanwhile: that answer decides
    if (state) setTab({ status: 'ready', tabId: before.tabId, state });
    else {
      setTab(before);
      setNotice({ kind: 'error', text: t('pageNoAnswer') });
    }
  };

  const onPauseAll = async (paused: boolean) => {
    if (!settings) return;
    setSettingsState({ ...settings, rulesPaused: paused });
    try {
      setSettingsState(await setSettings({ rulesPaused: paused }));
    } catch (error) {
      setSettingsState(settings);
      showError(t('pauseFailed'), error);
    }
  };

  const rulesPaused = settings?.rulesPaused ?? false;
  const editing = view.name === 'edit';

  return (
    <div class="sm-popup">
      <header class="sm-header">
        <h1 class="sm-title">{t('extName')}</h1>
        <label class="sm-switch sm-switch-global">
          <input
            type="checkbox"
            role="switch"
            checked={rulesPaused}
            disabled={!settings}
            onChange={(event) => void onPauseAll(event.currentTarget.checked)}
          />
          <span>{t('popupPauseAll')}</span>
        </label>
        <button
          type="button"
          class="sm-link-button"
          title={t('popupLibraryTitle')}
          onClick={() => void browser.runtime.openOptionsPage().then(() => window.close())}
        >
          {t('popupLibrary')}
        </button>
      </header>

      {editing ? (
        <main class="sm-main">
          <RuleEditor
            key={view.rule?.id ?? 'new'}
            rule={view.rule}
            records={records}
            noRecordsMessage={t('popupNoListing')}
            alwaysShow={settings?.alwaysShow}
            rules={rules ?? undefined}
            readerStates={readerStates}
            hiddenWorks={settings?.hiddenWorks}
            suggestTags={suggestTags}
            onSave={onSave}
            onCancel={() => setView({ name: 'list' })}
          />
        </main>
      ) : (
        <main class="sm-main">
          <CurrentPage tab={tab} rulesPaused={rulesPaused} onPauseHere={(paused) => void onPauseHere(paused)} />
          <section class="sm-section" aria-labelledby="sm-rules-title">
            <div class="sm-section-head">
              <h2 id="sm-rules-title" class="sm-section-title">
                {t('popupRules')}{rules && rules.length > 0 ? <span class="sm-muted"> ({rules.length.toLocaleString()})</span> : null}
              </h2>
              <button type="button" id="sm-add-rule" class="sm-button sm-primary" onClick={() => openEditor()}>
                {t('rulesAdd')}
              </button>
            </div>
            {rules === null ? (
              <p class="sm-muted sm-rules-loading" aria-busy="true">
                {t('rulesLoading')}
              </p>
            ) : (
              <RuleList
                rules={rules}
                busy={busy}
                onToggle={onToggle}
                onEdit={openEditor}
                onDelete={onDelete}
                onMove={onMove}
                emptyMessage={t('rulesNoneYet')}
              />
            )}
          </section>
        </main>
      )}

      <div class="sm-notices">
        {notice?.kind === 'undo' && (
          <UndoBar
            message={t('rulesDeleted', ruleLabel(notice.rule))}
            onAction={() => onUndo(notice.rule)}
            onDismiss={() => setNotice(null)}
            autoFocus
          />
        )}
        <ErrorBanner error={notice?.kind === 'error' ? notice.text : null} onDismiss={() => setNotice(null)} />
      </div>
    </div>
  );
}
