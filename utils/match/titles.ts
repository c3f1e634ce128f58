/**
 * Honorifics and titles right before a surname: "Mr Rutte", "Ms von der Leyen", "Prime Minister Turnbull",
 * "Defense Secretary Gates", "M. Macron", "Frau Merkel", "Präsident Selenskyj". Such a title names the
 * person as the full name would (utils/match/select.ts). Checked only before surname candidates (rare).
 */
import { isWordCode } from '../text/normalize';

/** Honorifics, capitalised, with or without a full stop ("Mr", "Mr.", "M.", "Sra."). Not after a letter, digit or full stop ("p.m. Smith"). */
const HONORIFIC = '(?:Mr|Mrs|Ms|Mx|Dr|Sir|Dame|Lord|Lady|Baroness|Baron|Prof|Gen|Sen|Rep|Gov|Rev|M|Mme|Mlle|Sr|Sra|Srta|Dña|Herr|Frau|Sig|Sig\\.ra)\\.?';
/** Offices and forms of address, as words (a lower-case first letter too: "prime minister Turnbull", "the defence secretary Gates"). */
const OFFICES = [
  'President',
  'Vice President',
  'Vice-President',
  'Prime Minister',
  'Chancellor',
  'Senator',
  'Secretary',
  'Minister',
  'Governor',
  'Speaker',
  'Ambassador',
  'Premier',
  'Congressman',
  'Congresswoman',
  'Representative',
  'Judge',
  'Justice',
  'Professor',
  'Mayor',
  'Commissioner',
  'Chairman',
  'Chairwoman',
  'Président',
  'Présidente',
  'Presidente',
  'Presidenta',
  'Präsident',
  'Präsidentin',
  'Kanzler',
  'Kanzlerin',
  'Bundeskanzler',
  'Bundeskanzlerin',
  'Ministre',
  'Ministro',
  'Ministra',
  'Ministerin',
  'Monsieur',
  'Madame',
  'Señor',
  'Señora',
  'Signor',
  'Signora',
];
/** Titles only with a capital: as lower-case words they are too common ("in general", "the king"). */
const CAPITALISED = [
  'General',
  'King',
  'Queen',
  'Prince',
  'Princess',
  'Pope',
  'Ayatollah',
  'Sheikh',
  'Emir',
  'Sultan',
  'Crown Prince',
  'Admiral',
  'Colonel',
  'Marshal',
];

const either = (w: string) => `[${w[0]}${w[0].toLowerCase()}]${w.slice(1).replace(/ /g, '[ \\u00a0]')}`;
const WORDS = `(?:${OFFICES.map(either).join('|')}|${CAPITALISED.map((w) => w.replace(/ /g, '[ \\u00a0]')).join('|')})`;
/**
 * A title or honorific and one space at the end of the text. No Unicode regex (its compile costs a page
 * 0.4-0.7 ms): what may not come before the title, a letter or digit (or a full stop before an honorific:
 * "p.m. Smith"), is checked with the matcher's own classes (`isWordCode`) at each place it matches.
 */
const TITLE_BEFORE = new RegExp(`(?:(${HONORIFIC})|${WORDS})[ \\u00a0]$`, 'g');
/** Longest stretch before the candidate worth reading: the longest title and its space. */
const LOOK_BACK = 24;

/** Whether `text` has a title or honorific right before `start`, separated by one space. */
export function titleBefore(text: string, start: number): boolean {
  if (start < 2) return false;
  const space = text.charCodeAt(start - 1);
  if (space !== 0x20 && space !== 0xa0) return false;
  const s = text.slice(Math.max(0, start - LOOK_BACK), start);
  const re = TITLE_BEFORE;
  re.lastIndex = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const before = m.index > 0 ? s.charCodeAt(m.index - 1) : -1;
    if (before === -1 || !(isWordCode(before) || (m[1] !== undefined && before === 0x2e))) return true;
    re.lastIndex = m.index + 1;
  }
  return false;
}
