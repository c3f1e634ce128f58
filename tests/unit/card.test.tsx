import { describe, expect, test } from 'vitest';
import { render, screen, fireEvent } from '@testing-library/preact';
import { Card } from '../../components/Card';
import { readFileSync } from 'node:fs';
import { describeWhen, flagEmoji, lastConfirmed, selectFacts } from '../../utils/card/facts';
import { formatMonth } from '../../utils/i18n';
import { isNewsArticle, publicationDate } from '../../utils/article';
import type { CardEntity } from '../../utils/dataset/compile';

const putin: CardEntity = {
  id: 'vladimir-putin',
  type: 'person',
  kind: 'head of state',
  name: 'Vladimir Putin',
  aliases: ['Putin'],
  summary: 'Test summary <b>not bold</b>'.replace(/[<>]/g, ''),
  facts: [
    { label: 'President of Russia', value: 'Fourth and fifth terms', from: '2012-05-07', asOf: '2025-06' },
    { label: 'President of Russia', value: 'First and second terms', from: '2000-05-07', to: '2008-05-07' },
    { label: 'Prime Minister of Russia', value: 'Under Medvedev', from: '2008-05-08', to: '2012-05-07' },
    { label: 'Born', value: '7 October 1952, Leningrad' },
  ],
  related: ['russia'],
  country: 'RU',
  links: { wikipedia: 'https://en.wikipedia.org/wiki/Vladimir_Putin' },
  reviewed: '2026-11-29',
};

describe('facts for the article date', () => {
  test('an article from 2010 shows the office held then', () => {
    const labels = selectFacts(putin.facts, '2010-03-15').map((f) => `${f.label}: ${f.value}`);
    expect(labels).toEqual(['Prime Minister of Russia: Under Medvedev', 'Born: 7 October 1952, Leningrad']);
  });
  test('without a date: current facts first, then past ones, most recent first', () => {
    expect(selectFacts(putin.facts).map((f) => f.value)).toEqual([
      'Fourth and fifth terms',
      '7 October 1952, Leningrad',
      'Under Medvedev',
      'First and second terms',
    ]);
  });
  test('dates read naturally', () => {
    expect(describeWhen({ label: 'x', value: 'y', from: '2012-05-07', asOf: '2025-06' })).toBe('since 2012 · as of 2025');
    expect(describeWhen({ label: 'x', value: 'y', from: '2000', to: '2008' })).toBe('2000–2008');
    expect(describeWhen({ label: 'x', value: 'Since 2012', from: '2012' })).toBe('');
    expect(describeWhen({ label: 'Population', value: '144 million', asOf: '2024' })).toBe('as of 2024');
  });
  test('flags from ISO codes', () => {
    expect(flagEmoji('RU')).toBe('🇷🇺');
    expect(flagEmoji('xx')).toBe('');
  });
});

