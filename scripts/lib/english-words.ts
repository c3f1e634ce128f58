/**
 * Build time only: whether a lower-case string is an English word (an-array-of-english-words, about
 * 275,000 words, MIT). Decides which acronyms also match in title case ("Nato" yes, "Swift" no).
 */
import { createRequire } from 'node:module';
import type { AliasOptions } from '../../utils/dataset/aliases';
import { withNameClashes } from '../dataset/rules';

const require = createRequire(import.meta.url);
let words: Set<string> | null = null;

export function isEnglishWord(lower: string): boolean {
  words ??= new Set(require('an-array-of-english-words') as string[]);
  return words.has(lower);
}

/** The build's alias options: title-case forms for acronyms, except English words, common words and names ("Nice", "Sana"). */
export const BUILD_ALIAS_OPTIONS: AliasOptions = { isWord: withNameClashes(isEnglishWord) };
