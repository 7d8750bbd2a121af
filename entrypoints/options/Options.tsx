/**
 * The options page, a full tab: Library, History, Rules, Data and Settings,
 * one at a time (the address's #hash names it, so each can be bookmarked).
 * The library rows load once here and are shared: History names its works
 * from them.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { History } from '../../components/history/History';
import { Library } from '../../components/library/Library';
import { DataPanel } from '../../components/data/DataPanel';
import { RulesPanel } from '../../components/settings/RulesPanel';
import { SettingsPanel } from '../../components/settings/SettingsPanel';
import { AlwaysShownWorks } from '../../components/settings/AlwaysShownWorks';
import { errorText } from '../../components/ui/format';
import { applyTheme } from '../../components/ui/theme';
import type { LibraryRow } from '../../utils/db/library';
import type { Settings } from '../../utils/db/settings';
import { loadLibrary } from '../../components/library/load';
import { request } from '../../utils/messaging/client';
import { t } from '../../utils/i18n';
import { ErrorBanner } from '../../components/ui/ErrorBanner';

const TABS = [
  { id: 'library', label: 'tabLibrary' },
  { id: 'history', label: 'tabHistory' },
  { id: 'rules', label: 'tabRules' },
  { id: 'data', label: 'tabData' },
  { id: 'settings', label: 'tabSettings' },
] as const;
type TabId = (typeof TABS)[number]['id'];

const tabFromHash = (): TabId => {
  const wanted = location.hash.slice(1);
  return TABS.find((entry) => entry.id === wanted)?.id ?? 'library';
};

export function Options() {
  const [tab, setTab] = useState<TabId>(tabFromHash);
  const [rows, setRows] = useState<LibraryRow[] | null>(null);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [error, setError] = useState<string | null>(null);
  const tabRefs = useRef<Partial<Record<TabId, HTMLButtonElement | null>>>({});

  const reloadLibrary = useCallback(async () => {
    try {
      setRows(await loadLibrary());
    } catch (e) {
      setRows((current) => current ?? []);
      setError(t('libraryLoadFailed', errorText(e)));
    }
  }, []);

  const reloadSettings = useCallback(
    () =>
      request({ type: 'settings/get' }).then(
        ({ settings }) => {
          setSettings(settings);
          applyTheme(settings.theme);
        },
        (e: unknown) => setError(t('settingsLoadFailed', errorText(e))),
      ),
    [],
  );

  /** After an import, a restore or a deletion: the library and the settings (the theme among them) as they are now. */
  const reloadData = useCallback(async () => {
    await Promise.all([reloadLibrary(), reloadSettings()]);
  }, [reloadLibrary, reloadSettings]);

  useEffect(() => {
    void reloadLibrary();
    void reloadSettings();
    const onHash = () => setTab(tabFromHash());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [reloadLibrary, reloadSettings]);

  useEffect(() => {
    document.title = t('optionsTitle', t(TABS.find((entry) => entry.id === tab)!.label));
  }, [tab]);

  const select = (id: TabId, focus = false) => {
    setTab(id);
    history.replaceState(null, '', `#${id}`);
    if (focus) tabRefs.current[id]?.focus();
  };

  const onTabKey = (event: KeyboardEvent, index: number) => {
    const moves: Record<string, number> = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: TABS.length - 1 };
    if (!(event.key in moves)) return;
    event.preventDefault();
    select(TABS[(moves[event.key]! + TABS.length) % TABS.length]!.id, true);
  };

  const saveSettings = async (values: Partial<Settings>) => {
    const previous = settings;
    if (settings) setSettings({ ...settings, ...values });
    if (values.theme) applyTheme(values.theme);
    try {
      const { settings: saved } = await request({ type: 'settings/set', values });
      setSettings(saved);
    } catch (e) {
      setSettings(previous);
      if (previous) applyTheme(previous.theme);
      setError(t('settingSaveFailed', errorText(e)));
    }
  };

  return (
    <div class="sm-options">
      <header class="sm-options-header">
        <h1 class="sm-options-title">{t('extName')}</h1>
        <div role="tablist" aria-label={t('optionsSections')} class="sm-tabs">
          {TABS.map((entry, i) => (
            <button
              key={entry.id}
              type="button"
              role="tab"
              id={`sm-tab-${entry.id}`}
              aria-controls={`sm-panel-${entry.id}`}
              aria-selected={tab === entry.id}
              tabIndex={tab === entry.id ? 0 : -1}
              class="sm-tab"
              ref={(el) => {
                tabRefs.current[entry.id] = el;
              }}
              onClick={() => select(entry.id)}
              onKeyDown={(e) => onTabKey(e, i)}
            >
              {t(entry.label)}
            </button>
          ))}
        </div>
      </header>
      <ErrorBanner error={error} onDismiss={() => setError(null)} class="sm-options-error" />
      <main class="sm-options-main">
        <div id={`sm-panel-${tab}`} role="tabpanel" aria-labelledby={`sm-tab-${tab}`} class="sm-panel">
        {tab === 'library' && <Library rows={rows} updateRows={(update) => setRows((current) => (current ? update(current) : current))} />}
        {tab === 'history' && <History rows={rows} />}
        {tab === 'rules' && <RulesPanel alwaysShow={settings?.alwaysShow} hiddenWorks={settings?.hiddenWorks} />}
        {tab === 'rules' && <AlwaysShownWorks alwaysShow={settings?.alwaysShow} onChanged={reloadSettings} />}
        {tab === 'data' && <DataPanel reloadData={reloadData} />}
        {tab === 'settings' && <SettingsPanel settings={settings} onChange={(values) => void saveSettings(values)} />}
        </div>
      </main>
    </div>
  );
}
