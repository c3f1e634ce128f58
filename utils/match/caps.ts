/**
 * Text written in capitals (headlines, datelines, menus: "CONTACT US", "IT IS TIME"): there a two-letter
 * acronym that is also an English word ("US", "IT", "IS", "NO") may well be the word. Such an alias
 * (FLAG_CAPS_WORD, set by the compiler) is not marked when its neighbours are capitals too, unless its
 * entity is marked elsewhere on the page (utils/match/select.ts). Checked only for those rare candidates.
 */

/** English words of two letters that are also written as acronyms. */
export const CAPS_WORDS = new Set('am an as at be by do go he hi if in is it me my no of oh ok on or so to up us we'.split(' '));

/** Whether an alias is a two-letter acronym that is also an English word ("US", "IS", "IT"). */
export function isCapsWord(text: string): boolean {
  return /^[A-Z]{2}$/.test(text) && CAPS_WORDS.has(text.toLowerCase());
}

/** How far to look for a neighbouring word past spaces and punctuation. */
const REACH = 12;
const LETTER = /\p{L}/u;

/** The word next to `from` in direction `step` (-1 before, 1 after): 0 none, 1 in capitals, 2 with a lower-case letter. */
function neighbour(text: string, from: number, step: -1 | 1): 0 | 1 | 2 {
  let i = from;
  const stop = step < 0 ? Math.max(-1, from - REACH) : Math.min(text.length, from + REACH);
  while (i !== stop && !LETTER.test(text[i])) i += step;
  if (i === stop) return 0;
  let upper = false;
  for (; i >= 0 && i < text.length && LETTER.test(text[i]); i += step) {
    const ch = text[i];
    if (ch !== ch.toUpperCase()) return 2;
    if (ch !== ch.toLowerCase()) upper = true;
  }
  return upper ? 1 : 2;
}

/** Whether the span [start, end) sits among words in capitals: a neighbour in capitals, and none in lower case. */
export function inCapitals(text: string, start: number, end: number): boolean {
  const before = neighbour(text, start - 1, -1);
  if (before === 2) return false;
  const after = neighbour(text, end, 1);
  return after !== 2 && (before === 1 || after === 1);
}
