/**
 * A larger dataset for the start-up measure: the real index grown to `entities` entities by new
 * people whose names recombine words of real names (a full name, and the surname once the full
 * name was seen, as the data's people have). Only for timing the decode at that size: never shipped.
 */
import type { TermIndex } from '../../utils/match/term-index';
import { FLAG_AFTER_FULL } from '../../utils/match/term-index';

export function grownIndex(base: TermIndex, entities: number, seed = 99): TermIndex {
  let s = seed;
  const rnd = () => (s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x80000000;
  const words = [...new Set(base.entities.flatMap((e) => e.name.split(/\s+/)).filter((w) => /^\p{Lu}\p{Ll}{2,}$/u.test(w)))];
  const out: TermIndex = { entities: [...base.entities], aliases: [...base.aliases] };
  const taken = new Set(base.entities.map((e) => e.name));
  for (let i = 0; out.entities.length < entities; i++) {
    const first = words[Math.floor(rnd() * words.length)];
    const last = words[Math.floor(rnd() * words.length)];
    const name = rnd() < 0.3 ? `${first} ${words[Math.floor(rnd() * words.length)]} ${last}` : `${first} ${last}`;
    if (taken.has(name)) continue;
    taken.add(name);
    const e = out.entities.push({ id: `synthetic-${i}`, type: 'person', name }) - 1;
    out.aliases.push({ text: name, entity: e, flags: 0 }, { text: last, entity: e, flags: FLAG_AFTER_FULL });
    if (rnd() < 0.2) out.aliases.push({ text: `${first[0]}. ${last}`, entity: e, flags: 0 });
  }
  return out;
}
