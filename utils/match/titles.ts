/**
 * Honorifics and titles right before a surname: "Mr Rutte", "Ms von der Leyen", "Prime Minister Turnbull",
 * "Defense Secretary Gates", "M. Macron", "Frau Merkel", "Präsident Selenskyj". Such a title names the
 * person as the full name would (utils/match/select.ts). Checked only before surname candidates (rare).
 */

/** Honorifics, capitalised, with or without a full stop ("Mr", "Mr.", "M.", "Sra."). Not after a letter, digit or full stop ("p.m. Smith"). */
const HONORIFIC =
  '(?<![\\p{L}\\p{N}.])(?:Mr|Mrs|Ms|Mx|Dr|Sir|Dame|Lord|Lady|Baroness|Baron|Prof|Gen|Sen|Rep|Gov|Rev|M|Mme|Mlle|Sr|Sra|Srta|Dña|Herr|Frau|Sig|Sig\\.ra)\\.?';
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
const WORDS = `(?<![\\p{L}\\p{N}])(?:${OFFICES.map(either).join('|')}|${CAPITALISED.map((w) => w.replace(/ /g, '[ \\u00a0]')).join('|')})`;
/** A title, then the white space right before the candidate. */
const TITLE_BEFORE = new RegExp(`(?:${HONORIFIC}|${WORDS})[ \\u00a0]$`, 'u');
/** Longest stretch before the candidate worth reading: the longest title and its space. */
const LOOK_BACK = 24;

/** Whether `text` has a title or honorific right before `start`, separated by one space. */
export function titleBefore(text: string, start: number): boolean {
  if (start < 2) return false;
  const space = text.charCodeAt(start - 1);
  if (space !== 0x20 && space !== 0xa0) return false;
  return TITLE_BEFORE.test(text.slice(Math.max(0, start - LOOK_BACK), start));
}
