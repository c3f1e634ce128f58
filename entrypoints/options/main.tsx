import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { Glossary, SettingsTools, SiteRules } from '../../components/Options';
import { entryFromForm, mergeEntries, parseGlossaryImport, readGlossary, MAX_IMPORT_BYTES, type EntryForm } from '../../utils/glossary';
import { glossaryItem } from '../../utils/glossary-store';
import { resolveSettings, toStored, type Settings } from '../../utils/settings';
import { loadSettings, settingsItem, updateSettings } from '../../utils/settings-store';
import type { Entity } from '../../utils/dataset/validate';
import { t } from '../../utils/i18n';

/** Save a file with no network: a Blob URL on a temporary link. */
function download(name: string, data: unknown) {
  const url = URL.createObjectURL(new Blob([`${JSON.stringify(data, null, 2)}\n`], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

const today = () => new Date().toISOString().slice(0, 10);

function App() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [entries, setEntries] = useState<Entity[]>([]);
  const [importMessage, setImportMessage] = useState<{ ok: boolean; text: string; problems?: string[] }>();
  const [settingsMessage, setSettingsMessage] = useState<{ ok: boolean; text: string }>();
  const draft = new URLSearchParams(location.hash.slice(1)).get('add') ?? undefined;

  useEffect(() => {
    void (async () => {
      document.title = t('optionsTitle');
      setSettings(await loadSettings());
      setEntries(readGlossary(await glossaryItem.getValue()));
    })();
    const a = settingsItem.watch((v) => setSettings(resolveSettings(v)));
    const b = glossaryItem.watch((v) => setEntries(readGlossary(v)));
    return () => (a(), b());
  }, []);

  if (!settings) return null;
  const saveEntries = async (next: Entity[]) => {
    await glossaryItem.setValue(next);
    setEntries(next);
  };
  return (
    <main>
      <h1>{t('optionsTitle')}</h1>
      <SiteRules sites={settings.sites} onChange={async (sites) => setSettings(await updateSettings({ sites }))} />
      <Glossary
        entries={entries}
        draftName={draft}
        importMessage={importMessage}
        onSave={(form: EntryForm) => {
          const r = entryFromForm(form, today());
          if (!r.ok) return r.problems;
          void saveEntries(mergeEntries(entries, [r.entry]));
          return null;
        }}
        onDelete={(id) => {
          const e = entries.find((x) => x.id === id);
          if (e && confirm(t('deleteConfirm', e.name))) void saveEntries(entries.filter((x) => x.id !== id));
        }}
        onExport={() => download('backstory-glossary.json', entries)}
        onImport={async (file) => {
          // Size first, before reading: a huge file is refused without loading it.
          if (file.size > MAX_IMPORT_BYTES) {
            setImportMessage({ ok: false, text: t('importTooLarge', Math.ceil(file.size / 1024), MAX_IMPORT_BYTES / 1024) });
            return;
          }
          const result = parseGlossaryImport(await file.text(), file.size);
          if (!result.ok) {
            setImportMessage({ ok: false, text: t('importFailed'), problems: result.problems });
            return;
          }
          await saveEntries(mergeEntries(entries, result.entries));
          setImportMessage({ ok: true, text: t('importOk', result.entries.length) });
        }}
      />
      <SettingsTools
        message={settingsMessage}
        onReset={async () => {
          if (!confirm(t('resetConfirm'))) return;
          await settingsItem.removeValue();
          setSettings(await loadSettings());
          setSettingsMessage({ ok: true, text: t('resetDone') });
        }}
        onExport={async () => download('backstory-settings.json', toStored(await loadSettings()))}
        onImport={async (file) => {
          try {
            if (file.size > MAX_IMPORT_BYTES) throw new Error('too large');
            const data = JSON.parse(await file.text()) as unknown;
            if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new Error('not an object');
            await settingsItem.setValue(toStored(resolveSettings(data)));
            setSettings(await loadSettings());
            setSettingsMessage({ ok: true, text: t('settingsImported') });
          } catch {
            setSettingsMessage({ ok: false, text: t('settingsImportFailed') });
          }
        }}
      />
    </main>
  );
}

render(<App />, document.getElementById('app')!);
