import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Popup } from '../../components/Popup';
import { loadSettings, resolveSettings, settingsItem, updateSettings, type Settings } from '../../utils/settings';
import type { PageStatus } from '../../utils/messages';

/** The tab the popup speaks about: the active tab, or ?tab=ID when opened as a page (tests, keyboard users). */
async function targetTab(): Promise<number | undefined> {
  const param = new URLSearchParams(location.search).get('tab');
  if (param && /^\d+$/.test(param)) return Number(param);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

async function pageStatus(tabId: number | undefined): Promise<PageStatus | null> {
  if (tabId === undefined) return null;
  try {
    return ((await browser.tabs.sendMessage(tabId, { type: 'status' })) as PageStatus) ?? null;
  } catch {
    return null; // no content script there: a browser page, a PDF, a store
  }
}

function App() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [status, setStatus] = useState<PageStatus | null>(null);
  const [tabId, setTabId] = useState<number | undefined>();
  const [meta, setMeta] = useState({ entities: 0, date: '' });

  useEffect(() => {
    void (async () => {
      const id = await targetTab();
      setTabId(id);
      setSettings(await loadSettings());
      setStatus(await pageStatus(id));
      const m = (await browser.runtime.sendMessage({ type: 'meta' })) as { entities: number; date: string } | undefined;
      if (m) setMeta(m);
    })();
    return settingsItem.watch(async (v) => {
      setSettings(resolveSettings(v));
      // Give the page a moment to apply the change, then refresh the list.
      setTimeout(async () => setStatus(await pageStatus(tabId)), 300);
    });
  }, []);

  if (!settings) return null;
  const change = async (patch: Partial<Settings>) => setSettings(await updateSettings(patch));
  return (
    <Popup
      settings={settings}
      status={status}
      dataset={{ ...meta, version: browser.runtime.getManifest().version }}
      onToggleEnabled={(on) => void change({ enabled: on })}
      onToggleSite={(host, on) => {
        const sites = { ...settings.sites };
        if (on) delete sites[host];
        else sites[host] = 'never';
        void change({ sites });
      }}
      onChange={(patch) => void change(patch)}
      onOpenOptions={() => void browser.runtime.openOptionsPage()}
      onJump={async (id) => {
        if (tabId === undefined) return;
        await browser.tabs.sendMessage(tabId, { type: 'jump', id }).catch(() => {});
        if (!new URLSearchParams(location.search).has('tab')) window.close();
      }}
    />
  );
}

render(<App />, document.getElementById('app')!);
