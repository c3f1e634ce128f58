/**
 * Build time: the plural of a product's model designation ("F-16" → "F-16s", "Su-57" → "Su-57s",
 * "Leopard 2" → "Leopard 2s", "TB2" → "TB2s"), an alias with the same rules, so "F-35s" marks the F-35.
 * Only designations (a digit in them, ending in a digit or a capital), only products made in numbers
 * (aircraft, missiles, tanks, chips, phones: not films, songs or pipelines), and only where no
 * other alias claims the text: plain words ("Patriots", "Tomahawks") are left to the data.
 */
import type { Entity } from '../../utils/dataset/validate';
import { matchAliases, type AliasOptions } from '../../utils/dataset/aliases';
import { foldAlias } from '../../utils/text/normalize';

type Item = Pick<Entity, 'id' | 'type' | 'name' | 'aliases'> & Partial<Pick<Entity, 'kind'>>;

/** Things made in numbers, counted in the plural ("two F-16s", "H100s"): not films, pipelines or songs. */
const COUNTABLE =
  /\b(?<!operating )(?:aircraft|airliner|fighter|bomber|jet|helicopter|drone|missile|interceptor|rocket|launcher|artillery|howitzer|tank|vehicle|submarine|destroyer|frigate|warship|carrier|torpedo|munition|rifle|weapon|system|chip|processor|smartphone|phone|car|interceptor)s?\b/i;

/** Whether an alias is a model designation that takes a plural "s". */
export function isDesignation(text: string): boolean {
  // Not after a final S ("HIMARS", "AWACS"): the acronym is plural already.
  return /\d/.test(text) && /[\dA-RT-Z]$/.test(text) && /^[\p{Script=Latin}\d\s.+-]+$/u.test(text);
}

export function withProductPlurals<T extends Item>(entities: readonly T[], opts: AliasOptions = {}): T[] {
  const taken = new Set<string>();
  for (const e of entities) for (const a of matchAliases(e, opts)) taken.add(foldAlias(a.text));
  return entities.map((e) => {
    if (e.type !== 'product' || !COUNTABLE.test(e.kind ?? '')) return e;
    const extra = [];
    for (const a of matchAliases(e, opts)) {
      if (!isDesignation(a.text)) continue;
      const text = `${a.text}s`;
      const key = foldAlias(text);
      if (taken.has(key)) continue;
      taken.add(key);
      const { titleCase: _t, ...rules } = a;
      extra.push({ ...rules, text });
    }
    return extra.length > 0 ? { ...e, aliases: [...e.aliases, ...extra] } : e;
  });
}
