/**
 * The toolbar popup's view. Props only; entrypoints/popup wires it to storage
 * and to the current tab.
 */
import type { FoundEntity, PageStatus } from '../utils/messages';
import type { Settings } from '../utils/settings';
import { ENTITY_TYPES, type EntityType } from '../utils/dataset/types';
import { TYPE_LABELS } from '../utils/type-labels';
import { t, type MessageKey } from '../utils/i18n';

export type PopupProps = {
  settings: Settings;
  /** null: the page cannot be reached (browser pages, PDFs, the store). */
  status: PageStatus | null;
  dataset: { entities: number; date: string; version: string };
  onToggleEnabled: (on: boolean) => void;
  onToggleSite: (hostname: string, on: boolean) => void;
  onChange: (patch: Partial<Settings>) => void;
  onJump: (id: string) => void;
  onOpenOptions: () => void;
};

const REASON: Record<NonNullable<PageStatus['reason']>, MessageKey> = {
  disabled: 'reasonDisabled',
  muted: 'reasonMuted',
  'not-article': 'reasonNotArticle',
  'none-found': 'reasonNone',
};

/** The settings chosen from a list: key, label, and (value, label) per option. */
const CHOICES: Array<[keyof Pick<Settings, 'where' | 'scope' | 'mark' | 'style' | 'theme'>, MessageKey, Array<[string, MessageKey]>]> = [
  [
    'where',
    'where',
    [
      ['news', 'whereNews'],
      ['all', 'whereAll'],
    ],
  ],
  [
    'scope',
    'scope',
    [
      ['article', 'scopeArticle'],
      ['page', 'scopePage'],
    ],
  ],
  [
    'mark',
    'mark',
    [
      ['first', 'markFirst'],
      ['every', 'markEvery'],
      ['none', 'markNone'],
    ],
  ],
  [
    'style',
    'style',
    [
      ['dotted', 'styleDotted'],
      ['underline', 'styleUnderline'],
      ['background', 'styleBackground'],
    ],
  ],
  [
    'theme',
    'theme',
    [
      ['auto', 'themeAuto'],
      ['light', 'themeLight'],
      ['dark', 'themeDark'],
    ],
  ],
];

export function Popup(props: PopupProps) {
  const { settings, status } = props;
  const host = status?.hostname ?? '';
  const siteOn = host ? settings.sites[host] !== 'never' : false;
  const select =
    <K extends keyof Settings>(key: K) =>
    (e: Event) =>
      props.onChange({ [key]: (e.target as HTMLSelectElement).value } as Partial<Settings>);
  return (
    <main class="popup">
      <header class="top">
        <h1>Backstory</h1>
        <label class="switch">
          <input
            type="checkbox"
            checked={settings.enabled}
            onChange={(e) => props.onToggleEnabled((e.target as HTMLInputElement).checked)}
            aria-label={t('masterLabel')}
          />
          <span>{settings.enabled ? t('popupOn') : t('popupOff')}</span>
        </label>
      </header>
      {host && (
        <label class="row site">
          <input
            type="checkbox"
            checked={siteOn}
            disabled={!settings.enabled}
            onChange={(e) => props.onToggleSite(host, (e.target as HTMLInputElement).checked)}
            aria-label={t('onThisSiteLabel', host)}
          />
          <span>
            {t('onThisSite')} <strong>{host}</strong>
          </span>
        </label>
      )}
      <section class="found" aria-labelledby="found-h">
        <h2 id="found-h">{t('inThisArticle')}</h2>
        <FoundList status={status} onJump={props.onJump} />
      </section>
      <details class="more">
        <summary>{t('settings')}</summary>
        {CHOICES.map(([key, label, options]) => (
          <label class="row" key={key}>
            <span>{t(label)}</span>
            <select value={settings[key]} onChange={select(key)}>
              {options.map(([value, text]) => (
                <option key={value} value={value}>
                  {t(text)}
                </option>
              ))}
            </select>
          </label>
        ))}
        <label class="row">
          <span>{t('hoverDelay')}</span>
          <span class="range">
            <input
              type="range"
              min={0}
              max={1000}
              step={50}
              value={settings.hoverDelay}
              aria-label={t('hoverDelay')}
              onChange={(e) => props.onChange({ hoverDelay: Number((e.target as HTMLInputElement).value) })}
            />
            <output>{t('hoverDelayValue', settings.hoverDelay)}</output>
          </span>
        </label>
        <fieldset class="cats">
          <legend>{t('categories')}</legend>
          {ENTITY_TYPES.map((type) => (
            <label key={type}>
              <input
                type="checkbox"
                checked={settings.categories[type]}
                onChange={(e) => props.onChange({ categories: { ...settings.categories, [type]: (e.target as HTMLInputElement).checked } })}
              />
              {t(TYPE_LABELS[type].many)}
            </label>
          ))}
        </fieldset>
        <button type="button" class="link" onClick={props.onOpenOptions}>
          {t('openOptions')}
        </button>
      </details>
      <footer class="foot">
        <span>{t('datasetLine', props.dataset.entities.toLocaleString(), props.dataset.date, props.dataset.version)}</span>
        <span>{t('privacyLine')}</span>
      </footer>
    </main>
  );
}

function FoundList(props: { status: PageStatus | null; onJump: (id: string) => void }) {
  const { status } = props;
  if (!status) return <p class="empty">{t('reasonUnreachable')}</p>;
  if (status.reason) return <p class="empty">{t(REASON[status.reason])}</p>;
  const groups = new Map<EntityType, FoundEntity[]>();
  for (const f of status.found) groups.set(f.type, [...(groups.get(f.type) ?? []), f]);
  return (
    <div class="groups">
      {ENTITY_TYPES.filter((type) => groups.has(type)).map((type) => (
        <div class="group" key={type}>
          <h3>{t(TYPE_LABELS[type].many)}</h3>
          <ul>
            {groups
              .get(type)!
              .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name))
              .map((f) => (
                <li key={f.id}>
                  <button type="button" onClick={() => props.onJump(f.id)}>
                    <span class="name">{f.name}</span>
                    <span class="count" aria-label={t('mentions', f.count)}>
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
