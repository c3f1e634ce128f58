/**
 * The options page's views: site rules, the custom glossary and settings tools.
 * Props only; entrypoints/options wires them to storage and files. Imported
 * text is only ever rendered as text.
 */
import { useState } from 'preact/hooks';
import type { Entity } from '../utils/dataset/validate';
import { ENTITY_TYPES } from '../utils/dataset/types';
import { formFromEntry, type EntryForm } from '../utils/glossary';
import type { SiteRule } from '../utils/settings';
import { t } from '../utils/i18n';
import { TYPE_LABELS } from '../utils/type-labels';

const HOST = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;

export function SiteRules(props: { sites: Record<string, SiteRule>; onChange: (sites: Record<string, SiteRule>) => void }) {
  const [host, setHost] = useState('');
  const [rule, setRule] = useState<SiteRule>('never');
  const [error, setError] = useState('');
  const entries = Object.entries(props.sites).sort(([a], [b]) => a.localeCompare(b));
  const add = (e: Event) => {
    e.preventDefault();
    const h = host
      .trim()
      .toLowerCase()
      .replace(/^https?:\/\//, '')
      .replace(/\/.*$/, '');
    if (!HOST.test(h)) return setError(t('invalidHost'));
    setError('');
    setHost('');
    props.onChange({ ...props.sites, [h]: rule });
  };
  return (
    <section aria-labelledby="sites-h">
      <h2 id="sites-h">{t('siteRules')}</h2>
      <p class="help">{t('siteRulesHelp')}</p>
      {entries.length === 0 ? (
        <p class="empty">{t('siteRulesEmpty')}</p>
      ) : (
        <table class="rules">
          <thead>
            <tr>
              <th>{t('siteHost')}</th>
              <th>{t('siteRule')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {entries.map(([h, r]) => (
              <tr key={h}>
                <td>{h}</td>
                <td>
                  <select
                    value={r}
                    aria-label={`${t('siteRule')} ${h}`}
                    onChange={(e) => props.onChange({ ...props.sites, [h]: (e.target as HTMLSelectElement).value as SiteRule })}
                  >
                    <option value="always">{t('siteRuleAlways')}</option>
                    <option value="never">{t('siteRuleNever')}</option>
                  </select>
                </td>
                <td>
                  <button
                    type="button"
                    onClick={() => {
                      const next = { ...props.sites };
                      delete next[h];
                      props.onChange(next);
                    }}
                  >
                    {t('remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form class="inline" onSubmit={add}>
        <input value={host} placeholder="example.com" aria-label={t('siteHost')} onInput={(e) => setHost((e.target as HTMLInputElement).value)} />
        <select value={rule} aria-label={t('siteRule')} onChange={(e) => setRule((e.target as HTMLSelectElement).value as SiteRule)}>
          <option value="always">{t('siteRuleAlways')}</option>
          <option value="never">{t('siteRuleNever')}</option>
        </select>
        <button type="submit">{t('add')}</button>
      </form>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

const emptyForm = (name = ''): EntryForm => ({ name, type: 'concept', aliases: '', summary: '', facts: '', link: '' });

export type GlossaryProps = {
  entries: Entity[];
  /** Prefill for a new entry (from "Add to my glossary" on a card). */
  draftName?: string;
  onSave: (form: EntryForm) => string[] | null;
  onDelete: (id: string) => void;
  onImport: (file: File) => void;
  onExport: () => void;
  importMessage?: { ok: boolean; text: string; problems?: string[] };
};

export function Glossary(props: GlossaryProps) {
  const [form, setForm] = useState<EntryForm | null>(props.draftName ? emptyForm(props.draftName) : null);
  const [problems, setProblems] = useState<string[]>([]);
  const field = (key: keyof EntryForm) => (e: Event) => setForm({ ...form!, [key]: (e.target as HTMLInputElement).value });
  const save = (e: Event) => {
    e.preventDefault();
    const p = props.onSave(form!);
    if (p && p.length > 0) return setProblems(p);
    setProblems([]);
    setForm(null);
  };
  return (
    <section aria-labelledby="glossary-h">
      <h2 id="glossary-h">{t('glossary')}</h2>
      <p class="help">{t('glossaryHelp')}</p>
      {props.entries.length === 0 && <p class="empty">{t('glossaryEmpty')}</p>}
      <ul class="entries">
        {props.entries.map((e) => (
          <li key={e.id}>
            <div>
              <strong>{e.name}</strong> <span class="muted">{t(TYPE_LABELS[e.type].one)}</span>
              <div class="muted summary">{e.summary}</div>
            </div>
            <div class="actions">
              <button type="button" onClick={() => setForm(formFromEntry(e))}>
                {t('edit')}
              </button>
              <button type="button" onClick={() => props.onDelete(e.id)}>
                {t('delete')}
              </button>
            </div>
          </li>
        ))}
      </ul>
      {form ? (
        <form class="entry" onSubmit={save} aria-label={form.id ? t('glossaryEdit') : t('glossaryAdd')}>
          <label>
            {t('fieldName')}
            <input value={form.name} onInput={field('name')} required maxLength={100} />
          </label>
          <label>
            {t('fieldType')}
            <select value={form.type} onChange={field('type')}>
              {ENTITY_TYPES.map((type) => (
                <option key={type} value={type}>
                  {t(TYPE_LABELS[type].many)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('fieldAliases')}
            <input value={form.aliases} onInput={field('aliases')} />
          </label>
          <label>
            {t('fieldSummary')}
            <textarea value={form.summary} onInput={field('summary')} maxLength={300} rows={3} required />
          </label>
          <label>
            {t('fieldFacts')}
            <textarea value={form.facts} onInput={field('facts')} rows={3} />
          </label>
          <label>
            {t('fieldLink')}
            <input value={form.link} onInput={field('link')} type="url" />
          </label>
          {problems.length > 0 && (
            <div class="error" role="alert">
              {t('entryInvalid')}
              <ul>
                {problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            </div>
          )}
          <div class="actions">
            <button type="submit">{t('save')}</button>
            <button type="button" onClick={() => (setForm(null), setProblems([]))}>
              {t('cancel')}
            </button>
          </div>
        </form>
      ) : (
        <button type="button" onClick={() => setForm(emptyForm())}>
          {t('glossaryAdd')}
        </button>
      )}
      <div class="tools">
        <FilePicker label={t('importJson')} onFile={props.onImport} />
        <button type="button" onClick={props.onExport}>
          {t('exportJson')}
        </button>
      </div>
      {props.importMessage && (
        <div class={props.importMessage.ok ? 'ok' : 'error'} role="status">
          {props.importMessage.text}
          {props.importMessage.problems && (
            <ul class="problems">
              {props.importMessage.problems.slice(0, 50).map((p) => (
                <li key={p}>{p}</li>
              ))}
              {props.importMessage.problems.length > 50 && <li>…</li>}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}

export function SettingsTools(props: { onReset: () => void; onExport: () => void; onImport: (file: File) => void; message?: { ok: boolean; text: string } }) {
  return (
    <section aria-labelledby="settings-h">
      <h2 id="settings-h">{t('settingsSection')}</h2>
      <div class="tools">
        <button type="button" onClick={props.onReset}>
          {t('resetSettings')}
        </button>
        <button type="button" onClick={props.onExport}>
          {t('exportSettings')}
        </button>
        <FilePicker label={t('importSettings')} onFile={props.onImport} />
      </div>
      {props.message && (
        <p class={props.message.ok ? 'ok' : 'error'} role="status">
          {props.message.text}
        </p>
      )}
      <h2>{t('privacyTitle')}</h2>
      <p class="help">{t('privacyText')}</p>
    </section>
  );
}

/** A button-looking label around a hidden file input; the same file can be chosen twice in a row. */
function FilePicker(props: { label: string; onFile: (file: File) => void }) {
  return (
    <label class="file">
      {props.label}
      <input
        type="file"
        accept="application/json,.json"
        onChange={(e) => {
          const input = e.target as HTMLInputElement;
          const f = input.files?.[0];
          if (f) props.onFile(f);
          input.value = '';
        }}
      />
    </label>
  );
}
