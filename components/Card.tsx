/**
 * The hover card. Props only: the wiring in entrypoints/content decides what to
 * show and where. All text is rendered as text (Preact escapes it); no data is
 * ever interpreted as HTML.
 */
import type { CardEntity } from '../utils/dataset/compile';
import { flagEmoji, selectFacts } from '../utils/card/facts';
import { TYPE_LABELS } from '../utils/type-labels';
import { formatMonth, t } from '../utils/i18n';
import type { LocatorMap } from '../utils/map/locator';

export type RelatedRef = { id: string; name: string };

export type CardProps = {
  entity: CardEntity;
  related: RelatedRef[];
  /** The text that was matched, shown when it differs from the name ("Xi" → Xi Jinping). */
  matched?: string;
  /** Publication date of the article (YYYY-MM-DD), if the page states one. */
  articleDate?: string;
  canGoBack?: boolean;
  onBack?: () => void;
  onRelated?: (id: string) => void;
  onClose: () => void;
  /** A reader's own glossary entry rather than a bundled card. */
  custom?: boolean;
  /** Locator map for places, when drawn. */
  map?: LocatorMap | null;
  /** Today (YYYY-MM-DD), for "last confirmed" notes; tests set it, the page leaves it to the clock. */
  today?: string;
};

export function Card(props: CardProps) {
  const { entity, matched, articleDate } = props;
  const facts = selectFacts(entity.facts, articleDate, props.custom ? undefined : { reviewed: entity.reviewed, today: props.today });
  const flag = flagEmoji(entity.country);
  // A stored glossary entry is validated, but a card never throws over a type it does not know.
  const one = TYPE_LABELS[entity.type]?.one;
  const kind = entity.kind ?? (one ? t(one) : entity.type);
  const showMatched = matched && matched.trim().toLowerCase() !== entity.name.toLowerCase();
  const titleId = `bs-title-${entity.id}`;
  return (
    <section class="card" role="dialog" aria-labelledby={titleId} data-entity={entity.id}>
      <header class="head">
        {props.canGoBack && (
          <button type="button" class="icon back" aria-label={t('cardBack')} onClick={props.onBack}>
            ←
          </button>
        )}
        <div class="title">
          <div class="kind">
            {flag && (
              <span class="flag" aria-hidden="true">
                {flag}
              </span>
            )}
            {kind}
          </div>
          <h2 id={titleId}>{entity.name}</h2>
          {showMatched && <div class="matched">{t('cardMatched', matched)}</div>}
        </div>
        {props.map && (
          <svg class="map" width={props.map.size} height={props.map.size} viewBox={`0 0 ${props.map.size} ${props.map.size}`} aria-hidden="true">
            <clipPath id="bs-map-clip">
              <circle cx={props.map.size / 2} cy={props.map.size / 2} r={props.map.size / 2 - 1} />
            </clipPath>
            <path class="sea" d={props.map.sphere} />
            <g clip-path="url(#bs-map-clip)">
              <path class="grid" d={props.map.graticule} />
              <path class="land" d={props.map.land} />
              <path class="focus" d={props.map.focus} />
            </g>
          </svg>
        )}
        <button type="button" class="icon close" aria-label={t('cardClose')} onClick={props.onClose}>
          ×
        </button>
      </header>
      <p class="summary">{entity.summary}</p>
      {facts.length > 0 && (
        <dl class="facts">
          {articleDate && <div class="asof">{t('cardAsOfArticle', articleDate)}</div>}
          {facts.map((f) => (
            <div class="fact" key={`${f.label}-${f.value}-${f.from ?? ''}`}>
              <dt>{f.label}</dt>
              <dd>
                {f.value}
                {(f.when || f.confirmed) && (
                  <span class="when">
                    {f.when}
                    {f.when && f.confirmed && ' · '}
                    {f.confirmed && <span class="confirmed">{t('factLastConfirmed', formatMonth(f.confirmed))}</span>}
                  </span>
                )}
              </dd>
            </div>
          ))}
        </dl>
      )}
      {props.related.length > 0 && (
        <ul class="related" aria-label={t('cardRelated')}>
          {props.related.map((r) => (
            <li key={r.id}>
              <button type="button" class="chip" onClick={() => props.onRelated?.(r.id)}>
                {r.name}
              </button>
            </li>
          ))}
        </ul>
      )}
      <footer class="foot">
        {entity.links.wikipedia && (
          <a href={entity.links.wikipedia} target="_blank" rel="noopener noreferrer">
            {t('cardWikipedia')}
          </a>
        )}
        {entity.links.official && (
          <a href={entity.links.official} target="_blank" rel="noopener noreferrer">
            {props.custom ? t('cardSource') : t('cardOfficial')}
          </a>
        )}
        <span class="reviewed">{props.custom ? t('cardCustom') : t('cardReviewed', entity.reviewed)}</span>
      </footer>
    </section>
  );
}

/** The card for a selection Backstory does not know: says so, and offers to add it to the glossary. */
export function UnknownCard(props: { text: string; onAdd: () => void; onClose: () => void }) {
  return (
    <section class="card" role="dialog" aria-labelledby="bs-unknown">
      <header class="head">
        <div class="title">
          <h2 id="bs-unknown">{t('cardUnknownTitle')}</h2>
        </div>
        <button type="button" class="icon close" aria-label={t('cardClose')} onClick={props.onClose}>
          ×
        </button>
      </header>
      <p class="summary">{t('cardUnknownText', props.text)}</p>
      <footer class="foot">
        <button type="button" class="chip" onClick={props.onAdd}>
          {t('cardAddToGlossary')}
        </button>
      </footer>
    </section>
  );
}
