import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Popup } from '../../components/Popup';
import { resolveSettings, type Settings } from '../../utils/settings';
import { loadSettings, settingsItem, updateSettings } from '../../utils/settings-store';
import { fromWire, sendToBackground, sendToTab, statusPush, type PageStatus } from '../../utils/messages';

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
    return fromWire(await sendToTab(tabId, 'status', {}));
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
    let tab: number | undefined;
    void (async () => {
      tab = await targetTab();
      setTabId(tab);
      setSettings(await loadSettings());
      setStatus(await pageStatus(tab));
      const m = await sendToBackground('meta', {}).catch(() => undefined);
      if (m) setMeta(m);
    })();
    // The page pushes its status whenever it changes (after a settings change too): no polling, no stale tab.
    const onPush = (message: unknown, sender: { tab?: { id?: number }; frameId?: number }) => {
      const pushed = statusPush(message);
      if (pushed && tab !== undefined && sender.tab?.id === tab && (sender.frameId ?? 0) === 0) setStatus(pushed);
    };
    browser.runtime.onMessage.addListener(onPush);
    const unwatch = settingsItem.watch((v) => setSettings(resolveSettings(v)));
    return () => {
      unwatch();
      browser.runtime.onMessage.removeListener(onPush);
    };
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
        await sendToTab(tabId, 'jump', { id }).catch(() => {});
        if (!new URLSearchParams(location.search).has('tab')) window.close();
      }}
    />
  );
}

render(<App />, document.getElementById('app')!);