describe('Card', () => {
  test('shows name, kind, matched alias, summary, dated facts, related and source', () => {
    const related: string[] = [];
    render(
      <Card
        entity={putin}
        related={[{ id: 'russia', name: 'Russia' }]}
        matched="Putin"
        today="2025-09-01"
        onClose={() => {}}
        onRelated={(id) => related.push(id)}
      />,
    );
    expect(screen.getByRole('dialog', { name: 'Vladimir Putin' })).toBeTruthy();
    expect(screen.getByText('Matched “Putin”')).toBeTruthy();
    expect(screen.getByText('head of state')).toBeTruthy();
    expect(screen.getByText(/since 2012 · as of 2025/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Wikipedia' }).getAttribute('href')).toBe(putin.links.wikipedia);
    expect(screen.getByRole('link', { name: 'Wikipedia' }).getAttribute('target')).toBe('_blank');
    fireEvent.click(screen.getByRole('button', { name: 'Russia' }));
    expect(related).toEqual(['russia']);
  });

  test('renders data as text, never as HTML', () => {
    const evil = { ...putin, summary: '<img src=x onerror=alert(1)>', name: '<b>x</b>' };
    const { container } = render(<Card entity={evil} related={[]} onClose={() => {}} />);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
    expect(container.textContent).toContain('<img src=x onerror=alert(1)>');
  });
});

describe('"last confirmed" on facts whose evidence is old', () => {
  const president = putin.facts[0]; // from 2012, asOf 2025-06
  test('evidence (asOf, else the card reviewed date) more than 6 months before today, or the article date when older', () => {
    expect(lastConfirmed(president, putin.reviewed, '2026-12-07')).toBe('2025-06');
    expect(lastConfirmed(president, putin.reviewed, '2025-09-01')).toBeUndefined();
    // "2025-06" may mean any day of June: it is stale only once its last day is more than six months back.
    expect(lastConfirmed(president, putin.reviewed, '2025-12-31')).toBeUndefined();
    expect(lastConfirmed(president, putin.reviewed, '2026-01-01')).toBe('2025-06');
    // No asOf: the card's reviewed date is the evidence.
    expect(lastConfirmed({ label: 'Leader', value: 'X', from: '2019' }, '2025-01-10', '2026-12-07')).toBe('2025-01-10');
    // Timeless and ended facts are never "last confirmed".
    expect(lastConfirmed(putin.facts[3], '2020-01-01', '2026-12-07')).toBeUndefined();
    expect(lastConfirmed(putin.facts[1], '2020-01-01', '2026-12-07')).toBeUndefined();
    // Read at an older article's date: evidence from after the article is never stale for it.
    const shown = (articleDate?: string) => selectFacts(putin.facts, articleDate, { reviewed: putin.reviewed, today: '2026-12-07' })[0];
    expect(shown('2025-10-01').confirmed).toBeUndefined();
    expect(shown('2026-06-15').confirmed).toBe('2025-06');
    expect(shown().confirmed).toBe('2025-06');
    expect(shown().when).toBe('since 2012');
  });

  test('the card shows "last confirmed <Month YYYY>" next to the value, instead of "as of"', () => {
    const { container } = render(<Card entity={putin} related={[]} today="2026-12-07" onClose={() => {}} />);
    const notes = [...container.querySelectorAll('.confirmed')].map((n) => n.textContent);
    expect(notes).toEqual(['last confirmed June 2025']);
    expect(container.querySelector('.fact dd')?.textContent).toBe('Fourth and fifth termssince 2012 · last confirmed June 2025');
    expect(container.textContent).not.toContain('as of 2025');
  });

  test("not on a reader's own glossary entry, and not when the evidence is recent", () => {
    const custom = render(<Card entity={putin} related={[]} today="2026-12-07" custom onClose={() => {}} />);
    expect(custom.container.querySelector('.confirmed')).toBeNull();
    custom.unmount();
    const fresh = render(<Card entity={putin} related={[]} today="2025-10-01" onClose={() => {}} />);
    expect(fresh.container.querySelector('.confirmed')).toBeNull();
  });

  test('in all five UI locales: the message and the month name', () => {
    const want: Record<string, [string, string]> = {
      en: ['en', 'last confirmed June 2025'],
      de: ['de', 'zuletzt bestätigt Juni 2025'],
      es: ['es', 'confirmado por última vez en junio de 2025'],
      fr: ['fr', 'confirmé pour la dernière fois en juin 2025'],
      zh_CN: ['zh-CN', '最后确认于 2025年6月'],
    };
    for (const [dir, [locale, text]] of Object.entries(want)) {
      const messages = JSON.parse(readFileSync(`public/_locales/${dir}/messages.json`, 'utf8')) as Record<string, { message: string }>;
      expect(messages.factLastConfirmed.message.replace('$P1$', formatMonth('2025-06', locale)), dir).toBe(text);
    }
    expect(formatMonth('2024')).toBe('2024');
    expect(formatMonth('2025-06-30', 'en')).toBe('June 2025');
  });
});

describe('article detection', () => {
  const doc = (html: string) => new DOMParser().parseFromString(html, 'text/html');
  test('JSON-LD NewsArticle, og:type, or a long <article>', () => {
    expect(isNewsArticle(doc('<script type="application/ld+json">{"@type":"NewsArticle"}</script>'))).toBe(true);
    expect(isNewsArticle(doc('<script type="application/ld+json">{"@graph":[{"@type":["ReportageNewsArticle"]}]}</script>'))).toBe(true);
    expect(isNewsArticle(doc('<meta property="og:type" content="article">'))).toBe(true);
    expect(isNewsArticle(doc(`<article>${'word '.repeat(400)}</article>`))).toBe(true);
  });
  test('shops, search pages and short snippets are not articles', () => {
    expect(isNewsArticle(doc('<meta property="og:type" content="website"><article>short</article>'))).toBe(false);
    expect(isNewsArticle(doc('<script type="application/ld+json">{"@type":"Product"}</script>'))).toBe(false);
    expect(isNewsArticle(doc('<script type="application/ld+json">{broken</script>'))).toBe(false);
  });
  test('publication date from meta, JSON-LD or <time>', () => {
    expect(publicationDate(doc('<meta property="article:published_time" content="2022-02-04T14:30:00Z">'))).toBe('2022-02-04');
    expect(publicationDate(doc('<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2010-03-15"}</script>'))).toBe('2010-03-15');
    expect(publicationDate(doc('<article><header><time datetime="2019-07-01T08:00">1 July</time></header></article>'))).toBe('2019-07-01');
    expect(publicationDate(doc('<p>no date</p>'))).toBeUndefined();
  });
});
