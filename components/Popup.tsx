/**
 * The toolbar popup's view. Props only; entrypoints/popup wires it to storage
 * and to the current tab.
 */
import type { FoundEntity, PageStatus } from '../utils/messages';
import type { Settings } from '../utils/settings';
import { TYPE_LABEL } from '../utils/card/facts';

export type PopupProps = {
  settings: Settings;
  /** null: the page cannot be reached (browser pages, PDFs, the store). */
  status: PageStatus | null;
  dataset: { entities: number; date: string; version: string };
  onToggleEnabled: (on: boolean) => void;
  onToggleSite: (hostname: string, on: boolean) => void;
  onChange: (patch: Partial<Settings>) => void;
  onJump: (id: string) => void;
};

const REASON: Record<NonNullable<PageStatus['reason']>, string> = {
  disabled: 'Backstory is switched off.',
  muted: 'Backstory is off on this site.',
  'not-article': 'This page does not look like a news article. Turn on “Every site” to use Backstory here.',
  'none-found': 'No names from the dataset were found on this page.',
};

export function Popup(props: PopupProps) {
  const { settings, status } = props;
  const host = status?.hostname ?? '';
  const siteOn = host ? props.settings.sites[host] !== 'never' : false;
  return (
    <main class="popup">
      <header class="top">
        <h1>Backstory</h1>
        <label class="switch">
          <input
            type="checkbox"
            checked={settings.enabled}
            onChange={(e) => props.onToggleEnabled((e.target as HTMLInputElement).checked)}
            aria-label="Backstory on"
          />
          <span>{settings.enabled ? 'On' : 'Off'}</span>
        </label>
      </header>
      {host && (
        <label class="row site">
          <input
            type="checkbox"
            checked={siteOn}
            disabled={!settings.enabled}
            onChange={(e) => props.onToggleSite(host, (e.target as HTMLInputElement).checked)}
            aria-label={`On this site (${host})`}
          />
          <span>
            On this site <strong>{host}</strong>
          </span>
        </label>
      )}
      <section class="found" aria-labelledby="found-h">
        <h2 id="found-h">In this article</h2>
        <FoundList status={status} onJump={props.onJump} />
      </section>
      <details class="more">
        <summary>Settings</summary>
        <label class="row">
          <span>Where</span>
          <select value={settings.where} onChange={(e) => props.onChange({ where: (e.target as HTMLSelectElement).value as Settings['where'] })}>
            <option value="news">News articles only</option>
            <option value="all">Every site</option>
          </select>
        </label>
        <label class="row">
          <span>Mark</span>
          <select value={settings.mark} onChange={(e) => props.onChange({ mark: (e.target as HTMLSelectElement).value as Settings['mark'] })}>
            <option value="first">First mention</option>
            <option value="every">Every mention</option>
            <option value="none">None (hover still works)</option>
          </select>
        </label>
        <label class="row">
          <span>Style</span>
          <select value={settings.style} onChange={(e) => props.onChange({ style: (e.target as HTMLSelectElement).value as Settings['style'] })}>
            <option value="dotted">Dotted underline</option>
            <option value="underline">Underline</option>
            <option value="background">Background</option>
          </select>
        </label>
      </details>
      <footer class="foot">
        <span>
          {props.dataset.entities.toLocaleString('en')} entities · data {props.dataset.date} · v{props.dataset.version}
        </span>
        <span>Works offline. Sends nothing.</span>
      </footer>
    </main>
  );
}

function FoundList(props: { status: PageStatus | null; onJump: (id: string) => void }) {
  const { status } = props;
  if (!status) return <p class="empty">Backstory can’t read this page (browser pages, PDFs and extension stores are off limits).</p>;
  if (status.reason) return <p class="empty">{REASON[status.reason]}</p>;
  const groups = new Map<string, FoundEntity[]>();
  for (const f of status.found) groups.set(f.type, [...(groups.get(f.type) ?? []), f]);
  return (
    <div class="groups">
      {[...groups].map(([type, list]) => (
        <div class="group" key={type}>
          <h3>{TYPE_LABEL[type] ?? type}</h3>
          <ul>
            {list
              .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name))
              .map((f) => (
                <li key={f.id}>
                  <button type="button" onClick={() => props.onJump(f.id)}>
                    <span class="name">{f.name}</span>
                    <span class="count" aria-label={`${f.count} mentions`}>
                      {f.count}
                    </span>
                  </button>
                </li>
              ))}
          </ul>
        </div>
      ))}
    </div>
  );
}
