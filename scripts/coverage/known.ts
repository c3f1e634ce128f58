/**
 * Whether the dataset knows a name listed from a news article: the name equals an
 * entity's name or one of its aliases, compared the way the matcher compares them
 * (length-preserving fold; case-sensitive aliases keep their letter case), with a
 * leading "the " allowed to differ. Pure: the coverage command and its test use it.
 */
import type { Entity } from '../../utils/dataset/validate';
import { isCaseSensitive, matchAliases } from '../../utils/dataset/aliases';
import { foldAlias, foldCode, IGNORABLE } from '../../utils/text/normalize';

export type KnownIndex = { folded: Set<string>; exact: Set<string> };

/** Same text up to diacritics and punctuation variants, with letter case kept (as the matcher's sameCase). */
function caseKey(text: string): string {
  let folded = '';
  let mask = '';
  for (const ch of text.normalize('NFC').replace(/\s+/g, ' ').trim()) {
    for (let i = 0; i < ch.length; i++) {
      const f = foldCode(ch.charCodeAt(i));
      if (f === IGNORABLE) continue;
      folded += String.fromCharCode(f);
      mask += ch !== ch.toLowerCase() ? 'U' : 'l';
    }
  }
  return `${folded}\u0001${mask}`;
}

/** The text and, when it starts with "the ", the text without it. */
function variants(text: string): string[] {
  const t = text.trim();
  const bare = t.replace(/^the\s+/i, '');
  return bare !== t && bare.length > 0 ? [t, bare] : [t];
}

export function buildKnownIndex(entities: Array<Pick<Entity, 'name' | 'aliases'>>): KnownIndex {
  const index: KnownIndex = { folded: new Set(), exact: new Set() };
  for (const e of entities) {
    for (const alias of matchAliases(e)) {
      for (const v of variants(alias.text)) {
        if (isCaseSensitive(alias)) index.exact.add(caseKey(v));
        else index.folded.add(foldAlias(v));
      }
    }
  }
  return index;
}

export function isKnown(index: KnownIndex, name: string): boolean {
  return variants(name).some((v) => index.folded.has(foldAlias(v)) || index.exact.has(caseKey(v)));
}
