/**
 * Removes references to ids that do not exist: `related` entries are dropped;
 * an alias whose every `context` id is missing is dropped (making it
 * unconditional would be a guess). Rewrites files in place, keeping formatting.
 * Usage: npx tsx scripts/prune-refs.ts [dir]   (default: data)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { listDataFiles } from './load-data';

const dir = process.argv[2] ?? 'data';
const files = listDataFiles(dir);
type Raw = { id: string; related?: string[]; aliases: Array<string | { text: string; context?: string[] }> };
const data = files.map((f) => ({ f, list: JSON.parse(readFileSync(f, 'utf8')) as Raw[] }));
const ids = new Set(data.flatMap((d) => d.list.map((e) => e.id)));
let related = 0;
let contexts = 0;
let aliases = 0;
for (const { f, list } of data) {
  let changed = false;
  for (const e of list) {
    if (e.related) {
      const kept = [...new Set(e.related.filter((r) => ids.has(r) && r !== e.id))];
      if (kept.length !== e.related.length) {
        related += e.related.length - kept.length;
        changed = true;
        if (kept.length > 0) e.related = kept;
        else delete e.related;
      }
    }
    const next: Raw['aliases'] = [];
    for (const a of e.aliases) {
      if (typeof a !== 'string' && a.context) {
        const kept = a.context.filter((c) => ids.has(c));
        if (kept.length === 0) {
          aliases++;
          changed = true;
          continue;
        }
        if (kept.length !== a.context.length) {
          contexts += a.context.length - kept.length;
          a.context = kept;
          changed = true;
        }
      }
      next.push(a);
    }
    e.aliases = next;
  }
  if (changed) writeFileSync(f, `${JSON.stringify(list, null, 2)}\n`);
}
console.log(`pruned ${related} related ids, ${contexts} context ids, ${aliases} aliases whose context ids all were missing`);
